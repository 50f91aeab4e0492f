"""What the sub-commands of `portal.cli` share: the ``--docs`` option and the checkout it names.

Command modules import these from here, never from `portal.cli`: cli imports
every command for its table, so a command importing cli would close a loop.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from portal.project import Project, find_project


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
