"""Newsletter: archive per language, news block, previous/next links, checks."""

from __future__ import annotations

import argparse
import datetime
import time
from pathlib import Path

import feedparser
import pytest
from selectolax.lexbor import LexborHTMLParser

from golden import Golden
from newsletter_fixtures import (
    FORM_SETTINGS,
    MAILTO_SETTINGS,
    NAV,
    NOT_IN_NAV,
    issue,
    newsletter_pages,
)
from portal.cli import main
from portal.news import relative_url
from portal.newsletter.checks import check_issues
from portal.newsletter.model import load_issues
from portal.newsletter.scaffold import create_issue
from portal.newsletter.subscription import form_action_origin, read_subscription
from portal.project import Project
from portal.scaffold.files import ScaffoldError
from sitebuilder import LANGUAGES, BuildResult, build, write_site

FORM_URL = "https://listen.example.org/abonnieren"
SCAFFOLD_DAY = datetime.date(2026, 3, 2)

ISSUES = {
    "ausgabe-001.md": issue(1, "2025-12-01", "Erste Testausgabe"),
    "ausgabe-002.md": issue(2, "2026-01-15", "Zweite Testausgabe"),
    "ausgabe-002.en.md": issue(
        2, "2026-01-15", "Second test issue", summary="A summary for the test."
    ),
    "ausgabe-003.md": issue(3, "2026-02-01", "Dritte Testausgabe"),
}


def _project(config: Path) -> Project:
    root = config.parent
    return Project(root=root, config_file=config, docs_dir=root / "docs", languages=LANGUAGES)


