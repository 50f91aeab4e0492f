"""Fixtures for the browser tests: Debian's Chromium, one per worker, and a served site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

from browser.checks import Site
from portal_testkit.chromium import CHROMIUM, CHROMIUM_ARGS
from portal_testkit.local_server import serve
from portal_testkit.nginx import NginxServer
from sitebuilder import PROJECT_ROOT

SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One headless Chromium per test worker, shared by all its tests."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} fehlt: die Browsertests brauchen Debians Chromium — `make chromium`",
            pytrace=False,
        )
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
    )
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def portal(portal_site: Path) -> Iterator[Site]:
    """The strictly built portal, served on 127.0.0.1."""
    with serve(portal_site) as base_url:
        yield Site(site_dir=portal_site, base_url=base_url)


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Workers of pytest-xdist swallow prints; the controller names the folder.
    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.is_dir() else []
    if shots:
        terminalreporter.write_line(f"Bildschirmfotos zur Durchsicht ({len(shots)}): {SCREENSHOTS}")


@pytest.fixture(scope="session")
def portal_nginx(portal_site: Path, nginx_portal: NginxServer) -> Site:
    """The strictly built portal as readers get it: Debian's nginx with scripts/deploy/nginx/."""
    return Site(site_dir=portal_site, base_url=nginx_portal.base_url)
