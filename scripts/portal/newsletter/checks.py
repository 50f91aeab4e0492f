"""The newsletter's own rules, as findings with file and line.

The metadata check (``portal.metadata``) already reports what the schema
knows: a missing or malformed number or date, a number used twice, a
translation with another number or date. The link guard reports a link from
an issue to a page that does not exist. This module adds what only the
archive as a whole or the calendar can tell: a gap in the numbering, an
issue dated in the future, an issue without a summary.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from portal.findings import Finding
from portal.metadata.dates import format_date
from portal.newsletter.model import Issue


def check_issues(issues: Sequence[Issue], *, today: datetime.date) -> list[Finding]:
    """Every problem of the archive, each once."""
    findings = check_numbering(issues)
    for issue in issues:
        findings += check_date(issue, today=today)
        findings += check_summaries(issue)
    return sorted(set(findings))


def check_numbering(issues: Sequence[Issue]) -> list[Finding]:
    """Numbers run 1, 2, 3, … without a gap (a number used twice is the metadata check's)."""
    findings = []
    expected = 1
    for issue in sorted(issues, key=lambda issue: (issue.number, issue.src_uri)):
        if issue.number > expected:
            missing = (
                f"Nr. {expected}"
                if issue.number == expected + 1
                else f"Nr. {expected} bis {issue.number - 1}"
            )
            findings.append(
                Finding(
                    issue.source.path,
                    issue.source.line("number"),
                    f"Die Nummern der Ausgaben haben eine Lücke: vor Nr. {issue.number} "
                    f"fehlt {missing}",
                    f"geben Sie dieser Ausgabe die Nummer {expected}, wenn sie die nächste ist, "
                    "oder legen Sie die fehlende Ausgabe an (python -m portal new newsletter).",
                )
            )
        expected = max(expected, issue.number + 1)
    return findings


def check_date(issue: Issue, *, today: datetime.date) -> list[Finding]:
    """An issue is dated the day it is published: never later than today."""
    if issue.date <= today:
        return []
    return [
        Finding(
            issue.source.path,
            issue.source.line("date"),
            f"Die Ausgabe ist auf den {format_date(issue.date, language='de')} datiert, "
            "einen Tag in der Zukunft",
            "setzen Sie als date den Tag, an dem die Ausgabe erscheint, und veröffentlichen "
            "Sie sie erst an diesem Tag.",
        )
    ]


def check_summaries(issue: Issue) -> list[Finding]:
    """Archive, start page and feeds show the summary of each language's version."""
    return [
        Finding(
            text.path,
            text.line("summary"),
            "Die Ausgabe hat keine Zusammenfassung (summary)",
            "schreiben Sie in die Kopfdaten unter summary: ein bis drei Sätze darüber, "
            "was in dieser Ausgabe steht; Archiv, Startseite und Feeds zeigen sie.",
        )
        for text in issue.texts.values()
        if not text.summary
    ]
