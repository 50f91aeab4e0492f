"""``python -m portal new ART …``: one sub-command per kind of new file in `KINDS`.

To add a kind, write a create function ``(project, args) -> Path`` (the new
file) in the module of its feature (as `portal.events.scaffold`,
`portal.newsletter.scaffold`, `portal.translations.scaffold` do) and add one
line to `KINDS`, e.g.::

    "newsletter": Kind("Newsletter-Ausgabe anlegen", create_issue, add_issue_arguments),

`arguments` adds the kind's own options to its parser (German help texts);
`portal.scaffold.files` has the shared pieces: `add_page_arguments`,
`common_metadata`, `write_page` (checks the front matter like the build and
never overwrites) and `ScaffoldError` (a German sentence, exit code 1);
`portal.scaffold.nav.add_to_nav` enters a page into mkdocs.yml's nav.

The table lives here, above the features, and not in `portal.scaffold`: the
features import `portal.scaffold`, so a table there would close a loop.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.commands.common import project_of
from portal.events import scaffold as events
from portal.newsletter.scaffold import create_issue, issue_arguments
from portal.project import Project
from portal.scaffold import pages
from portal.scaffold.files import ScaffoldError
from portal.translations import scaffold as translation

Create = Callable[[Project, argparse.Namespace], Path]
Arguments = Callable[[argparse.ArgumentParser], None]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    """A kind without options of its own."""


@dataclass(frozen=True)
class Kind:
    """One kind of new file: its German help line, its create function, its options."""

    help: str
    create: Create
    arguments: Arguments = _no_arguments


KINDS: dict[str, Kind] = {
    "page": Kind("einfache Seite (type: page)", pages.create_page, pages.page_arguments),
    "guide": Kind(
        "Kapitel eines Leitfadens (type: guide) in einarbeitung/, mentoring/ oder "
        "hilfeplanverfahren/",
        pages.create_guide,
        pages.guide_arguments,
    ),
    "publication": Kind(
        "Publikation (type: publication) in publikationen/",
        pages.create_publication,
        pages.publication_arguments,
    ),
    "event": Kind(
        "Veranstaltung (type: event) in veranstaltungen/",
        events.create_event,
        events.event_arguments,
    ),
    "training": Kind(
        "Fortbildung (type: training) in fortbildungen/",
        events.create_training,
        events.training_arguments,
    ),
    "translation": Kind(
        "Übersetzung einer vorhandenen Seite (Standard: in die zweite Sprache, en)",
        translation.create_translation,
        translation.translation_arguments,
    ),
    "newsletter": Kind(
        "nächste Newsletter-Ausgabe (nächste freie Nummer, heutiges Datum) in newsletter/ausgaben/",
        create_issue,
        issue_arguments,
    ),
}
"""The kinds in the order `new --help` lists them."""


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
