"""``python -m portal new ART …``: one sub-command per kind of `portal.scaffold.kinds.KINDS`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from portal.cli import project_of
from portal.scaffold.files import ScaffoldError
from portal.scaffold.kinds import KINDS, Kind


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "new",
        help="neue Seite aus einer Vorlage anlegen (überschreibt nie)",
        description=(
            "Legt eine neue Seite mit gültigen Kopfdaten im richtigen Ordner an und trägt sie "
            "in die Navigation ein (oder sagt, wo sie hingehört). Eine vorhandene Datei wird "
            "nie überschrieben."
        ),
    )
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="ART")
    for name, kind in KINDS.items():
        kind_parser = kinds.add_parser(name, help=kind.help, description=kind.help)
        kind.arguments(kind_parser)
        kind_parser.set_defaults(run=_runner(kind))


def _runner(kind: Kind) -> Any:
    def run(args: argparse.Namespace) -> int:
        project = project_of(args)
        try:
            kind.create(project, args)
        except ScaffoldError as error:
            print(error, file=sys.stderr)
            return 1
        print("Weiter: Text schreiben, Vorschau mit „make serve“, prüfen mit „make check“.")
        return 0

    return run
