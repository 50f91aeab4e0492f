"""``python -m portal serve [--port N]``: the preview (``make serve``).

Lenient, so that a mistake saved while it runs does not stop it; each page
shows its findings in a banner (hooks/preview.py). Only here: every other
build stays strict.

MkDocs answers a port already in use with a traceback; an editor who left a
preview open in another window gets one German sentence instead. The port is
tried here, before MkDocs starts, so this module does not import MkDocs (only
`portal.mkdocs_adapter` does).
"""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PREVIEW_ENVIRONMENT = {"PORTAL_PREVIEW": "true"}
"""Read by the hooks: lenient build, findings shown on the pages."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="Vorschau unter http://127.0.0.1:8000 (make serve)",
        description=(
            "Startet die Vorschau: baut das Portal bei jeder gespeicherten Änderung neu "
            "und zeigt Probleme auf den Seiten an, statt abzubrechen."
        ),
    )
    add_arguments(parser)
    parser.set_defaults(run=run)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"Port auf {HOST} (Standard: {DEFAULT_PORT})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``serve`` on its own: `argv` without the command name."""
    parser = argparse.ArgumentParser(prog="portal serve")
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    port: int = args.port
    if port_taken(HOST, port):
        print(taken_message(port), file=sys.stderr)
        return 2
    command = mkdocs_command(port)
    # Replaced, not started as a child: Strg+C and the exit code are MkDocs' own.
    os.execv(command[0], command)
    return 0  # only reached where execv is replaced (the tests)


def port_taken(host: str, port: int) -> bool:
    """Whether something listens on `host`:`port` (or may not be bound otherwise)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # Off, unlike in MkDocs' server: a preview already running must be found.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def taken_message(port: int) -> str:
    return (
        f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
        "Dann dort weiterlesen, oder eine zweite Vorschau auf einem anderen Port starten: "
        f"make serve PORT={port + 1}"
    )


def mkdocs_command(port: int) -> list[str]:
    """MkDocs' own preview server from this environment, lenient, on `port`."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return [str(mkdocs), "serve", "--no-strict", "--dev-addr", f"{HOST}:{port}"]
