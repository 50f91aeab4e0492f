"""Newsletter: archive per language, news block, previous/next links, checks."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsletter_fixtures import NAV, NOT_IN_NAV, issue, newsletter_pages
from portal.news import relative_url
from portal.newsletter.checks import check_issues
from portal.newsletter.model import load_issues
from sitebuilder import LANGUAGES, BuildResult, build, write_site

ISSUES = {
    "ausgabe-001.md": issue(1, "2025-12-01", "Erste Testausgabe"),
    "ausgabe-002.md": issue(2, "2026-01-15", "Zweite Testausgabe"),
    "ausgabe-002.en.md": issue(
        2, "2026-01-15", "Second test issue", summary="A summary for the test."
    ),
    "ausgabe-003.md": issue(3, "2026-02-01", "Dritte Testausgabe"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("newsletter")
    config = write_site(root, newsletter_pages(ISSUES), nav=NAV, not_in_nav=NOT_IN_NAV)
    result = build(config)
    assert result.ok, result.log
    return result


def _tree(site: BuildResult, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site.site_dir / path).read_text(encoding="utf-8"))


def _text(node: object) -> str:
    return " ".join(node.text(separator=" ").split())  # type: ignore[attr-defined]


def test_relative_url() -> None:
    assert relative_url("newsletter/ausgaben/a/", base="") == "newsletter/ausgaben/a/"
    assert relative_url("en/newsletter/a/", base="en/") == "newsletter/a/"
    assert relative_url("newsletter/a/", base="en/") == "../newsletter/a/"
    assert relative_url("en/newsletter/a/", base="en/newsletter/") == "a/"
    assert relative_url("en/", base="en/") == "./"


def test_archive_by_year_newest_first_in_both_languages(site: BuildResult) -> None:
    german = _tree(site, "newsletter/index.html")
    assert [_text(h) for h in german.css(".portal-newsletter-archive h3")] == ["2026", "2025"]
    assert [_text(li) for li in german.css(".portal-newsletter-archive li")] == [
        "01.02.2026 · Ausgabe 3 Dritte Testausgabe Eine Zusammenfassung für den Test.",
        "15.01.2026 · Ausgabe 2 Zweite Testausgabe Eine Zusammenfassung für den Test.",
        "01.12.2025 · Ausgabe 1 Erste Testausgabe Eine Zusammenfassung für den Test.",
    ]
    english = _tree(site, "en/newsletter/index.html")
    links = [
        (a.attributes.get("href"), a.attributes.get("hreflang"), _text(a))
        for a in english.css(".portal-newsletter-archive li a")
    ]
    assert links == [
        ("../../newsletter/ausgaben/ausgabe-003/", "de", "Dritte Testausgabe"),
        ("ausgaben/ausgabe-002/", None, "Second test issue"),
        ("../../newsletter/ausgaben/ausgabe-001/", "de", "Erste Testausgabe"),
    ]
    last = english.css(".portal-newsletter-archive li")[-1]
    assert _text(last).startswith("1 December 2025 · Issue 1 Erste Testausgabe (in German)")


def test_start_page_news_block_shows_latest_issue(site: BuildResult) -> None:
    german = _tree(site, "index.html").css(".portal-news li")
    assert [_text(li) for li in german] == [
        "01.02.2026 · Newsletter Dritte Testausgabe Eine Zusammenfassung für den Test."
    ]
    assert german[0].css_first("a").attributes["href"] == "newsletter/ausgaben/ausgabe-003/"
    english = _tree(site, "en/index.html").css_first(".portal-news a")
    assert english.attributes == {
        "href": "../newsletter/ausgaben/ausgabe-003/",
        "hreflang": "de",
        "lang": "de",
    }


def test_issue_pages_show_number_date_and_neighbours(site: BuildResult) -> None:
    middle = _tree(site, "newsletter/ausgaben/ausgabe-002/index.html")
    assert _text(middle.css_first(".portal-issue-meta")) == "Ausgabe 2 · 15.01.2026"
    nav = [
        (a.attributes["rel"], a.attributes["href"], _text(a))
        for a in middle.css(".portal-issue-nav a")
    ]
    assert nav == [
        ("prev", "../ausgabe-001/", "Vorherige Ausgabe 1: Erste Testausgabe"),
        ("next", "../ausgabe-003/", "Nächste Ausgabe 3: Dritte Testausgabe"),
    ]
    english = _tree(site, "en/newsletter/ausgaben/ausgabe-002/index.html")
    assert _text(english.css_first(".portal-issue-meta")) == "Issue 2 · 15 January 2026"
    first = _tree(site, "newsletter/ausgaben/ausgabe-001/index.html")
    assert [a.attributes["rel"] for a in first.css(".portal-issue-nav a")] == ["next"]


def _issues_in(tmp_path: Path, files: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in files.items():
        target = docs / "newsletter" / "ausgaben" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return docs


def test_checks_report_gap_future_date_and_missing_summary(tmp_path: Path) -> None:
    docs = _issues_in(
        tmp_path,
        {
            "ausgabe-001.md": issue(1, "2026-11-01", "Eins"),
            "ausgabe-004.md": issue(4, "2026-12-24", "Vier", summary=None),
        },
    )
    issues = load_issues(docs, project_root=tmp_path, languages=LANGUAGES)
    messages = [str(f) for f in check_issues(issues, today=datetime.date(2026, 11, 28))]
    assert messages == [
        "docs/newsletter/ausgaben/ausgabe-004.md:1: Die Ausgabe hat keine Zusammenfassung "
        "(summary) — schreiben Sie in die Kopfdaten unter summary: ein bis drei Sätze darüber, "
        "was in dieser Ausgabe steht; Archiv, Startseite und Feeds zeigen sie.",
        "docs/newsletter/ausgaben/ausgabe-004.md:8: Die Nummern der Ausgaben haben eine Lücke: "
        "vor Nr. 4 fehlt Nr. 2 bis 3 — geben Sie dieser Ausgabe die Nummer 2, wenn "
        "sie die nächste ist, oder legen Sie die fehlende Ausgabe an "
        "(python -m portal new newsletter).",
        "docs/newsletter/ausgaben/ausgabe-004.md:9: Die Ausgabe ist auf den 24.12.2026 "
        "datiert, einen Tag in der Zukunft — setzen Sie als date den Tag, an dem die Ausgabe "
        "erscheint, und veröffentlichen Sie sie erst an diesem Tag.",
    ]
