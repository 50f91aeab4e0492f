"""How long does the preview (``make serve``) take to show a saved page?

``mkdocs serve`` on the corpus, on a free port of 127.0.0.1 with
livereload as ``make serve`` runs it; after its first build one page is
saved with a new paragraph, and the time runs from the save until the log
reports the rebuild done. Every wait is bounded, and the server is stopped
(Ctrl+C, then kill) whatever happens.
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

from benchmark.builds import environment, full_portal, write_config
from benchmark.harness import Answer, Context, Measurement, number

BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
FIRST_BUILD_TIMEOUT = 1800.0
REBUILD_TIMEOUT = 900.0
# The watcher compares modification times: a pause keeps the edit apart
# from the files the first build has just written.
SETTLE = 2.0


class ServeFailed(RuntimeError):
    pass


def measure(context: Context) -> Answer:
    corpus = context.corpus(context.pages)
    config = write_config(corpus, full_portal())
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config)]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    page = corpus.first_page()
    original = page.read_text(encoding="utf-8")
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment()
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    log: list[str] = []

    def read() -> None:
        assert server.stdout is not None
        for line in server.stdout:
            lines.put((time.perf_counter(), line))

    def wait_for_build(timeout: float) -> tuple[float, float]:
        """(arrival of the next "built" line, seconds MkDocs reports for that build)."""
        deadline = time.perf_counter() + timeout
        while (remaining := deadline - time.perf_counter()) > 0:
            try:
                arrived, line = lines.get(timeout=min(remaining, 1.0))
            except queue.Empty:
                if server.poll() is not None:
                    break
                continue
            log.append(line.rstrip())
            if match := BUILT.search(line):
                return arrived, float(match.group(1))
        tail = "\n".join(log[-15:])
        raise ServeFailed(f"mkdocs serve hat keinen Build gemeldet:\n{tail}")

    threading.Thread(target=read, daemon=True).start()
    try:
        _, first = wait_for_build(FIRST_BUILD_TIMEOUT)
        time.sleep(SETTLE)
        saved = time.perf_counter()
        page.write_text(original + "\nEin neuer Absatz.\n", encoding="utf-8")
        arrived, reported = wait_for_build(REBUILD_TIMEOUT)
    finally:
        page.write_text(original, encoding="utf-8")
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    shown = arrived - saved
    pages = f"{corpus.german_pages} + {corpus.english_pages}"
    return Answer(
        summary=f"Nach dem Speichern einer Seite zeigt die Vorschau sie bei {pages} Seiten "
        f"nach {number(shown, 1)} s",
        details=[
            f"`mkdocs serve` mit allen Hooks, Korpus {pages} Seiten; eine Wandzeit-Messung. "
            f"Erster Build {number(first, 1)} s; nach dem Speichern von "
            f"`{page.relative_to(corpus.docs_dir).as_posix()}` meldet der Neubau "
            f"{number(reported, 1)} s, angekommen nach {number(shown, 1)} s. MkDocs 1.6 baut "
            "bei jeder Änderung die ganze Site neu (beide Sprachen).",
        ],
    )


MEASUREMENT = Measurement(
    name="preview",
    question="Wie lange dauert es, bis die Vorschau eine gespeicherte Seite zeigt?",
    measure=measure,
)
