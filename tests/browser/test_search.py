"""Search per language, typed into the search box of the served site.

The reader query set has its own test (test_search_queries.py); here: which
files a page view and a search load, the language of results, the tag on
German pages of the English site, the search dialog for screen readers, and
that the worker turns words into index terms as the build does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from selectolax.lexbor import LexborHTMLParser

from browser.checks import DESKTOP, RequestLog, Site, open_page, probe_search, search
from browser.frame import frame_files
from portal.search.text import fold, stem, words
from portal_testkit.local_server import serve
from sitebuilder import PROJECT_ROOT, build, page, write_site

pytestmark = pytest.mark.browser


WORKER = PROJECT_ROOT / "overrides" / "assets" / "javascripts" / "portal-search.js"


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    probe_search(context)
    yield context.new_page()
    context.close()


def search_from(
    browser: Browser, portal: Site, *, start: str, query: str
) -> tuple[list[dict[str, object]], list[str], list[str]]:
    """Type `query` into the search box of page `start`.

    The results, the paths requested by the page view (after it settled), and
    those requested by the search.
    """
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    log = RequestLog(portal.base_url)
    log.attach(context)
    probe_search(context)
    tab = context.new_page()
    try:
        assert not open_page(tab, portal, start)
        tab.wait_for_load_state("networkidle")
        viewed = [portal.path_of(url) for url in log.take()]
        results = search(tab, query)
        searched = [portal.path_of(url) for url in log.take()]
    finally:
        context.close()
    return results, viewed, searched


def result_paths(site: Site, results: list[dict[str, object]]) -> list[str]:
    return [site.path_of(str(result["href"])) for result in results]


def test_german_search_stems_and_finds_mentor_innen_on_german_pages_only(
    browser: Browser, portal: Site
) -> None:
    results, viewed, searched = search_from(browser, portal, start="", query="Mentorin")
    paths = result_paths(portal, results)
    assert "mentoring/" in paths, f"„Mentorin“ findet die Seite über Mentor*innen nicht: {paths}"
    assert [path for path in paths if portal.language_of(path) != "de"] == []
    # A page view loads the stub for Material's page script, never the index.
    assert "search/search_index.json" in viewed
    assert "search/portal-index.json" not in viewed
    assert "search/portal-index.json" in searched
    assert not [path for path in viewed + searched if path.startswith("en/search/")]


def test_english_search_finds_english_pages_only(browser: Browser, portal: Site) -> None:
    results, viewed, searched = search_from(browser, portal, start="en/", query="mentor")
    paths = result_paths(portal, results)
    assert "en/mentoring/" in paths, f"„mentor“ findet die englische Mentoring-Seite nicht: {paths}"
    assert [path for path in paths if portal.language_of(path) != "en"] == []
    for result, path in zip(results, paths, strict=True):
        fallback = LexborHTMLParser(portal.html(path)).css_first(".portal-fallback") is not None
        tags = list(result["tags"])  # type: ignore[call-overload]
        assert "Deutsch" not in tags, f"/{path}: auf Englisch heißt die Markierung „German“"
        assert ("German" in tags) == fallback, f"/{path}: Rückfallseite {fallback}, Tags {tags}"
    assert "en/search/search_index.json" in viewed
    assert "en/search/portal-index.json" not in viewed
    assert "en/search/portal-index.json" in searched
    assert not [path for path in viewed + searched if path.startswith("search/")]


def test_english_search_marks_german_fallback_pages(browser: Browser, tmp_path: Path) -> None:
    # Every page of the portal is translated now; a German-only page is what
    # an editor adds first, so a tiny site has one.
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "rolle.md": page("Rolle", "# Rolle\n\nDie Mentorin begleitet neue Fachkräfte."),
            "rolle.en.md": page("Role", "# Role\n\nThe mentor supports new staff."),
            "gespraeche.md": page("Gespräche", "# Gespräche\n\nDer Mentor führt Gespräche."),
        },
    )
    result = build(config)
    assert result.ok, result.log
    with serve(result.site_dir) as base_url:
        site = Site(result.site_dir, base_url)
        results, _viewed, _searched = search_from(browser, site, start="en/", query="mentor")
    tags = {site.path_of(str(r["href"])): list(r["tags"]) for r in results}  # type: ignore[call-overload]
    assert tags == {"en/rolle/": [], "en/gespraeche/": ["German"]}


def test_search_dialog_is_named_and_announces_results(browser: Browser, portal: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    probe_search(context)
    tab = context.new_page()
    try:
        for start, name in (("", "Suche"), ("en/", "Search")):
            assert not open_page(tab, portal, start)
            dialog = tab.locator(".md-search[role=dialog]")
            assert dialog.get_attribute("aria-label") == name
            meta = tab.locator(".md-search-result__meta")
            assert (meta.get_attribute("role"), meta.get_attribute("aria-live")) == (
                "status",
                "polite",
            )
            search(tab, "Dortmund")
            assert any(char.isdigit() for char in meta.inner_text()), meta.inner_text()
    finally:
        context.close()


def test_worker_turns_words_into_the_same_terms_as_the_build(
    browser: Browser, portal: Site
) -> None:
    # The whole vocabulary of both languages' indexes, stemmed in each language.
    vocabulary: set[str] = set()
    for prefix in ("", "en/"):
        index = json.loads((portal.site_dir / prefix / "search" / "portal-index.json").read_text())
        for _location, title, text, tags in index["docs"]:
            vocabulary.update(f"{title} {text} {' '.join(tags)}".split())
    samples = sorted(vocabulary)
    # The test adds the worker's code to the page inline, which the portal's
    # Content Security Policy rightly forbids: this context ignores it.
    context = browser.new_context(viewport=DESKTOP, service_workers="block", bypass_csp=True)
    tab = context.new_page()
    try:
        assert not open_page(tab, portal, "")
        tab.add_script_tag(content=WORKER.read_text(encoding="utf-8"))
        browser_terms = tab.evaluate(
            """samples => samples.map(text => {
              const found = portalSearch.words(text);
              return [found, found.map(w => portalSearch.stem(w, 'de')),
                      found.map(w => portalSearch.stem(w, 'en'))];
            })""",
            samples,
        )
    finally:
        context.close()
    python_terms = [
        [found, [stem(w, "de") for w in found], [stem(w, "en") for w in found]]
        for found in (words(text) for text in samples)
    ]
    differences = [
        f"{text!r}: Browser {got}, Build {want}"
        for text, got, want in zip(samples, browser_terms, python_terms, strict=True)
        if got != want
    ]
    assert len(samples) > 2000
    assert not differences, "\n".join(differences[:20])
    assert fold("Gespräch") == "gesprach"


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
