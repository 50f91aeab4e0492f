"""``python -m portal report reviews``: chapters without a subject review, and reviews due.

No chapter had a subject review when the portal was written; the report
therefore starts with the chapters still waiting for their first one, those
tagged „Kinderschutz“ first: a mistake there can harm a child. Then come the
recorded reviews that are due, by responsible role.
"""

from __future__ import annotations

import argparse
import datetime
from collections import defaultdict
from pathlib import Path

from portal.commands.common import add_docs_option, project_of
from portal.metadata import check_docs
from portal.metadata.dates import format_date
from portal.metadata.rules import PageRecord, chapter_state
from portal.project import find_project
from portal.site.model import load_site

PRIORITY_TAG = "Kinderschutz"
"""Chapters with this tag lead the list of unreviewed chapters."""


HELP = "Kapitel ohne fachliche Prüfung und fällige Prüfungen"
DESCRIPTION = (
    "Listet die Kapitel (type: guide), die noch nicht fachlich geprüft sind "
    "(Kinderschutz zuerst), und die Kapitel, deren nächste Prüfung überfällig ist "
    "oder in den nächsten Tagen ansteht, gruppiert nach „owner“."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m portal report reviews``."""
    parser.add_argument(
        "--within",
        type=int,
        default=30,
        metavar="TAGE",
        help="auch Kapitel zeigen, die in so vielen Tagen fällig werden (Standard: 30)",
    )
    parser.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        default=None,
        metavar="JJJJ-MM-TT",
        help="Stichtag statt heute",
    )
    add_docs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    today: datetime.date = args.today or datetime.date.today()
    print(report(project_of(args).docs_dir, today=today, within=args.within), end="")
    return 0


def _records(docs_dir: Path, *, today: datetime.date) -> list[PageRecord]:
    project = find_project(docs_dir.parent, docs_dir=docs_dir)
    roles, _ = load_site(project).roles
    result = check_docs(
        docs_dir, project_root=project.root, languages=project.languages, roles=roles, today=today
    )
    return list(result.pages.values())


def unreviewed_chapters(records: list[PageRecord]) -> list[PageRecord]:
    """Chapters without a recorded review: „Kinderschutz“ first, then German, then translations."""
    waiting = []
    for record in records:
        state = chapter_state(record)
        if state is not None and state.review is None:
            waiting.append(record)

    def priority(record: PageRecord) -> tuple[bool, bool, str]:
        tags = record.data.get("tags") or []
        return (PRIORITY_TAG not in tags, record.is_translation, record.src_uri)

    return sorted(waiting, key=priority)


def due_chapters(
    records: list[PageRecord], *, today: datetime.date, within: int
) -> dict[str, list[tuple[PageRecord, datetime.date]]]:
    """Reviewed chapters due by `today + within` days, by owner, the most overdue first."""
    limit = today + datetime.timedelta(days=within)
    by_owner: dict[str, list[tuple[PageRecord, datetime.date]]] = defaultdict(list)
    for record in records:
        state = chapter_state(record)
        if state is not None and state.review is not None and state.review.due <= limit:
            by_owner[str(record.data.get("owner"))].append((record, state.review.due))
    return {
        owner: sorted(items, key=lambda item: (item[1], item[0].src_uri))
        for owner, items in sorted(by_owner.items())
    }


def report(docs_dir: Path, *, today: datetime.date, within: int) -> str:
    """The review list as plain text for the terminal."""
    records = _records(docs_dir, today=today)
    lines: list[str] = []
    waiting = unreviewed_chapters(records)
    if waiting:
        translations = sum(record.is_translation for record in waiting)
        lines.append(
            f"Fachlich noch nicht geprüft: {len(waiting)} Kapitel, davon {translations} "
            f"Übersetzungen ({PRIORITY_TAG} zuerst)"
        )
        for record in waiting:
            title, owner = record.data.get("title", ""), record.data.get("owner", "")
            lines.append(f"  {record.path}: {title} – {owner}")
        lines.append("")
    limit = format_date(today + datetime.timedelta(days=within), language="de")
    grouped = due_chapters(records, today=today, within=within)
    if not grouped:
        lines.append(f"Keine Kapitel mit fälliger Prüfung bis {limit}.")
        return "\n".join(lines) + "\n"
    lines.append(f"Fällige Prüfungen bis {limit} (Stichtag {format_date(today, language='de')}):")
    for owner, items in grouped.items():
        lines += ["", f"{owner} ({len(items)})"]
        for record, due in items:
            state = "überfällig seit" if due < today else "fällig am"
            title = record.data.get("title", "")
            lines.append(f"  {record.path}: {state} {format_date(due, language='de')} – {title}")
    return "\n".join(lines) + "\n"
