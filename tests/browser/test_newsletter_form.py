"""The newsletter's subscription form reaches the list server with the configured fields.

The test starts its own "list server" on 127.0.0.1 (an HTTP server that
records what it receives), builds a tiny site whose ``extra.newsletter``
names that server's form, and submits the form in Chromium as a reader would.
The pages with the form pass the suite's page checks at both widths.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from playwright.sync_api import Browser

from browser.checks import Site, sweep_site
from newsletter_fixtures import FORM_SETTINGS, NAV, NOT_IN_NAV, issue, newsletter_pages
from portal_testkit.local_server import serve
from sitebuilder import build, write_site

pytestmark = pytest.mark.browser


@contextmanager
def list_server() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """A local stand-in for a list server's form: its URL and the posts it received."""
    received: list[dict[str, list[str]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            received.append(parse_qs(self.rfile.read(length).decode("utf-8")))
            body = b"<!DOCTYPE html><title>ok</title><p>Danke.</p>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: pytest shows the assertions

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/abonnieren", received
    finally:
        server.shutdown()
        server.server_close()


def test_subscription_form_posts_the_configured_fields(browser: Browser, tmp_path: Path) -> None:
    issues = {"ausgabe-001.md": issue(1, "2026-11-01", "Testausgabe")}
    with list_server() as (form_url, received):
        config = write_site(
            tmp_path,
            newsletter_pages(issues),
            nav=NAV,
            not_in_nav=NOT_IN_NAV,
            extra_config=FORM_SETTINGS.format(form_url=form_url),
        )
        result = build(config)
        assert result.ok, result.log
        with serve(result.site_dir) as base_url:
            site = Site(site_dir=result.site_dir, base_url=base_url)
            pages = ["", "newsletter/", "newsletter/ausgaben/ausgabe-001/", "en/newsletter/"]
            for viewport in ("desktop", "phone"):
                checked = sweep_site(browser, site, pages, viewport)
                problems = [
                    *checked.loading,
                    *checked.axe,
                    *checked.privacy,
                    *checked.sideways,
                ]
                assert problems == [], viewport
            page = browser.new_page()
            try:
                page.goto(f"{base_url}newsletter/")
                page.get_by_label("Ihre E-Mail-Adresse").fill("leser@example.org")
                with page.expect_navigation():
                    page.get_by_role("button", name="Bestellen").click()
                assert page.url == form_url
            finally:
                page.close()
    assert received == [
        {"adresse": ["leser@example.org"], "liste": ["hpv-test"], "sprache": ["de"]}
    ]
