"""Screenshots of the start page and a guide page, at phone and desktop width, for review.

That no page scrolls sideways on a phone is checked in test_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.checks import VIEWPORTS, Site, label, open_page

pytestmark = pytest.mark.browser


# The start page, and the first chapter of the onboarding guide.
SCREENSHOT_PAGES = {"start": "", "leitfaden": "einarbeitung/"}


def test_screenshots_for_review(browser: Browser, portal: Site, screenshot_dir: Path) -> None:
    written = []
    for viewport, size in sorted(VIEWPORTS.items()):
        context = browser.new_context(viewport=size, service_workers="block")
        page = context.new_page()
        try:
            for name, path in SCREENSHOT_PAGES.items():
                assert path in portal.pages, f"{label(path)} fehlt im Build"
                assert not open_page(page, portal, path)
                # What a reader sees first, and the whole page.
                target = screenshot_dir / f"{name}-{viewport}.png"
                page.screenshot(path=str(target))
                whole = screenshot_dir / f"{name}-{viewport}-ganz.png"
                page.screenshot(path=str(whole), full_page=True)
                written += [target, whole]
        finally:
            context.close()
    for target in written:
        assert target.stat().st_size > 1000, f"{target} ist leer"
