"""The reader query set (tests/search_queries.yml), typed into the real search box.

Every query must bring its expected page among the first three results, on the
start page of its language. One test per language lists every miss at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser

from browser.checks import DESKTOP, RequestLog, Site, open_page, probe_search, search

pytestmark = pytest.mark.browser

QUERY_FILE = Path(__file__).parents[1] / "search_queries.yml"
TOP = 3


@dataclass(frozen=True)
class Query:
    text: str
    expect: str
    kind: str


def load_queries(path: Path = QUERY_FILE) -> dict[str, list[Query]]:
    """The query set per locale."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        locale: [
            Query(str(item["query"]), str(item["expect"]), str(item["kind"])) for item in items
        ]
        for locale, items in data.items()
    }


QUERIES = load_queries()


def ranks(browser: Browser, site: Site, locale: str, queries: list[Query]) -> list[list[str]]:
    """The result pages of each query, typed on the start page of ``locale``."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    RequestLog(site.base_url).attach(context)
    probe_search(context)
    tab = context.new_page()
    try:
        assert not open_page(tab, site, site.languages[locale])
        return [
            [site.path_of(str(result["href"])) for result in search(tab, query.text)]
            for query in queries
        ]
    finally:
        context.close()


@pytest.mark.parametrize("locale", sorted(QUERIES))
def test_every_query_finds_its_page_among_the_first_three(
    browser: Browser, portal: Site, locale: str
) -> None:
    queries = QUERIES[locale]
    results = ranks(browser, portal, locale, queries)
    misses = [
        f"„{query.text}“ ({query.kind}): /{query.expect} nicht unter den ersten {TOP}, "
        f"sondern {['/' + path for path in paths[:TOP]]}"
        for query, paths in zip(queries, results, strict=True)
        if query.expect not in paths[:TOP]
    ]
    hits = len(queries) - len(misses)
    assert not misses, f"{locale}: Erfolg bei {TOP} {hits}/{len(queries)}\n" + "\n".join(misses)


def test_query_set_expects_built_pages_that_contain_the_words(portal: Site) -> None:
    for locale, queries in QUERIES.items():
        for query in queries:
            assert query.expect in portal.pages_in(locale), f"{query.expect} fehlt ({query.text})"
