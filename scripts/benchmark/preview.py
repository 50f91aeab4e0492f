"""How long does the preview (``make serve``) take to show a saved page?

``mkdocs serve`` on the corpus, on a free port of 127.0.0.1 with
livereload as ``make serve`` runs it. Once the server answers for the page
(its first build is done), the page is saved with a new paragraph, and the
time runs from the save until the served page holds that paragraph; the
page is asked for over HTTP every tenth of a second, as a browser would
after livereload's signal. Every wait is bounded, and the server is
stopped (Ctrl+C, then kill) whatever happens.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from benchmark.builds import environment, write_config
from benchmark.harness import Answer, Context, Measurement, number

FIRST_BUILD_TIMEOUT = 1800.0
REBUILD_TIMEOUT = 900.0
POLL = 0.1
# The watcher compares modification times: a pause keeps the edit apart
# from the files the first build has just written.
SETTLE = 2.0
PARAGRAPH = "Ein neuer Absatz, gespeichert während der Vorschau."


class ServeFailed(RuntimeError):
    pass


def measure(context: Context) -> Answer:
    corpus = context.corpus(context.pages)
    config = write_config(corpus)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    page = corpus.first_page()
    url = f"http://127.0.0.1:{port}/{page.relative_to(corpus.docs_dir).with_suffix('').as_posix()}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config)]
    command += ["--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    original = page.read_text(encoding="utf-8")
    # The site's address is where it is served: `mkdocs serve` mounts the site at its path.
    env = environment({"PORTAL_SITE_URL": f"http://127.0.0.1:{port}/"})
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)

        def wait_for(text: str, timeout: float) -> float:
            """The moment the served page first holds `text`."""
            deadline = time.perf_counter() + timeout
            while time.perf_counter() < deadline and server.poll() is None:
                try:
                    with urllib.request.urlopen(url, timeout=10) as response:
                        if text in response.read().decode("utf-8"):
                            return time.perf_counter()
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass  # not serving yet, or between two builds
                time.sleep(POLL)
            log.seek(0)
            tail = "\n".join(log.read().splitlines()[-15:])
            raise ServeFailed(f"mkdocs serve hat {url} nicht mit „{text}“ ausgeliefert:\n{tail}")

        try:
            first = wait_for("</html>", FIRST_BUILD_TIMEOUT) - started
            time.sleep(SETTLE)
            saved = time.perf_counter()
            page.write_text(f"{original}\n{PARAGRAPH}\n", encoding="utf-8")
            shown = wait_for(PARAGRAPH, REBUILD_TIMEOUT) - saved
        finally:
            page.write_text(original, encoding="utf-8")
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    pages = f"{corpus.german_pages} + {corpus.english_pages}"
    return Answer(
        summary=f"Nach dem Speichern einer Seite zeigt die Vorschau sie bei {pages} Seiten "
        f"nach {number(shown, 1)} s",
        details=[
            f"`mkdocs serve` des Portals, Korpus {pages} Seiten; eine Wandzeit-Messung. "
            f"Bis die Seite zum ersten Mal ausgeliefert wurde: {number(first, 1)} s (Start und "
            f"erster Build); nach dem Speichern von "
            f"`{page.relative_to(corpus.docs_dir).as_posix()}` zeigte sie den neuen Absatz "
            f"nach {number(shown, 1)} s. MkDocs 1.6 baut bei jeder Änderung die ganze Site "
            "neu (beide Sprachen).",
        ],
    )


MEASUREMENT = Measurement(
    name="preview",
    question="Wie lange dauert es, bis die Vorschau eine gespeicherte Seite zeigt?",
    measure=measure,
)
