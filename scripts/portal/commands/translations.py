"""``python -m portal translation stamp PFAD …``: a translation is up to date again."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from portal.commands.common import project_of
from portal.scaffold.files import ScaffoldError
from portal.translations.stamp import stamp


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "translation",
        help="Übersetzungen verwalten: Stand nach dem Angleichen eintragen",
        description="Werkzeuge für Übersetzungen.",
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="AKTION")
    stamp_parser = actions.add_parser(
        "stamp",
        help="eintragen, dass eine Übersetzung dem jetzigen Stand ihrer Quelle entspricht",
        description=(
            "Schreibt in die Kopfdaten der Übersetzung „translated_from:“ mit der Prüfsumme "
            "des jetzigen Stands der Quellseite. Erst aufrufen, wenn die Übersetzung "
            "inhaltlich angeglichen ist. Mit dem Pfad der Quellseite werden alle ihre "
            "Übersetzungen gestempelt."
        ),
    )
    stamp_parser.add_argument(
        "pfade",
        nargs="+",
        metavar="PFAD",
        help="Übersetzung (z. B. docs/einarbeitung/abschluss.en.md) oder ihre Quellseite",
    )
    stamp_parser.set_defaults(run=run_stamp)


def run_stamp(args: argparse.Namespace) -> int:
    project = project_of(args)
    try:
        for written in args.pfade:
            for target in stamp(project, written):
                print(f"Stand eingetragen: {project.shown(target)}")
    except ScaffoldError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
