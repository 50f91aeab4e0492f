"""The editors' and maintainers' command line: ``python -m portal <befehl>``.

Each sub-command lives in its own module, which provides
``register(subparsers)``; the parser it adds sets ``run`` to a function that
takes the parsed arguments and returns the exit code: 0 when all is well,
1 when a check found problems, 2 when the command could not run.

This module imports the commands for `COMMANDS`; a command never imports this
module (what they share is in `portal.commands.common`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from portal import cli_german, publish
from portal.commands import check as check_command
from portal.commands import metadata as metadata_command
from portal.commands import move as move_command
from portal.commands import new as new_command
from portal.commands import newsletter as newsletter_command
from portal.commands import report as report_command
from portal.commands import serve
from portal.commands import translations as translations_command
from portal.findings import ConfigurationError
from portal.links import external
from portal.project import ProjectNotFound

COMMANDS: list[Callable[[Any], None]] = [
    metadata_command.register,
    external.register,
    publish.register,
    new_command.register,
    move_command.register,
    check_command.register,
    report_command.register,
    translations_command.register,
    newsletter_command.register,
    serve.register,
]
"""The ``register(subparsers)`` of each sub-command, in the order `--help` lists them."""


def build_parser() -> argparse.ArgumentParser:
    cli_german.install()
    parser = argparse.ArgumentParser(
        prog="portal",
        description="Werkzeuge für Redaktion und Betrieb des Wissensportals HPV M-V.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="BEFEHL")
    for register in COMMANDS:
        register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (ProjectNotFound, ConfigurationError) as error:
        print(error, file=sys.stderr)
        return 2
