"""Search per language: the index functions, and what a build writes."""

from __future__ import annotations

import json
from pathlib import Path

from browser.frame import frame_files
from selectolax.lexbor import LexborHTMLParser

from golden import Golden, json_text
from portal.search import (
    Language,
    gender_variants,
    localize_config_script,
    localize_index,
    relative_root,
)
from sitebuilder import build, page, write_site

GERMAN = Language(locale="de", prefix="", name="Deutsch")
ENGLISH = Language(locale="en", prefix="en/", name="English")
BASE_CONFIG = {
    "lang": ["de", "en"],
    "separator": "[\\s\\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}},
}


def test_gender_variants_join_star_colon_and_underscore_once_each() -> None:
    text = "Mentor*innen und Nutzer:in, Kolleg_innen; wieder Mentor*innen, Mentoring"
    assert gender_variants(text) == ["Mentorinnen", "Nutzerin", "Kolleginnen"]


def test_gender_variants_leave_plain_words_alone() -> None:
    assert gender_variants("Mentorinnen und Mentoren, 2*3 Stunden") == []


def test_german_index_keeps_german_pages_with_stemmer_and_variants() -> None:
    entries = [
        {"location": "mentoring/", "title": "Mentoring", "text": "Für Mentor*innen"},
        {"location": "en/mentoring/", "title": "Mentoring", "text": "For mentors"},
    ]
    index = localize_index(
        entries, base_config=BASE_CONFIG, language=GERMAN, languages=[GERMAN, ENGLISH]
    )
    assert index == {
        "config": {
            "lang": ["de"],
            "separator": "[\\s\\-]+",
            "pipeline": ["trimmer", "stopWordFilter", "stemmer"],
            "fields": {
                "title": {"boost": 1000.0},
                "text": {"boost": 1.0},
                "variants": {"boost": 1.0},
            },
        },
        "docs": [
            {
                "location": "mentoring/",
                "title": "Mentoring",
                "text": "Für Mentor*innen",
                "variants": "Mentorinnen",
            }
        ],
    }


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
        fallback_tag="Deutsch",
    )
    assert index["config"]["lang"] == ["en"]
    assert index["config"]["pipeline"] == ["stopWordFilter"]
    assert "variants" not in index["config"]["fields"]
    assert index["docs"] == [
        {"location": "", "title": "Home", "text": "Start here"},
        {"location": "b/", "title": "Nur Deutsch", "text": "Text", "tags": ["Recht", "Deutsch"]},
        {"location": "b/#abschnitt", "title": "Abschnitt", "text": "Mehr", "tags": ["Deutsch"]},
    ]


def test_relative_root_of_pages() -> None:
    assert relative_root("en/", ENGLISH) == "./"
    assert relative_root("en/mentoring/", ENGLISH) == "../"
    assert relative_root("en/mentoring/rolle/", ENGLISH) == "../../"
    assert relative_root("mentoring/", GERMAN) == "../"


def test_localize_config_script_changes_only_the_base() -> None:
    original = '{"base": "../..", "search": "../../assets/search.js", "features": []}'
    assert json.loads(localize_config_script(original, base="../")) == {
        "base": "../",
        "search": "../../assets/search.js",
        "features": [],
    }


def test_build_writes_one_index_per_language(tmp_path: Path, golden: Golden) -> None:
    pages = {
        **frame_files(),
        "index.md": page("Start", "## Willkommen\n\nFür Mentor*innen."),
        "index.en.md": page("Home", "## Welcome\n\nFor mentors."),
        "nur-deutsch.md": page("Nur Deutsch", "## Abschnitt\n\nFachkräfte lesen hier."),
    }
    result = build(write_site(tmp_path, pages))
    assert result.ok, result.log
    site = result.site_dir
    german = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en" / "search" / "search_index.json").read_text("utf-8"))
    golden("search_index.de.json", json_text(german))
    golden("search_index.en.json", json_text(english))

    assert german["config"]["lang"] == ["de"]
    assert german["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    # Hooks may add pages of their own (audience overviews); these are ours.
    german_pages = {doc["location"].split("#")[0] for doc in german["docs"]}
    english_pages = {doc["location"].split("#")[0] for doc in english["docs"]}
    assert {"", "nur-deutsch/"} <= german_pages
    assert not any(page.startswith("en/") for page in german_pages)
    assert "Mentorinnen" in [doc.get("variants") for doc in german["docs"]]

    assert english["config"]["lang"] == ["en"]
    assert {"", "nur-deutsch/"} <= english_pages
    assert not any(page.startswith("en/") for page in english_pages)
    fallback = [doc for doc in english["docs"] if doc["location"].startswith("nur-deutsch/")]
    assert fallback
    assert all("Deutsch" in doc["tags"] for doc in fallback)
    assert all(
        "Deutsch" not in doc.get("tags", []) for doc in english["docs"] if doc not in fallback
    )

    def base_of(path: Path) -> str:
        script = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("#__config")
        assert script is not None
        return str(json.loads(script.text())["base"])

    assert base_of(site / "en" / "index.html") == "./"
    assert base_of(site / "en" / "nur-deutsch" / "index.html") == "../"
    assert base_of(site / "nur-deutsch" / "index.html") == ".."
