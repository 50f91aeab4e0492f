"""Search per language: the index functions, and what a build writes."""

from __future__ import annotations

import json
from pathlib import Path

from browser.frame import frame_files
from selectolax.lexbor import LexborHTMLParser

from golden import Golden, json_text
from portal.search import (
    Language,
    keyword_texts,
    language_name,
    link_texts,
    localize_config_script,
    localize_index,
    relative_root,
    stub_index,
)
from sitebuilder import DEFAULT_FRONT_MATTER, build, page, write_site

GERMAN = Language(locale="de", prefix="", name="Deutsch")
ENGLISH = Language(locale="en", prefix="en/", name="English")
BASE_CONFIG = {
    "lang": ["de", "en"],
    "separator": "[\\s\\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
}


def test_german_entries_keep_german_pages_only() -> None:
    entries = [
        {"location": "mentoring/", "title": "Mentoring", "text": "Für Mentor*innen"},
        {"location": "en/mentoring/", "title": "Mentoring", "text": "For mentors"},
    ]
    index = localize_index(
        entries, base_config=BASE_CONFIG, language=GERMAN, languages=[GERMAN, ENGLISH]
    )
    assert index == {
        "config": {**BASE_CONFIG, "lang": ["de"]},
        "docs": [{"location": "mentoring/", "title": "Mentoring", "text": "Für Mentor*innen"}],
    }


def test_stub_index_has_no_entries_and_names_the_real_index() -> None:
    index = {"config": {**BASE_CONFIG, "lang": ["en"]}, "docs": [{"location": ""}]}
    assert stub_index(index, language=ENGLISH) == {
        "config": {**BASE_CONFIG, "lang": ["en"], "portal_index": "en/search/portal-index.json"},
        "docs": [],
    }
    assert stub_index(index, language=GERMAN)["config"]["portal_index"] == (
        "search/portal-index.json"
    )


def test_language_names_in_the_readers_language() -> None:
    assert language_name("de", reader="en") == "German"
    assert language_name("de", reader="de") == "Deutsch"
    assert language_name("fr", reader="en") == "fr"


def test_english_index_is_relative_to_its_root_and_tags_fallbacks() -> None:
    entries = [
        {"location": "en/", "title": "Home", "text": "Start here"},
        {"location": "en/b/", "title": "Nur Deutsch", "text": "Text", "tags": ["Recht"]},
        {"location": "en/b/#abschnitt", "title": "Abschnitt", "text": "Mehr"},
    ]
    index = localize_index(
        entries,
        base_config=BASE_CONFIG,
        language=ENGLISH,
        fallback_pages={"en/b/"},
        fallback_tag="German",
    )
    assert index["config"]["lang"] == ["en"]
    assert index["docs"] == [
        {"location": "", "title": "Home", "text": "Start here"},
        {"location": "b/", "title": "Nur Deutsch", "text": "Text", "tags": ["Law", "German"]},
        {"location": "b/#abschnitt", "title": "Abschnitt", "text": "Mehr", "tags": ["German"]},
    ]


def test_relative_root_of_pages() -> None:
    assert relative_root("en/", ENGLISH) == "./"
    assert relative_root("en/mentoring/", ENGLISH) == "../"
    assert relative_root("en/mentoring/rolle/", ENGLISH) == "../../"
    assert relative_root("mentoring/", GERMAN) == "../"


def test_localize_config_script_sets_the_base_and_the_portals_worker() -> None:
    original = json.dumps(
        {
            "base": "../..",
            "search": "../../assets/javascripts/workers/search.a7633da7.min.js",
            "features": [],
        }
    )
    assert json.loads(localize_config_script(original, base="../")) == {
        "base": "../",
        "search": "../../assets/javascripts/portal-search.js",
        "features": [],
    }
    assert json.loads(localize_config_script(original))["base"] == "../.."


