"""The preview keeps running: a mistake saved while `make serve` runs shows on its page.

Runs the preview as ``make serve`` does (``python -m portal serve``, which
starts ``mkdocs serve --no-strict`` with ``PORTAL_PREVIEW=true``) on a tiny
site and a free port, and edits a page while it runs,
as an editor would; the browser follows the rebuilds through MkDocs'
live reload, without reloading by hand.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.checks import PHONE, axe_problems, sideways_problems
from sitebuilder import PROJECT_ROOT, page, write_site

pytestmark = pytest.mark.browser

BANNER = ".portal-preview-findings"
# Rebuilding the tiny site takes seconds; the whole portal would take longer.
REBUILD_SECONDS = 120

SOUND = page("Abschnitt", "# Abschnitt\n\nEin [Link](index.md).")
BROKEN = page("Abschnitt", "# Abschnitt\n\nEin [Link](fehlt.md).")


def test_make_serve_runs_the_lenient_preview() -> None:
    # The test below starts the preview as the Makefile does.
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "-m portal serve --port $(PORT)" in recipe


def test_a_saved_mistake_shows_on_its_page_until_it_is_fixed(
    browser: Browser, tmp_path: Path
) -> None:
    config = write_site(tmp_path, {"index.md": page("Start", "# Start"), "a.md": SOUND})
    source = tmp_path / "docs" / "a.md"
    log = tmp_path / "serve.log"
    with preview(config, log) as (base_url, server):
        context = browser.new_context(viewport=PHONE, service_workers="block")
        tab = context.new_page()
        try:
            tab.goto(base_url + "a/")
            assert tab.locator("h1").inner_text().startswith("Abschnitt")
            assert tab.locator(BANNER).count() == 0

            source.write_text(BROKEN, encoding="utf-8")
            banner = tab.locator(BANNER)
            banner.wait_for(state="visible", timeout=REBUILD_SECONDS * 1000)
            assert banner.get_attribute("role") == "alert"
            text = banner.inner_text()
            assert "docs/a.md:12" in text
            assert "Der Link „fehlt.md“ zeigt auf eine Seite, die es nicht gibt" in text
            assert "Legen Sie die Seite an oder korrigieren Sie den Link." in text
            # Above the heading, readable on a phone, within the rules for everyone.
            banner_box, heading_box = banner.bounding_box(), tab.locator("h1").bounding_box()
            assert banner_box and heading_box and banner_box["y"] < heading_box["y"]
            assert axe_problems(tab, "a/ mit Hinweis") == []
            assert sideways_problems(tab, "a/ mit Hinweis") == []

            source.write_text(SOUND, encoding="utf-8")
            banner.wait_for(state="detached", timeout=REBUILD_SECONDS * 1000)
            assert tab.locator("h1").inner_text().startswith("Abschnitt")
        finally:
            context.close()
        assert server.poll() is None, log.read_text(encoding="utf-8")
    output = log.read_text(encoding="utf-8")
    assert "An error happened during the rebuild" not in output
    assert "docs/a.md:12: Der Link „fehlt.md“" in output


# Helper functions


@contextmanager
def preview(config: Path, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`make serve` on the site of `config`, on a free port: its address and process."""
    port = _free_port()
    command = [sys.executable, "-m", "portal", "serve", "--port", str(port)]
    env = {**os.environ, "PORTAL_PDF": "false"}
    env["NO_MKDOCS_2_WARNING"] = "1"
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, cwd=config.parent, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            base_url = f"http://127.0.0.1:{port}/"
            _wait_until_served(base_url, server, log)
            yield base_url, server
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_served(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + REBUILD_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve endete:\n{log.read_text(encoding='utf-8')}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            pass
        time.sleep(0.5)
    pytest.fail(f"mkdocs serve antwortete nicht:\n{log.read_text(encoding='utf-8')}")
