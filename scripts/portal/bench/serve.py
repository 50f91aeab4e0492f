"""How long `mkdocs serve` takes to rebuild after an editor saves one page.

The server runs on 127.0.0.1 on a free port with livereload, as ``make serve``
does; the time is taken from the moment the page is written until the log
says the rebuild is done. Every wait is bounded, and the server is stopped
(SIGINT, then kill) whatever happens.
"""

from __future__ import annotations

import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from portal.bench.project import PROJECT_ROOT
from portal.bench.runner import mkdocs_environment

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SERVING = "Serving on http://"
FIRST_BUILD_TIMEOUT = 1800.0
REBUILD_TIMEOUT = 900.0
STOP_TIMEOUT = 15.0


@dataclass(frozen=True)
class ServeResult:
    first_build: float
    """Seconds MkDocs reports for the build at start."""
    rebuild_wall: float
    """Seconds from saving the page until the rebuild's log line."""
    rebuild_reported: float
    """Seconds MkDocs reports for the rebuild itself."""


class ServeError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def measure_rebuild(*, config: Path, page: Path) -> ServeResult:
    """Start `mkdocs serve`, wait for its build, edit `page`, time the rebuild."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config)]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    process = subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=mkdocs_environment(),
    )
    log = _ServeLog(process)
    original = page.read_text(encoding="utf-8")
    try:
        first = log.wait_for_build(timeout=FIRST_BUILD_TIMEOUT)
        log.wait_for(SERVING, timeout=60.0)
        # The watcher compares modification times; a short pause keeps the
        # edit apart from the files the first build just touched.
        time.sleep(1.0)
        edited = time.perf_counter()
        page.write_text(original + "\nEin neuer Absatz, im Benchmark ergänzt.\n", encoding="utf-8")
        seconds = log.wait_for_build(timeout=REBUILD_TIMEOUT)
        return ServeResult(first, log.last_arrival - edited, seconds)
    except ServeError as error:
        raise ServeError(
            f"{error}\n--- Log von mkdocs serve ---\n" + "\n".join(log.lines)
        ) from None
    finally:
        page.write_text(original, encoding="utf-8")
        _stop(process)


# Helper functions


class _ServeLog:
    """The server's output, line by line, with the moment each line arrived."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.lines: list[str] = []
        self.last_arrival = 0.0
        self._queue: queue.Queue[tuple[float, str]] = queue.Queue()
        assert process.stdout is not None
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put((time.perf_counter(), line.rstrip("\n")))

    def next_line(self, *, deadline: float) -> str:
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ServeError("mkdocs serve hat nicht rechtzeitig geantwortet")
            try:
                arrival, line = self._queue.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                if self.process.poll() is not None:
                    code = self.process.returncode
                    raise ServeError(f"mkdocs serve hat sich mit Code {code} beendet") from None
                continue
            self.last_arrival = arrival
            self.lines.append(line)
            return line

    def wait_for_build(self, *, timeout: float) -> float:
        """Seconds the next finished build reports."""
        deadline = time.perf_counter() + timeout
        while True:
            match = BUILT.search(self.next_line(deadline=deadline))
            if match:
                return float(match.group(1))

    def wait_for(self, needle: str, *, timeout: float) -> None:
        if any(needle in line for line in self.lines):
            return
        deadline = time.perf_counter() + timeout
        while needle not in self.next_line(deadline=deadline):
            pass


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is not None:
        return
    # SIGINT is what Ctrl+C sends: MkDocs shuts its server and watcher down.
    process.send_signal(signal.SIGINT)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)
