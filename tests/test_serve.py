"""``python -m portal serve`` (``make serve``): a port in use, and the start of MkDocs.

MkDocs is never started: `os.execve` is replaced by one that records its
arguments and stops the test.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from portal.cli import main as portal_main
from portal.commands import serve


class Replaced(Exception):
    """Raised where the process would have become MkDocs."""


@pytest.fixture
def execve(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[str], dict[str, str]]]:
    calls: list[tuple[str, list[str], dict[str, str]]] = []

    def record(path: str, argv: Sequence[str], env: Mapping[str, str]) -> None:
        calls.append((path, list(argv), dict(env)))
        raise Replaced

    monkeypatch.setattr(serve.os, "execve", record)
    return calls


@pytest.fixture
def listening() -> Iterator[int]:
    """A port on 127.0.0.1 that something listens on, as a running preview would."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind((serve.HOST, 0))
        server.listen()
        yield server.getsockname()[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((serve.HOST, 0))
        port: int = probe.getsockname()[1]
    return port


def test_a_port_in_use_is_one_german_sentence(
    listening: int,
    execve: list[tuple[str, list[str], dict[str, str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert serve.main(["--port", str(listening)]) == 2

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"Port {listening} ist schon belegt – läuft die Vorschau schon in einem anderen "
        "Fenster? Dann dort weiterlesen, oder eine zweite Vorschau auf einem anderen Port "
        f"starten: make serve PORT={listening + 1}\n"
    )
    assert execve == []


def test_the_message_names_the_next_port_after_the_usual_one() -> None:
    assert serve.taken_message(8000) == (
        "Port 8000 ist schon belegt – läuft die Vorschau schon in einem anderen Fenster? "
        "Dann dort weiterlesen, oder eine zweite Vorschau auf einem anderen Port starten: "
        "make serve PORT=8001"
    )


def test_the_portal_command_line_says_the_same(
    listening: int,
    execve: list[tuple[str, list[str], dict[str, str]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert portal_main(["serve", "--port", str(listening)]) == 2

    err = capsys.readouterr().err
    assert err.startswith(f"Port {listening} ist schon belegt – ")
    assert "Traceback" not in err
    assert execve == []


def test_a_free_port_becomes_mkdocs_serve_in_preview_mode(
    execve: list[tuple[str, list[str], dict[str, str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PORTAL_TEST_KEPT", "ja")
    monkeypatch.delenv("PORTAL_PREVIEW", raising=False)
    port = free_port()
    with pytest.raises(Replaced):
        serve.main(["--port", str(port)])

    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    [(path, argv, env)] = execve
    assert path == mkdocs
    assert argv == [mkdocs, "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    assert env["PORTAL_PREVIEW"] == "true"
    assert env["PORTAL_TEST_KEPT"] == "ja"
    # Only MkDocs' environment gets the switch, not this process.
    assert "PORTAL_PREVIEW" not in serve.os.environ


def test_the_port_is_free_again_for_mkdocs(
    execve: list[tuple[str, list[str], dict[str, str]]],
) -> None:
    port = free_port()
    with pytest.raises(Replaced):
        serve.main(["--port", str(port)])

    # The probe is closed before MkDocs starts, or MkDocs could not bind.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as mkdocs:
        mkdocs.bind((serve.HOST, port))


def test_the_usual_port_without_an_option(
    execve: list[tuple[str, list[str], dict[str, str]]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    probed: list[int] = []
    monkeypatch.setattr(serve, "port_problem", lambda host, port: probed.append(port))
    with pytest.raises(Replaced):
        serve.main([])

    assert probed == [8000]
    assert execve[0][1][-1] == "127.0.0.1:8000"


def test_a_port_that_is_no_number(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        serve.main(["--port", "acht"])

    assert stopped.value.code == 2
    assert capsys.readouterr().err == (
        "Aufruf: portal serve [-h] [--port PORT]\n"
        "portal serve: Fehler: --port: „acht“ ist kein Port (eine Zahl von 1 bis 65535)\n"
        "Hilfe: portal serve --help\n"
    )
