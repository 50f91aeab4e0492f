"""A page view asks only for what exists, and not for the search index.

Material's script asked for a ``sitemap.xml`` below every page-level
language link (two 404s per page view); the portal's search worker loads its
index only when a reader starts to search. The pages are those Lighthouse
measures (scripts/benchmark/lighthouse.py), at phone width.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Response

from browser.checks import PHONE, Site, label, open_page

pytestmark = pytest.mark.browser

PAGES = ("", "hilfeplanverfahren/ablauf/", "en/")
SEARCH_INDEX = "search/portal-index.json"


def test_a_page_view_requests_nothing_that_is_missing(browser: Browser, portal: Site) -> None:
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    problems: list[str] = []
    try:
        for path in PAGES:
            responses.clear()
            problems += open_page(page, portal, path, wait_until="networkidle")
            page.wait_for_timeout(500)
            problems += [
                f"{label(path)}: {response.url} antwortet mit HTTP {response.status} — "
                "die Anfrage entfernen oder die Datei bauen"
                for response in responses
                if response.status >= 400
            ]
            problems += [
                f"{label(path)}: lädt {SEARCH_INDEX} schon beim Seitenaufruf — "
                "der Index gehört erst zur ersten Suche"
                for response in responses
                if response.url.endswith(SEARCH_INDEX)
            ]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
