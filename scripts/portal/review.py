"""``python -m portal review``: guide chapters due for review, by responsible team."""

from __future__ import annotations

import argparse
import datetime
from collections import defaultdict
from pathlib import Path
from typing import Any

from portal.cli import add_docs_option
from portal.metadata import check_docs
from portal.metadata.dates import format_date
from portal.metadata.rules import PageRecord, review_dates


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "review",
        help="Kapitel mit fälliger fachlicher Prüfung, nach Verantwortlichen",
        description=(
            "Listet die Kapitel (type: guide), deren nächste Prüfung überfällig ist oder "
            "in den nächsten Tagen ansteht, gruppiert nach „owner“."
        ),
    )
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
    print(report(args.docs, today=today, within=args.within), end="")
    return 0


def due_chapters(
    docs_dir: Path, *, today: datetime.date, within: int
) -> dict[str, list[tuple[PageRecord, datetime.date]]]:
    """German chapters due by `today + within` days, by owner, the most overdue first."""
    result = check_docs(docs_dir, project_root=docs_dir.parent)
    limit = today + datetime.timedelta(days=within)
    by_owner: dict[str, list[tuple[PageRecord, datetime.date]]] = defaultdict(list)
    for record in result.pages.values():
        dates = review_dates(record)
        if dates is not None and record.language == "de" and dates.due <= limit:
            by_owner[str(record.data.get("owner"))].append((record, dates.due))
    return {
        owner: sorted(items, key=lambda item: item[1]) for owner, items in sorted(by_owner.items())
    }


def report(docs_dir: Path, *, today: datetime.date, within: int) -> str:
    """The review list as plain text for the terminal."""
    limit = format_date(today + datetime.timedelta(days=within), language="de")
    grouped = due_chapters(docs_dir, today=today, within=within)
    if not grouped:
        return f"Keine Kapitel mit fälliger Prüfung bis {limit}.\n"
    lines = [f"Fällige Prüfungen bis {limit} (Stichtag {format_date(today, language='de')}):"]
    for owner, items in grouped.items():
        lines += ["", f"{owner} ({len(items)})"]
        for record, due in items:
            state = "überfällig seit" if due < today else "fällig am"
            title = record.data.get("title", "")
            lines.append(f"  {record.path}: {state} {format_date(due, language='de')} – {title}")
    return "\n".join(lines) + "\n"