def _scaffold_arguments(title: str) -> argparse.Namespace:
    return argparse.Namespace(
        titel=title,
        zusammenfassung="Vom Gerüst angelegt. Zweiter Satz.",
        beschreibung=None,
        verantwortlich=None,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Three issues written by hand, a fourth made by the scaffold, a subscription form."""
    root = tmp_path_factory.mktemp("newsletter")
    config = write_site(
        root,
        newsletter_pages(ISSUES),
        nav=NAV,
        not_in_nav=NOT_IN_NAV,
        extra_config=FORM_SETTINGS.format(form_url=FORM_URL),
    )
    create_issue(_project(config), _scaffold_arguments("Vierte Ausgabe"), today=SCAFFOLD_DAY)
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
        "02.03.2026 · Ausgabe 4 Vierte Ausgabe Vom Gerüst angelegt. Zweiter Satz.",
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
        ("../../newsletter/ausgaben/ausgabe-004/", "de", "Vierte Ausgabe"),
        ("../../newsletter/ausgaben/ausgabe-003/", "de", "Dritte Testausgabe"),
        ("ausgaben/ausgabe-002/", None, "Second test issue"),
        ("../../newsletter/ausgaben/ausgabe-001/", "de", "Erste Testausgabe"),
    ]
    last = english.css(".portal-newsletter-archive li")[-1]
    assert _text(last).startswith("1 December 2025 · Issue 1 Erste Testausgabe (in German)")


def test_start_page_news_block_shows_latest_issue(site: BuildResult) -> None:
    german = _tree(site, "index.html").css(".portal-news li")
    assert [_text(li) for li in german] == [
        "02.03.2026 · Newsletter Vierte Ausgabe Vom Gerüst angelegt. Zweiter Satz."
    ]
    assert german[0].css_first("a").attributes["href"] == "newsletter/ausgaben/ausgabe-004/"
    english = _tree(site, "en/index.html").css_first(".portal-news a").attributes
    # The German issue, marked as German for English readers.
    assert {key: english[key] for key in ("href", "hreflang", "lang")} == {
        "href": "../newsletter/ausgaben/ausgabe-004/",
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


def _feed(site: BuildResult, path: str) -> feedparser.FeedParserDict:
    parsed = feedparser.parse((site.site_dir / path).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


@pytest.mark.parametrize("name", ["feed.rss.xml", "feed.atom.xml"])
def test_feeds_parse_back_with_absolute_urls_and_dates(site: BuildResult, name: str) -> None:
    days = ["2026-03-02", "2026-02-01", "2026-01-15", "2025-12-01"]
    german = _feed(site, f"newsletter/{name}")
    assert german.feed.language == "de"
    assert german.feed.link == "http://127.0.0.1:8000/newsletter/"
    assert [entry.title for entry in german.entries] == [
        "Ausgabe 4: Vierte Ausgabe",
        "Ausgabe 3: Dritte Testausgabe",
        "Ausgabe 2: Zweite Testausgabe",
        "Ausgabe 1: Erste Testausgabe",
    ]
    assert [entry.link for entry in german.entries] == [
        f"http://127.0.0.1:8000/newsletter/ausgaben/ausgabe-00{n}/" for n in (4, 3, 2, 1)
    ]
    assert [time.strftime("%Y-%m-%d", entry.published_parsed) for entry in german.entries] == days
    updated = german.feed.get("updated_parsed")
    assert time.strftime("%Y-%m-%d", updated) == days[0]
    english = _feed(site, f"en/newsletter/{name}")
    assert english.feed.language == "en"
    assert english.feed.link == "http://127.0.0.1:8000/en/newsletter/"
    assert [(entry.title, entry.link) for entry in english.entries][1:3] == [
        ("Issue 3: Dritte Testausgabe", "http://127.0.0.1:8000/newsletter/ausgaben/ausgabe-003/"),
        ("Issue 2: Second test issue", "http://127.0.0.1:8000/en/newsletter/ausgaben/ausgabe-002/"),
    ]
    assert english.entries[2].summary == "A summary for the test."


def test_feeds_match_expected_files(site: BuildResult, golden: Golden) -> None:
    for prefix, language in (("", "de"), ("en/", "en")):
        for kind in ("rss", "atom"):
            path = site.site_dir / f"{prefix}newsletter/feed.{kind}.xml"
            golden(f"newsletter_feed.{language}.{kind}.xml", path.read_text(encoding="utf-8"))


def test_every_page_names_the_feeds_of_its_language(site: BuildResult) -> None:
    links = _tree(site, "en/newsletter/ausgaben/ausgabe-002/index.html").css(
        'head link[rel~="alternate"][type]'
    )
    assert [(n.attributes["type"], n.attributes["href"]) for n in links] == [
        ("application/rss+xml", "../../feed.rss.xml"),
        ("application/atom+xml", "../../feed.atom.xml"),
    ]
    archive = _tree(site, "newsletter/index.html").css(".portal-newsletter-feeds a")
    assert [a.attributes["href"] for a in archive] == ["feed.rss.xml", "feed.atom.xml"]


def test_subscription_form_posts_the_configured_fields(site: BuildResult) -> None:
    for path in (
        "index.html",
        "newsletter/index.html",
        "newsletter/ausgaben/ausgabe-001/index.html",
    ):
        form = _tree(site, path).css_first("form.portal-subscribe__form")
        assert form is not None, path
        assert (form.attributes["action"], form.attributes["method"]) == (FORM_URL, "post")
        fields = [(i.attributes["type"], i.attributes["name"]) for i in form.css("input")]
        assert fields == [("email", "adresse"), ("hidden", "liste"), ("hidden", "sprache")]
    english = _tree(site, "en/newsletter/index.html").css(".portal-subscribe p a")
    assert [(a.attributes["href"], _text(a)) for a in english] == [
        ("https://listen.example.org/abmelden", "mailing list's unsubscribe page"),
        ("../datenschutz/", "privacy policy"),
    ]
    assert not _tree(site, "index.html").css("script[src*='listen']")


def test_mailto_pair_is_shown_as_two_links(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        newsletter_pages({"ausgabe-001.md": ISSUES["ausgabe-001.md"]}),
        nav=NAV,
        not_in_nav=NOT_IN_NAV,
        extra_config=MAILTO_SETTINGS,
    )
    result = build(config)
    assert result.ok, result.log
    assert not [w for w in result.warnings() if "Newsletter" in w]
    links = _tree(result, "newsletter/index.html").css(".portal-subscribe a")
    assert [a.attributes["href"] for a in links] == [
        "mailto:hpv-test-join@listen.example.org",
        "mailto:hpv-test-leave@listen.example.org",
        "../datenschutz/",
    ]


def test_unset_subscription_is_said_and_warned(portal_build: BuildResult) -> None:
    assert any(
        "Der Newsletter kann noch nicht bestellt werden" in w for w in portal_build.warnings()
    )
    unset = _tree(portal_build, "en/newsletter/index.html").css_first(".portal-subscribe__unset")
    assert _text(unset).startswith("Subscribing to the newsletter by e-mail has not been set up")


def test_subscription_settings_that_cannot_work_are_findings() -> None:
    _, findings = read_subscription(
        {"form_url": "http://listen.example.org/x", "email_field": "e mail"}, line=7
    )
    assert [str(f) for f in findings] == [
        "mkdocs.yml:7: extra.newsletter.form_url: „http://listen.example.org/x“ ist keine "
        "https-Adresse — tragen Sie die https-Adresse ein, an die das Formular des "
        "Listenservers sendet.",
        "mkdocs.yml:7: extra.newsletter.email_field: „e mail“ ist kein Feldname eines "
        "Formulars — übernehmen Sie die Namen der Felder (name=…) aus dem Formular des "
        "Listenservers.",
        "mkdocs.yml:7: extra.newsletter.unsubscribe_url: Es fehlt die Adresse zum Abbestellen "
        "— tragen Sie die Seite des Listenservers ein, auf der Leser*innen den Newsletter "
        "abbestellen.",
    ]
    _, findings = read_subscription({"subscribe_email": "liste-join@example.org"})
    assert [f.problem for f in findings] == [
        "extra.newsletter.unsubscribe_email: Die Adresse fehlt"
    ]


def test_form_action_origin_for_the_content_security_policy() -> None:
    settings = {"form_url": FORM_URL, "unsubscribe_url": "https://listen.example.org/ab"}
    assert form_action_origin(settings) == "https://listen.example.org"
    assert form_action_origin({"subscribe_email": "a@b.de", "unsubscribe_email": "c@b.de"}) is None
    assert form_action_origin(None) is None


def test_scaffold_takes_the_next_number_and_never_overwrites(tmp_path: Path) -> None:
    config = write_site(tmp_path, newsletter_pages(ISSUES), nav=NAV, not_in_nav=NOT_IN_NAV)
    project = _project(config)
    made = create_issue(project, _scaffold_arguments("Neu"), today=datetime.date(2026, 11, 28))
    assert made.name == "ausgabe-004.md"
    text = made.read_text(encoding="utf-8")
    assert "number: 4\ndate: 2026-11-28\nsummary: Vom Gerüst angelegt. Zweiter Satz.\n" in text
    assert "description: Vom Gerüst angelegt.\n" in text
    # A file in the way (its number unreadable) is not overwritten.
    blocker = made.with_name("ausgabe-005.md")
    blocker.write_text("kaputt", encoding="utf-8")
    with pytest.raises(ScaffoldError, match=r"ausgabe-005\.md gibt es schon"):
        create_issue(project, _scaffold_arguments("Noch eine"), today=datetime.date(2026, 11, 28))
    assert blocker.read_text(encoding="utf-8") == "kaputt"


def test_scaffolded_issue_is_exported_as_an_email(
    site: BuildResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PORTAL_SITE_URL", raising=False)
    root = site.site_dir.parent
    monkeypatch.chdir(root)
    assert main(["newsletter", "export", "4", "--ziel", str(root / "mail")]) == 0
    html = (root / "mail/ausgabe-004.de.html").read_text(encoding="utf-8")
    assert "Vierte Ausgabe" in html
    assert 'href="https://listen.example.org/abmelden"' in html
    text = (root / "mail/ausgabe-004.de.txt").read_text(encoding="utf-8")
    assert text.startswith("Wissensportal Hilfeplanverfahren M-V · Ausgabe 4 · 02.03.2026\n")
