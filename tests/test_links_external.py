"""``python -m portal links-external`` against a local server: every kind of answer."""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from golden import Golden, json_text, replace_port
from portal.cli import main
from portal.links.external import Result, Settings, check_urls, run_coroutine

# A server that never answers /still is cut off by the client's timeout;
# retries are kept at one and the backoff short, so the test stays fast.
FAST = Settings(concurrency=4, timeout=0.5, retries=1, backoff=0.05)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/still":
            time.sleep(3)
            return
        status, location = {
            "/ok": (200, None),
            "/moved": (301, "/ok"),
            "/missing": (404, None),
            "/error": (500, None),
        }.get(self.path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_each_kind_of_answer(server: str) -> None:
    urls = [f"{server}/{name}" for name in ("ok", "moved", "missing", "error", "still")]
    started = time.monotonic()
    results = {r.url.rsplit("/", 1)[1]: r for r in run_coroutine(check_urls(urls, settings=FAST))}
    assert time.monotonic() - started < 5
    assert (results["ok"].ok, results["ok"].status) == (True, 200)
    assert (results["moved"].ok, results["moved"].final_url) == (True, f"{server}/ok")
    assert (results["missing"].ok, results["missing"].status) == (False, 404)
    assert (results["error"].ok, results["error"].status) == (False, 500)
    assert results["still"].ok is False
    assert results["still"].error == "keine Antwort (Zeitüberschreitung)"


def test_good_results_come_from_the_cache_until_they_expire(server: str) -> None:
    url = f"{server}/gone"
    cached = {url: Result(url, 200, None, None, time.time())}
    fresh = run_coroutine(check_urls([url], settings=FAST, cache=cached, max_age=3600))
    assert fresh[0].ok
    expired = run_coroutine(check_urls([url], settings=FAST, cache=cached, max_age=0))
    assert expired[0].status == 404


def test_command_writes_report_and_cache_and_fails_on_broken_links(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    links = "".join(
        f'<a href="{server}/{name}">x</a>' for name in ("ok", "moved", "missing", "still")
    )
    (site / "index.html").write_text(
        f'<html><body>{links}<a href="mailto:redaktion@example.org">m</a>'
        '<a href="mailto:kaputt">k</a></body></html>',
        encoding="utf-8",
    )
    cache = tmp_path / "links.json"

    def check(report: Path) -> int:
        return main(
            [
                "links-external",
                "--site-dir", str(site),
                "--docs-dir", str(tmp_path / "docs"),
                "--cache", str(cache),
                "--report", str(report),
                "--timeout", "0.5",
                "--retries", "0",
            ]
        )  # fmt: skip

    # The report in both formats, exactly (the server's port made fixed).
    for report in (tmp_path / "bericht.md", tmp_path / "bericht.json"):
        assert check(report) == 1
        output = capsys.readouterr().out
        assert f"6 externe Links geprüft, 3 defekt. Bericht: {report}" in output
        assert f"site/index.html: {server}/missing — HTTP 404" in output
        text = replace_port(report.read_text(encoding="utf-8"), server)
        if report.suffix == ".json":
            # When each link was checked is the one value that differs from run to run.
            entries = json.loads(text)
            assert all(entry.pop("checked") > 0 for entry in entries)
            text = json_text(entries)
        golden(f"links_external_report{report.suffix}", text)
    # Good answers are cached; the broken ones are asked again next time.
    assert set(json.loads(cache.read_text(encoding="utf-8"))) == {
        f"{server}/{name}" for name in ("ok", "moved", "missing", "still")
    } | {"mailto:redaktion@example.org", "mailto:kaputt"}


def test_checks_run_where_an_event_loop_is_already_running(server: str) -> None:
    # As under Playwright's sync API in the same test worker. The outer loop
    # runs in its own thread, since this worker's thread may have one already.
    async def inside_a_loop() -> list[Result]:
        return run_coroutine(check_urls([f"{server}/ok"], settings=FAST))

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        assert pool.submit(asyncio.run, inside_a_loop()).result()[0].ok
