"""``python -m portal check``: the fast checks of the sources, as a pre-commit hook too."""

from __future__ import annotations

import argparse
from typing import Any

from portal.check.run import check_project
from portal.cli import add_docs_option, project_of
from portal.findings import print_findings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="Quellen schnell prüfen, ohne Build (Kopfdaten, Links, Anker, Navigation, …)",
        description=(
            "Prüft die Quellen des Portals im aktuellen Ordner wie der Build, aber ohne zu "
            "bauen: Kopfdaten, Links und Anker zwischen Seiten, Glossar, Navigation, "
            "Weiterleitungen, redaktionelle Regeln und Dateinamen. Rückgabewert 1, wenn "
            "etwas zu beheben ist. Hervorhebungen im fertigen Text und Links in Vorlagen "
            "prüft nur der Build."
        ),
    )
    add_docs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = check_project(project_of(args))
    return print_findings(result.findings, checked=f"{result.pages} Seiten")
