"""The translation report: for the terminal and as a page of the Redaktionshandbuch."""

from __future__ import annotations

from collections import Counter

from portal.project import Project
from portal.translations.status import (
    CURRENT,
    MISSING,
    OUTDATED,
    STATES,
    UNRECORDED,
    Translation,
    summary,
)

HEADINGS = {
    OUTDATED: "Veraltet: die Quelle hat sich seit der Übersetzung geändert",
    UNRECORDED: "Stand der Übersetzung nicht erfasst",
    MISSING: "Ohne Übersetzung",
}
_COLUMNS = ("Bereich", "Seiten", CURRENT, OUTDATED, UNRECORDED, MISSING)


def text_report(project: Project, states: list[Translation]) -> str:
    """Plain text for ``python -m portal report translations``."""
    names = {language.code: language.name for language in project.languages}
    docs = project.shown(project.docs_dir)
    lines = ["Übersetzungen je Bereich:", ""]
    rows = [_row(section, counts) for section, counts in summary(states).items()]
    rows.append(_row("gesamt", Counter(item.state for item in states)))
    widths = [max(len(str(row[i])) for row in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    for row in [_COLUMNS, *rows]:
        cells = [
            str(cell).ljust(widths[0]) if i == 0 else str(cell).rjust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    for state in STATES:
        if state == CURRENT:
            continue
        items = [item for item in states if item.state == state]
        if not items:
            continue
        lines += ["", f"{HEADINGS[state]} ({len(items)}):"]
        for item in items:
            shown = item.source if state == MISSING else item.target
            lines.append(f"  {docs}/{shown} ({names[item.language]})")
    if any(item.state in (OUTDATED, UNRECORDED) for item in states):
        lines += [
            "",
            "Nach dem Angleichen einer Übersetzung: python -m portal translation stamp PFAD",
        ]
    return "\n".join(lines) + "\n"


def markdown_report(project: Project, states: list[Translation]) -> str:
    """Markdown for the page of the Redaktionshandbuch (paths as code, not as links)."""
    names = {language.code: language.name for language in project.languages}
    lines = [
        "## Je Bereich",
        "",
        "| " + " | ".join(_COLUMNS) + " |",
        "| --- |" + " --- |" * (len(_COLUMNS) - 1),
    ]
    rows = [_row(section, counts) for section, counts in summary(states).items()]
    rows.append(_row("**gesamt**", Counter(item.state for item in states)))
    for row in rows:
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    for state in STATES:
        if state == CURRENT:
            continue
        items = [item for item in states if item.state == state]
        lines += ["", f"## {HEADINGS[state]}", ""]
        if not items:
            lines.append("Keine.")
            continue
        for item in items:
            shown = item.source if state == MISSING else item.target
            lines.append(f"- `docs/{shown}` ({names[item.language]})")
    return "\n".join(lines) + "\n"


def _row(section: str, counts: Counter[str]) -> tuple[str, int, int, int, int, int]:
    return (
        section,
        sum(counts.values()),
        counts[CURRENT],
        counts[OUTDATED],
        counts[UNRECORDED],
        counts[MISSING],
    )
