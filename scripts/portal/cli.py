"""The editors' and maintainers' command line: ``python -m portal <befehl>``.

Each sub-command lives in its own module, which provides
``register(subparsers)``; the parser it adds sets ``run`` to a function that
takes the parsed arguments and returns the exit code: 0 when all is well,
1 when a check found problems, 2 when the command could not run.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from portal import cli_german
from portal.findings import ConfigurationError
from portal.project import Project, ProjectNotFound, find_project

COMMAND_MODULES: list[str] = [
    "portal.metadata.command",
    "portal.links.external",
    "portal.publish",
    "portal.scaffold.command",
    "portal.move.command",
    "portal.check.command",
    "portal.report_command",
    "portal.translations.command",
    "portal.newsletter.command",
]
"""Modules that each add one sub-command, in the order `--help` lists them."""


def add_docs_option(parser: argparse.ArgumentParser) -> None:
    """The ``--docs`` option every command that reads the sources shares."""
    parser.add_argument(
        "--docs",
        type=Path,
        default=None,
        help="Ordner der Quellen (Standard: docs/ des Portals im aktuellen Ordner)",
    )


def project_of(args: argparse.Namespace) -> Project:
    """The checkout the command works on: around the current folder, or around ``--docs``."""
    docs: Path | None = getattr(args, "docs", None)
    start = docs.resolve().parent if docs is not None else None
    return find_project(start, docs_dir=docs)


def build_parser() -> argparse.ArgumentParser:
    cli_german.install()
    parser = argparse.ArgumentParser(
        prog="portal",
        description="Werkzeuge für Redaktion und Betrieb des Wissensportals HPV M-V.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (ProjectNotFound, ConfigurationError) as error:
        print(error, file=sys.stderr)
        return 2
