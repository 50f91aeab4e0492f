"""The language switcher leads every page to itself in the other language."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.checks import DESKTOP, LANGUAGES, Site, language_switch_problems, open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_language_switch_leads_to_the_same_page(
    browser: Browser, portal: Site, locale: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in portal.pages_in(locale):
            problems += open_page(page, portal, path) or language_switch_problems(
                page, portal, path
            )
    finally:
        context.close()
    assert portal.pages_in(locale)
    assert not problems, "\n".join(problems)
