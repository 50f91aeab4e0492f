"""Every built page, in both languages, at desktop and phone width.

One visit per page and width serves all per-page checks (see
``checks.sweep_site``): WCAG 2.1 A/AA by axe-core, no request to another host
and no cookie, the skip link and visible focus (desktop), and no sideways
scrolling (phone). One test per language and width keeps that single visit
on one worker; the failure lists every problem, grouped by check.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.checks import LANGUAGES, VIEWPORTS, Site, sweep_site

pytestmark = pytest.mark.browser

HEADINGS = {
    "loading": "Seiten, die nicht laden",
    "axe": "Barrierefreiheit (axe-core, WCAG 2.1 A/AA)",
    "keyboard": "Tastatur: „Zum Inhalt“ und sichtbarer Fokus",
    "privacy": "Datenschutz: fremde Hosts und Cookies",
    "sideways": "Handy: seitliches Scrollen",
}


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_every_page_passes_the_page_checks(
    browser: Browser, portal: Site, locale: str, viewport: str
) -> None:
    pages = portal.pages_in(locale) + portal.error_pages_in(locale)
    assert portal.pages_in(locale), f"keine Seiten auf „{locale}“ im Build"
    result = sweep_site(browser, portal, pages, viewport)
    report = [
        f"{heading}:\n" + "\n".join(f"  {problem}" for problem in getattr(result, check))
        for check, heading in HEADINGS.items()
        if getattr(result, check)
    ]
    assert not report, f"{len(pages)} Seiten geprüft.\n" + "\n".join(report)
