"""The editors' and maintainers' command line: ``python -m portal <befehl>``.

Each sub-command lives in its own module, which provides
``register(subparsers)``; the parser it adds sets ``run`` to a function that
takes the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The repository: the commands work on its docs/ unless told otherwise."""

COMMAND_MODULES: list[str] = [
    "portal.metadata.command",
    "portal.review",
    "portal.links.external",
]
"""Modules that each add one sub-command, in the order `--help` lists them."""


def add_docs_option(parser: argparse.ArgumentParser) -> None:
    """The ``--docs`` option every command that reads the sources shares."""
    parser.add_argument(
        "--docs",
        type=Path,
        default=PROJECT_ROOT / "docs",
        help="Ordner der Quellen (Standard: docs)",
    )


def build_parser() -> argparse.ArgumentParser:
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
    return run(args)
