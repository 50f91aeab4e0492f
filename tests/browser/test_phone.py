"""Screenshots for review: the pages that show the portal's identity, on a phone and a desktop.

Written to test-artifacts/screenshots/ (not committed). That no page scrolls
sideways on a phone is checked in test_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.checks import Site, label, open_page

pytestmark = pytest.mark.browser

# A common phone and the desktop width of the other browser tests.
WIDTHS = {"375": {"width": 375, "height": 812}, "1280": {"width": 1280, "height": 800}}
# The start page, a long chapter, an event, the newsletter archive, and the
# English start page.
SCREENSHOT_PAGES = {
    "start": "",
    "kapitel": "hilfeplanverfahren/ablauf/",
    "veranstaltung": "veranstaltungen/2016-07-13-qualitaetsforum/",
    "newsletter": "newsletter/",
    "start-en": "en/",
}


def test_screenshots_for_review(browser: Browser, portal: Site, screenshot_dir: Path) -> None:
    written = []
    for width, size in WIDTHS.items():
        context = browser.new_context(viewport=size, service_workers="block")
        page = context.new_page()
        try:
            for name, path in SCREENSHOT_PAGES.items():
                assert path in portal.pages, f"{label(path)} fehlt im Build"
                assert not open_page(page, portal, path)
                # What a reader sees first, and the whole page.
                target = screenshot_dir / f"{name}-{width}.png"
                page.screenshot(path=str(target))
                whole = screenshot_dir / f"{name}-{width}-ganz.png"
                page.screenshot(path=str(whole), full_page=True)
                written += [target, whole]
        finally:
            context.close()
    for target in written:
        assert target.stat().st_size > 1000, f"{target} ist leer"
