"""Search per language, typed into the search box of the served site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from selectolax.lexbor import LexborHTMLParser

from browser.checks import DESKTOP, RequestLog, Site, open_page, search
from browser.frame import frame_files
from browser.server import serve
from sitebuilder import build, page, write_site

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    yield context.new_page()
    context.close()


def search_from(
    browser: Browser, portal: Site, *, start: str, query: str
) -> tuple[list[dict[str, object]], list[str]]:
    """Type `query` into the search box of page `start`; the results and the paths requested."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    log = RequestLog(portal.base_url)
    log.attach(context)
    tab = context.new_page()
    try:
        assert not open_page(tab, portal, start)
        results = search(tab, query)
        requested = [portal.path_of(url) for url in log.take()]
    finally:
        context.close()
    return results, requested


def result_paths(site: Site, results: list[dict[str, object]]) -> list[str]:
    return [site.path_of(str(result["href"])) for result in results]


def test_german_search_stems_and_finds_mentor_innen_on_german_pages_only(
    browser: Browser, portal: Site
) -> None:
    results, requested = search_from(browser, portal, start="", query="Mentorin")
    paths = result_paths(portal, results)
    assert "mentoring/" in paths, f"„Mentorin“ findet die Seite über Mentor*innen nicht: {paths}"
    assert [path for path in paths if portal.language_of(path) != "de"] == []
    assert "search/search_index.json" in requested
    assert "en/search/search_index.json" not in requested


def test_english_search_finds_english_pages_and_marks_german_fallbacks(
    browser: Browser, portal: Site
) -> None:
    results, requested = search_from(browser, portal, start="en/", query="mentor")
    paths = result_paths(portal, results)
    assert "en/mentoring/" in paths, f"„mentor“ findet die englische Mentoring-Seite nicht: {paths}"
    assert [path for path in paths if portal.language_of(path) != "en"] == []
    for result, path in zip(results, paths, strict=True):
        fallback = LexborHTMLParser(portal.html(path)).css_first(".portal-fallback") is not None
        marked = "Deutsch" in list(result["tags"])  # type: ignore[call-overload]
        assert marked == fallback, (
            f"/{path}: Rückfallseite {fallback}, als Deutsch markiert {marked}"
        )
    assert "en/search/search_index.json" in requested
    assert "search/search_index.json" not in requested


GERMAN_QUERIES = ("Fachkraft", "Mentorin")
ENGLISH_QUERIES = ("Fachkraft", "mentors")


def test_stemming_and_language_separation_on_a_tiny_site(tab: Page, tmp_path: Path) -> None:
    pages = {
        **frame_files(),
        "index.md": page("Start", "## Willkommen\n\nEin Portal."),
        "index.en.md": page("Home", "## Welcome\n\nA portal."),
        "team.md": page("Team", "## Wer hilft\n\nErfahrene Fachkräfte begleiten Mentor*innen."),
        "team.en.md": page("Team", "## Who helps\n\nExperienced staff support mentors."),
    }
    result = build(write_site(tmp_path, pages))
    assert result.ok, result.log
    with serve(result.site_dir) as base_url:
        site = Site(site_dir=result.site_dir, base_url=base_url)
        assert not open_page(tab, site, "")
        # „Fachkraft“ reaches „Fachkräfte“ only through the German stemmer.
        german = {query: result_paths(site, search(tab, query)) for query in GERMAN_QUERIES}
        assert not open_page(tab, site, "en/")
        english = {query: result_paths(site, search(tab, query)) for query in ENGLISH_QUERIES}
    # Hooks may add pages of their own (audience overviews), so the test looks
    # for the page it wrote, and for pages of the wrong language.
    for query, paths in german.items():
        assert "team/" in paths, f"„{query}“ findet /team/ nicht: {paths}"
        assert [path for path in paths if site.language_of(path) != "de"] == [], query
    for query, paths in english.items():
        assert [path for path in paths if site.language_of(path) != "en"] == [], query
    assert "en/team/" in english["mentors"]
    assert "en/team/" not in english["Fachkraft"]
