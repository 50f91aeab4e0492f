"""Old addresses of moved pages lead to the new page in every language, in a real browser.

The German redirect pages come from mkdocs-redirects, the others from
portal.stages.finish, all from ``redirect_maps`` in mkdocs.yml.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.checks import DESKTOP, LANGUAGES, Site
from portal.languages import load_languages
from portal.move.config_edit import redirect_entries
from portal.site.config import load_site_config
from sitebuilder import MKDOCS_YML

pytestmark = pytest.mark.browser

REDIRECTS = redirect_entries(load_site_config(MKDOCS_YML))
PORTAL_LANGUAGES = load_languages(MKDOCS_YML)


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_every_old_address_leads_to_its_new_page(
    browser: Browser, portal: Site, locale: str
) -> None:
    assert REDIRECTS, "mkdocs.yml hat keine Weiterleitungen mehr — Test anpassen"
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    tab = context.new_page()
    problems = []
    try:
        for old, new in REDIRECTS.items():
            start = PORTAL_LANGUAGES.url(old, locale)
            expected = portal.url(PORTAL_LANGUAGES.url(new, locale))
            tab.goto(portal.url(start))
            try:
                tab.wait_for_url(expected, timeout=5000)
            except Exception:
                problems.append(f"/{start} führt zu {tab.url} statt zu {expected}")
    finally:
        context.close()
    assert problems == []
