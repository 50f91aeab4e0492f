"""``python -m portal report …``: lists for the editorial team (always exit code 0).

- ``report translations``: pages without translation, translations behind
  their source, per section (`portal.translations`);
- ``report reviews``: chapters without a subject review and reviews due (`portal.commands.review`).
"""

from __future__ import annotations

import argparse
from typing import Any

from portal.commands import review
from portal.commands.common import add_docs_option, project_of
from portal.translations.report import text_report
from portal.translations.status import translation_states


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "report",
        help="Listen für die Redaktion: Übersetzungen, fachliche Prüfungen",
        description="Listen für die Redaktion; sie prüfen nichts und enden immer mit 0.",
    )
    reports = parser.add_subparsers(dest="report", required=True, metavar="LISTE")
    translations = reports.add_parser(
        "translations",
        help="Seiten ohne Übersetzung und veraltete Übersetzungen, je Bereich",
        description=(
            "Listet je Bereich, welche Seiten keine Übersetzung haben, welche Übersetzungen "
            "veraltet sind (die Quelle hat sich seit „translated_from“ geändert) und bei "
            "welchen der Stand nicht erfasst ist. Nach dem Angleichen einer Übersetzung: "
            "python -m portal translation stamp PFAD."
        ),
    )
    add_docs_option(translations)
    translations.set_defaults(run=run_translations)
    reviews = reports.add_parser("reviews", help=review.HELP, description=review.DESCRIPTION)
    review.add_arguments(reviews)


def run_translations(args: argparse.Namespace) -> int:
    project = project_of(args)
    print(text_report(project, translation_states(project)), end="")
    return 0
