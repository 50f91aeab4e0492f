"""``python -m portal serve [--port N]``: the preview (``make serve``).

Lenient, so that a mistake saved while it runs does not stop it; each page
shows its findings in a banner (`portal.preview`, switched on by
``PORTAL_PREVIEW``). Only here: every other build stays strict.

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

from portal import cli_german
from portal.site.settings import PREVIEW_VARIABLE

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="Vorschau auf dem eigenen Rechner (make serve)",
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
        type=port_number,
        default=DEFAULT_PORT,
        help=f"Port auf {HOST} (Standard: {DEFAULT_PORT})",
    )


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"„{text}“ ist kein Port (eine Zahl von 1 bis 65535)")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    """``serve`` on its own: `argv` without the command name."""
    cli_german.install()
    parser = argparse.ArgumentParser(prog="portal serve")
    add_arguments(parser)
    return run(parser.parse_args(argv))


def run(args: argparse.Namespace) -> int:
    port: int = args.port
    problem = port_problem(HOST, port)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    command = mkdocs_command(port)
    # Replaced, not started as a child: Strg+C and the exit code are MkDocs' own.
    os.execve(command[0], command, {**os.environ, PREVIEW_VARIABLE: "true"})


def port_problem(host: str, port: int) -> str | None:
    """Why the preview cannot listen on `host`:`port`, in German; None when it can."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # Off, as it is by default: a preview already running must be found.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return taken_message(port)
            return (
                f"Port {port} lässt sich nicht öffnen (Systemmeldung: {error.strerror}) – "
                f"eine Vorschau auf einem anderen Port starten: make serve PORT={other_port(port)}"
            )
    return None


def taken_message(port: int) -> str:
    return (
        f"Port {port} ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
        "Dann dort weiterlesen, oder eine zweite Vorschau auf einem anderen Port starten: "
        f"make serve PORT={other_port(port)}"
    )


def other_port(port: int) -> int:
    """The port to suggest instead of `port`."""
    return port + 1 if DEFAULT_PORT <= port < 65535 else DEFAULT_PORT


def mkdocs_command(port: int) -> list[str]:
    """MkDocs' own preview server from this environment, lenient, on `port`."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    return [str(mkdocs), "serve", "--no-strict", "--dev-addr", f"{HOST}:{port}"]
