"""The page frame as built: sidebars, error pages, status labels, tables, labels per language."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from portal.labels import LABELS, label

ENGLISH = "en/"


def parse(site: Path, path: str) -> LexborHTMLParser:
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return LexborHTMLParser(target.read_text(encoding="utf-8"))


def content_pages(site: Path) -> list[str]:
    return sorted(
        html.relative_to(site).as_posix()
        for html in site.rglob("*.html")
        if not html.relative_to(site).as_posix().startswith("assets/")
    )


# Sidebars


@pytest.mark.parametrize("prefix", ["", ENGLISH])
@pytest.mark.parametrize(
    "path",
    ["", "newsletter/", "glossar/", "impressum/", "zielgruppen/leitung/", "404.html"],
)
def test_pages_without_a_section_to_list_hide_the_sidebar(
    portal_site: Path, prefix: str, path: str
) -> None:
    sidebar = parse(portal_site, prefix + path).css_first(".md-sidebar--primary")
    assert sidebar is not None
    assert "hidden" in sidebar.attributes, f"/{prefix}{path}: leere Seitenleiste sichtbar"


def test_chapter_pages_keep_their_sidebar(portal_site: Path) -> None:
    tree = parse(portal_site, "mentoring/fachaufsicht/")
    sidebar = tree.css_first(".md-sidebar--primary")
    assert sidebar is not None
    assert "hidden" not in sidebar.attributes
    assert len(sidebar.css(".md-nav__item--active .md-nav__link")) > 3


# Page not found


@pytest.mark.parametrize(
    ("path", "lang", "title", "home"),
    [
        ("404.html", "de", "Seite nicht gefunden", "/"),
        ("en/404.html", "en", "Page not found", "/en/"),
    ],
)
def test_not_found_page_speaks_the_language_and_offers_a_way_on(
    portal_site: Path, path: str, lang: str, title: str, home: str
) -> None:
    tree = parse(portal_site, path)
    html = tree.css_first("html")
    heading = tree.css_first("article h1")
    assert html is not None and html.attributes.get("lang") == lang
    assert heading is not None and heading.text(strip=True) == title
    assert [a.attributes.get("href") for a in tree.css("article a.md-button")] == [home]
    form = tree.css_first("article form[role=search]")
    assert form is not None
    assert form.attributes.get("action") == home
    field = form.css_first("input[name=q]")
    assert field is not None
    label_node = form.css_first(f"label[for={field.attributes.get('id')}]")
    assert label_node is not None and label_node.text(strip=True)


# Status of events, trainings and publications


@pytest.mark.parametrize(("prefix", "word"), [("", "dokumentiert"), (ENGLISH, "documented")])
def test_event_status_is_a_word_in_the_reader_language(
    portal_site: Path, prefix: str, word: str
) -> None:
    tree = parse(portal_site, prefix + "veranstaltungen/2015-01-27-auftaktveranstaltung/")
    assert tree.css(".md-status") == [], "Materials Status-Symbol ohne Erklärung"
    assert tree.css_first(".portal-meta__page-status .portal-status").text(strip=True) == word
    assert word in [node.text(strip=True) for node in tree.css(".md-nav .portal-nav-status")]


def test_every_status_value_of_the_schemas_has_a_label_in_each_language() -> None:
    import json

    from sitebuilder import PROJECT_ROOT

    schemas = PROJECT_ROOT / "scripts" / "portal" / "schemas"
    values: set[str] = set()
    for schema in schemas.glob("*.schema.json"):
        data = json.loads(schema.read_text(encoding="utf-8"))
        status = data.get("properties", {}).get("status", {})
        values.update(status.get("enum", []))
        values.update(data.get("definitions", {}).get("materialStatus", {}).get("enum", []))
    assert values, "keine Statuswerte in den Schemas gefunden"
    missing = sorted(
        f"{value} ({language})"
        for value in values
        for language in ("de", "en")
        if language not in LABELS["status"].get(value, {})
    )
    assert missing == []
    assert label("status", "dokumentiert", language="en") == "documented"


# Tables


def test_every_table_sits_in_a_named_box_reachable_by_keyboard(portal_site: Path) -> None:
    problems = []
    tables = 0
    for path in content_pages(portal_site):
        tree = parse(portal_site, path)
        for table in tree.css("article table"):
            tables += 1
            box = table.parent
            attrs = box.attributes if box is not None else {}
            labelled = attrs.get("aria-labelledby") or ""
            if (
                box is None
                or "portal-table" not in (attrs.get("class") or "")
                or attrs.get("tabindex") != "0"
                or attrs.get("role") != "region"
                or tree.css_first(f"[id='{labelled}']") is None
            ):
                problems.append(f"/{path}: {(box.html or '')[:120] if box else table.html}")
    assert tables > 5
    assert problems == []


# English labels


def test_every_tag_of_the_vocabulary_has_a_label_in_each_language() -> None:
    import json

    from sitebuilder import LANGUAGES, PROJECT_ROOT

    schema = PROJECT_ROOT / "scripts" / "portal" / "schemas" / "definitions.schema.json"
    vocabulary = json.loads(schema.read_text(encoding="utf-8"))["definitions"]["tag"]["enum"]
    missing = [
        f"{tag} ({language})"
        for tag in vocabulary
        for language in LANGUAGES.codes
        if language not in LABELS["tag"].get(tag, {})
    ]
    assert missing == [], "Schlagwort ohne Bezeichnung in portal/labels.py"


def test_english_search_results_show_english_tags(portal_site: Path) -> None:
    import json

    index = json.loads((portal_site / "en/search/portal-index.json").read_text(encoding="utf-8"))
    tags = {tag for *_rest, entry_tags in index["docs"] for tag in entry_tags}
    german_only = {LABELS["tag"][tag]["de"] for tag in LABELS["tag"]} - {
        LABELS["tag"][tag]["en"] for tag in LABELS["tag"]
    }
    assert "Onboarding" in tags
    assert sorted(tags & german_only) == []


def test_english_pages_carry_no_german_frame_words(portal_site: Path) -> None:
    german = [
        LABELS["page"]["permalink"]["de"],
        "Zuletzt geprüft",
        "Nächste Prüfung",
        "Rechtliches",
    ]
    problems = []
    for path in content_pages(portal_site / "en"):
        tree = LexborHTMLParser((portal_site / "en" / path).read_text(encoding="utf-8"))
        # A German page shown as the English fallback keeps its German text,
        # marked lang="de"; the frame around it is what must be English.
        for fallback in tree.css(".portal-fallback-content"):
            fallback.decompose()
        text = tree.html or ""
        problems += [f"/en/{path}: {word}" for word in german if word in text]
    assert problems == []
    heading_link = parse(portal_site, "en/mentoring/fachaufsicht/").css_first("a.headerlink")
    assert heading_link is not None
    assert heading_link.attributes.get("title") == "Link to this section"


# Glossary


@pytest.mark.parametrize("prefix", ["", ENGLISH])
def test_glossary_page_is_alphabetical_and_for_readers(portal_site: Path, prefix: str) -> None:
    tree = parse(portal_site, prefix + "glossar/")
    terms = [node.text(strip=True) for node in tree.css(".portal-glossary dt")]
    assert len(terms) > 10
    assert terms == sorted(terms, key=lambda term: (_collation(term), term))
    text = tree.css_first("article").text()
    for editor_word in ("README", "Repository", "repository", "abkuerzungen.yml"):
        assert editor_word not in text, (
            f"/{prefix}glossar/: Hinweis für die Redaktion „{editor_word}“"
        )


def _collation(text: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def test_glossary_sorts_as_a_german_dictionary() -> None:
    from portal.glossary import GlossaryEntry, alphabetical

    entries = [GlossaryEntry(abbr, "x") for abbr in ["SGB VIII", "ÄD", "asd", "HPG", "Ad"]]
    assert [entry.abbr for entry in alphabetical(entries)] == ["Ad", "ÄD", "asd", "HPG", "SGB VIII"]


# Audience overviews


def _nav_pages() -> list[str]:
    from mkdocs.utils.yaml import yaml_load

    from sitebuilder import MKDOCS_YML

    with MKDOCS_YML.open(encoding="utf-8") as handle:
        nav = yaml_load(handle)["nav"]

    def walk(items: object) -> list[str]:
        if isinstance(items, str):
            return [items]
        if isinstance(items, list):
            return [path for item in items for path in walk(item)]
        if isinstance(items, dict):
            return [path for value in items.values() for path in walk(value)]
        return []

    return walk(nav)


@pytest.mark.parametrize("prefix", ["", ENGLISH])
def test_audience_overviews_follow_the_reading_order(portal_site: Path, prefix: str) -> None:
    rank = {
        path.removesuffix(".md").removesuffix("index").rstrip("/"): position
        for position, path in enumerate(_nav_pages())
    }
    overviews = sorted((portal_site / prefix / "zielgruppen").glob("*/index.html"))
    assert len(overviews) >= 6
    problems = []
    for overview in overviews:
        tree = LexborHTMLParser(overview.read_text(encoding="utf-8"))
        listed = []
        for link in tree.css(".portal-audience-list a"):
            target = (overview.parent / (link.attributes.get("href") or "")).resolve()
            relative = target.relative_to((portal_site / prefix).resolve()).as_posix()
            listed.append(relative.rstrip("/"))
        ranks = [rank[path] for path in listed if path in rank]
        if ranks != sorted(ranks):
            problems.append(f"{overview.relative_to(portal_site)}: {listed}")
    assert problems == []
