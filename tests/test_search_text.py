"""The search's words and index, without a build: folding, stems, compounds, weights."""

from __future__ import annotations

import pytest

from portal.search.index import IndexOptions, SynonymGroup, build_index, plain, teaser
from portal.search.text import (
    CompoundSplitter,
    fold,
    spelled_umlaut_variant,
    stem,
    vocabulary,
    words,
)


def test_fold_writes_umlauts_and_accents_as_base_letters() -> None:
    assert [fold(word) for word in ("Gespräch", "Straße", "Über", "Café", "ASD")] == [
        "gesprach",
        "strasse",
        "uber",
        "cafe",
        "asd",
    ]
    assert spelled_umlaut_variant("gespraech") == "gesprach"
    assert spelled_umlaut_variant("qualitaetsforum") == "qualitatsforum"


def test_words_split_hyphens_and_join_gender_forms() -> None:
    assert words("Kinder- und Jugendhilfe für Mentor*innen, Nutzer:in") == [
        "kinder",
        "und",
        "jugendhilfe",
        "fur",
        "mentor",
        "innen",
        "nutzer",
        "in",
        "mentorinnen",
        "nutzerin",
    ]


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (("gesprach", "gesprache"), "gesprach"),
        (("hilfeplan", "hilfeplane", "hilfeplans"), "hilfepla"),
        (("fachkraft", "fachkrafte"), "fachkraf"),
        (("modellkommune", "modellkommunen"), "modellkommu"),
        (("fortschreibung",), "fortschreibung"),
        (("geschichte",), "geschich"),
    ],
)
def test_german_stems_join_inflected_forms(forms: tuple[str, ...], expected: str) -> None:
    assert {stem(form, "de") for form in forms} == {expected}


def test_german_stem_of_a_partly_typed_word_begins_the_whole_words_stem() -> None:
    whole = stem("fortschreibung", "de")
    assert all(whole.startswith(stem("fortschreibung"[:n], "de")) for n in range(4, 14))


def test_english_stems_strip_the_plural_only() -> None:
    assert [stem(word, "en") for word in ("mentors", "studies", "classes", "bus", "planning")] == [
        "mentor",
        "study",
        "classe",
        "bus",
        "planning",
    ]
    assert stem("mentors", "fr") == "mentors"


def test_compounds_split_into_words_of_the_vocabulary() -> None:
    known = vocabulary(
        ["Gefährdung des Kindeswohls, das Kind, wohl", "Hilfeplan und Gespräch", "Planung"]
    )
    splitter = CompoundSplitter(known)
    assert splitter.parts("kindeswohlgefahrdung") == ("gefahrdung", "kindeswohl")
    # A first part that is itself a compound is split as well.
    inner = CompoundSplitter(vocabulary(["Gefährdung, Kind, wohl"]))
    assert inner.parts("kindeswohlgefahrdung") == ("gefahrdung", "kindeswohl", "kindes", "wohl")
    assert splitter.parts("hilfeplangesprache") == ("gesprache", "hilfeplan")
    assert splitter.parts("jugendhilfeplanung") == ()
    # Endings are no words: „Erhebung“ stays whole.
    assert splitter.parts("erhebung") == ()


ENTRIES = [
    {
        "location": "kinderschutz/",
        "title": "Kinderschutz",
        "text": "<p>Bei Kindeswohlgefährdung (KWG): das Kindeswohl</p>",
    },
    {"location": "kinderschutz/#gefahr", "title": "Gefährdung", "text": "Gefährdung erkennen"},
    {
        "location": "glossar/",
        "title": "Glossar",
        "text": "KWG: Kindeswohlgefährdung",
        "tags": ["Recht"],
    },
]


def postings(index: dict[str, object], term: str) -> dict[str, int]:
    """Location → weight of ``term`` in ``index``."""
    terms: list[str] = index["terms"]  # type: ignore[assignment]
    docs: list[list[object]] = index["docs"]  # type: ignore[assignment]
    encoded: list[int] = index["postings"][terms.index(term)]  # type: ignore[index]
    found, doc = {}, 0
    for position in range(0, len(encoded), 2):
        doc += encoded[position]
        found[str(docs[doc][0])] = encoded[position + 1]
    return found


def test_index_weighs_titles_parts_and_synonyms() -> None:
    options = IndexOptions(locale="de", synonyms=[SynonymGroup(("KWG", "Kindeswohlgefährdung"))])
    index = build_index(ENTRIES, options)
    assert index["docs"][0] == [
        "kinderschutz/",
        "Kinderschutz",
        "Bei Kindeswohlgefährdung (KWG): das Kindeswohl",
        [],
    ]
    assert index["terms"] == sorted(index["terms"])
    # The whole word in a title outweighs it as part of a compound in the text.
    assert postings(index, "gefahrdung") == {
        "kinderschutz/": 4,
        "kinderschutz/#gefahr": 110,
        "glossar/": 4,
    }
    # An abbreviation and its expansion find each other's pages.
    assert postings(index, "kwg") == {"kinderschutz/": 10, "glossar/": 10}
    assert postings(index, stem("recht", "de")) == {"glossar/": 50}


def test_index_without_compound_splitting_has_no_parts() -> None:
    index = build_index(ENTRIES, IndexOptions(locale="de", split_compounds=False))
    assert postings(index, "gefahrdung") == {"kinderschutz/#gefahr": 110}


def test_english_index_gets_link_texts_and_glossary_explanations() -> None:
    options = IndexOptions(
        locale="en",
        synonyms=[SynonymGroup(("KWG", "Kindeswohlgefährdung", "risk to the welfare of a child"))],
        anchors={"kinderschutz/": ["child protection"]},
    )
    index = build_index(ENTRIES, options)
    assert postings(index, "protection") == {"kinderschutz/": 80}
    assert set(postings(index, "welfare")) == {"kinderschutz/", "glossar/"}


def test_plain_text_and_teaser() -> None:
    assert plain("<p>A &amp; B</p>\n<ul><li>C</li></ul>") == "A & B C"
    assert teaser("eins zwei drei vier", length=12) == "eins zwei …"
    assert teaser("kurz", length=12) == "kurz"


def test_pages_in_another_language_count_half() -> None:
    own = build_index(ENTRIES, IndexOptions(locale="en"))
    foreign = build_index(ENTRIES, IndexOptions(locale="en", foreign={"kinderschutz/"}))
    assert postings(own, "gefahrdung")["kinderschutz/#gefahr"] == 110
    assert postings(foreign, "gefahrdung")["kinderschutz/#gefahr"] == 55