def test_link_texts_name_pages_of_the_site_only() -> None:
    html = (
        '<p>Read the page on <a href="../kinderschutz/">child <em>protection</em></a>, '
        '<a href="#top">up</a>, <a href="https://example.org/">elsewhere</a>, '
        '<a href="../file.pdf">a file</a> and <a href="./">this page</a>.</p>'
    )
    assert link_texts(html, page_url="en/hilfe/") == [("en/kinderschutz/", "child protection")]


def test_keyword_texts_are_the_marked_facts_only() -> None:
    html = (
        "<dl><dt>Ort</dt><dd data-portal-keywords>Güstrow</dd>"
        "<dt>Referent*innen</dt><dd data-portal-keywords><ul><li>Hans-Ullrich Krause</li>"
        "<li>Zweite Person</li></ul></dd><dt>Programm</dt><dd>Eröffnung</dd>"
        "<dd data-portal-keywords> </dd></dl>"
    )
    assert keyword_texts(html) == ["Güstrow", "Hans-Ullrich Krause Zweite Person"]


def test_build_writes_one_index_per_language(tmp_path: Path, golden: Golden) -> None:
    pages = {
        **frame_files(),
        "index.md": page("Start", "## Willkommen\n\nFür Mentor*innen."),
        "index.en.md": page(
            "Home",
            "## Welcome\n\nFor mentors.",
            front_matter=DEFAULT_FRONT_MATTER.format(title="Home").replace(
                "tags: []\n", "tags: []\nkeywords: [front door]\n"
            ),
        ),
        "nur-deutsch.md": page("Nur Deutsch", "## Abschnitt\n\nFachkräfte lesen hier."),
    }
    result = build(write_site(tmp_path, pages))
    assert result.ok, result.log
    site = result.site_dir

    def read(*parts: str) -> dict[str, object]:
        data: dict[str, object] = json.loads(site.joinpath(*parts).read_text(encoding="utf-8"))
        return data

    # Material's page script gets stubs without entries: nothing to download on page view.
    assert read("search", "search_index.json")["docs"] == []
    assert read("en", "search", "search_index.json")["docs"] == []
    german = read("search", "portal-index.json")
    english = read("en", "search", "portal-index.json")
    golden("search_index.de.json", json_text(read("search", "search_index.json")))
    golden("portal_index.de.json", json_text(german))
    golden("portal_index.en.json", json_text(english))
    assert (german["version"], german["locale"], english["locale"]) == (1, "de", "en")

    def pages(index: dict[str, object]) -> set[str]:
        return {str(doc[0]).split("#")[0] for doc in index["docs"]}  # type: ignore[attr-defined]

    # Hooks may add pages of their own (audience overviews); these are ours.
    assert {"", "nur-deutsch/"} <= pages(german)
    assert {"", "nur-deutsch/"} <= pages(english)
    assert not any(page.startswith("en/") for page in pages(german) | pages(english))
    assert "mentorinn" in german["terms"]  # type: ignore[operator]
    # The English page's keywords (front matter) are words of its entry, not of the text.
    assert "door" in english["terms"]  # type: ignore[operator]
    assert "door" not in german["terms"]  # type: ignore[operator]
    fallback = [doc for doc in english["docs"] if doc[0].startswith("nur-deutsch/")]  # type: ignore[attr-defined]
    assert fallback
    assert all(doc[3][-1] == "German" for doc in fallback)
    others = [doc for doc in english["docs"] if doc not in fallback]  # type: ignore[attr-defined]
    assert all("German" not in doc[3] for doc in others)

    def base_of(path: Path) -> str:
        script = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("#__config")
        assert script is not None
        return str(json.loads(script.text())["base"])

    assert base_of(site / "en" / "index.html") == "./"
    assert base_of(site / "en" / "nur-deutsch" / "index.html") == "../"
    assert base_of(site / "nur-deutsch" / "index.html") == ".."
    assert (site / "assets" / "javascripts" / "portal-search.js").is_file()
