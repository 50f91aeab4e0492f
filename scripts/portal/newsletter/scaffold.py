"""``python -m portal new newsletter``: the next issue, dated today, never over a file.

The new issue gets the next free number (one more than the highest in the
archive), today's date and a template body; the front matter is written with
python-frontmatter and checked like the build checks it
(`portal.scaffold.files.write_page`). Issues are not entered into the nav:
the archive lists them.
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from portal.metadata.schemas import common_vocabulary
from portal.newsletter.model import ISSUES_FOLDER, load_issues
from portal.project import Project
from portal.scaffold.files import common_metadata, write_page

_BODY = """\
# {title}

<!-- Schreiben Sie hier den Text der Ausgabe, mit Zwischenüberschriften („## “).
Nur belegte Tatsachen, keine erfundenen Zahlen, Daten oder Namen. Die englische
Fassung legen Sie mit „python -m portal new translation {src_uri}“ an. -->
"""


def issue_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--titel", required=True, help="Titel der Ausgabe (ohne ihre Nummer)")
    parser.add_argument(
        "--zusammenfassung",
        required=True,
        help="ein bis drei Sätze für Archiv, Startseite und Feeds",
    )
    parser.add_argument(
        "--beschreibung",
        default=None,
        help="ein Satz für Suche und Übersichten (Standard: der erste Satz der Zusammenfassung)",
    )
    parser.add_argument(
        "--verantwortlich",
        default=None,
        metavar="ROLLE",
        help="Rolle aus extra.roles in mkdocs.yml (Standard: die erste, meist Redaktion)",
    )


def next_number(project: Project) -> int:
    """One more than the highest number in the archive (1 for the first issue)."""
    issues = load_issues(project.docs_dir, project_root=project.root, languages=project.languages)
    return max((issue.number for issue in issues), default=0) + 1


def issue_src_uri(number: int) -> str:
    return f"{ISSUES_FOLDER}/ausgabe-{number:03d}.md"


def create_issue(
    project: Project, args: argparse.Namespace, *, today: datetime.date | None = None
) -> Path:
    """Write the next issue; an existing file of that name is never overwritten."""
    number = next_number(project)
    # A file may exist without a usable number (its front matter is broken):
    # write_page refuses to overwrite it, with the file named.
    src_uri = issue_src_uri(number)
    summary = " ".join(str(args.zusammenfassung).split())
    description = args.beschreibung or _first_sentence(summary)
    shared = argparse.Namespace(
        titel=args.titel,
        beschreibung=description,
        # Readers of the newsletter: every audience but the editors themselves.
        zielgruppe=[value for value in common_vocabulary("audienceValue") if value != "Redaktion"],
        schlagwort=["Newsletter"],
        verantwortlich=args.verantwortlich,
    )
    metadata = common_metadata(project, shared, page_type="newsletter")
    metadata["number"] = number
    metadata["date"] = today or datetime.date.today()
    metadata["summary"] = summary
    return write_page(project, src_uri, metadata, _BODY.format(title=args.titel, src_uri=src_uri))


# Helper functions


def _first_sentence(text: str) -> str:
    for end in (". ", "! ", "? "):
        if end in text:
            return text.split(end, 1)[0] + end.strip()
    return text
