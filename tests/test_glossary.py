"""Glossary: one YAML file feeds the glossary page and the tooltips on every page."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from golden import Golden, html_fragment
from portal.findings import Finding
from portal.glossary import (
    GlossaryEntry,
    alphabetical,
    append_definitions,
    load_glossary,
    parse_glossary,
)
from sitebuilder import PROJECT_ROOT, build, page, write_site

FILE = "docs/glossar/abkuerzungen.yml"

TINY_GLOSSARY = """\
- abbr: ASD
  term: Allgemeiner Sozialer Dienst
  en: general social services
- abbr: SpD
  term: Sozialpädagogischer Dienst
  unverified: true
- abbr: SGB VIII
  term: Achtes Buch Sozialgesetzbuch
- abbr: HPG
  term: Hilfeplangespräch
  law: § 36 SGB VIII
- term: Fachteam
  definition: Mehrere Fachkräfte entscheiden gemeinsam über die Art der Hilfe.
  en: case team
"""


def parse(text: str) -> tuple[list[GlossaryEntry], list[str]]:
    entries, findings = parse_glossary(textwrap.dedent(text), path=FILE)
    return entries, [str(finding) for finding in findings]


# Reading the file


def test_valid_entries_keep_their_fields_and_lines() -> None:
    entries, messages = parse(TINY_GLOSSARY)
    assert messages == []
    assert [entry.abbr for entry in entries] == ["ASD", "SpD", "SGB VIII", "HPG", None]
    assert entries[0] == GlossaryEntry(
        abbr="ASD", term="Allgemeiner Sozialer Dienst", en="general social services", line=1
    )
    assert entries[1].unverified is True
    assert entries[2].anchor == "sgb-viii"
    assert entries[3].line == 9
    # A term without an abbreviation is listed under the term itself.
    assert entries[4] == GlossaryEntry(
        abbr=None,
        term="Fachteam",
        definition="Mehrere Fachkräfte entscheiden gemeinsam über die Art der Hilfe.",
        en="case team",
        line=12,
    )
    assert (entries[4].label, entries[4].anchor) == ("Fachteam", "fachteam")


def test_anchor_of_a_term_spells_out_umlauts() -> None:
    entries, messages = parse(
        """\
        - term: Gefährdungseinschätzung
          definition: Einschätzung des Risikos.
        - term: Wunsch- und Wahlrecht
          definition: Recht, den Träger zu wählen.
        """
    )
    assert messages == []
    assert [entry.anchor for entry in entries] == [
        "gefaehrdungseinschaetzung",
        "wunsch-und-wahlrecht",
    ]


def test_missing_term_names_file_line_and_fix() -> None:
    entries, messages = parse(
        """\
        - abbr: ASD
          term: Allgemeiner Sozialer Dienst
        - abbr: HPG
          en: care planning meeting
        """
    )
    assert [entry.abbr for entry in entries] == ["ASD"]
    assert messages == [
        "docs/glossar/abkuerzungen.yml:3: Im Eintrag fehlt das Feld „term“ — ergänzen Sie "
        "„term:“ – der deutsche Begriff, z. B. „Allgemeiner Sozialer Dienst“."
    ]


def test_unknown_field_points_at_its_own_line() -> None:
    _, messages = parse(
        """\
        - abbr: ASD
          term: Allgemeiner Sozialer Dienst
          langform: Allgemeiner Sozialer Dienst
        """
    )
    assert messages == [
        "docs/glossar/abkuerzungen.yml:3: Unbekanntes Feld „langform“ — erlaubt sind „abbr“, "
        "„term“, „definition“, „en“, „law“, „unverified“."
    ]


def test_yaml_syntax_error_is_a_finding_not_a_traceback() -> None:
    entries, messages = parse(
        """\
        - abbr: ASD
          term: Allgemeiner Sozialer Dienst
        - abbr: HPG
            term: Hilfeplangespräch
        """
    )
    assert entries == []
    assert messages == [
        "docs/glossar/abkuerzungen.yml:4:9: Die Datei ist kein gültiges YAML (ein Doppelpunkt "
        "an dieser Stelle ist nicht erlaubt) — prüfen Sie Einrückung, Bindestriche und "
        "Doppelpunkte in dieser Zeile."
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "abbr: ASD\nterm: Allgemeiner Sozialer Dienst\n",
            "docs/glossar/abkuerzungen.yml:1: Die Datei muss eine Liste von Einträgen sein — "
            "beginnen Sie jeden Eintrag mit „- abbr: …“ in einer neuen Zeile.",
        ),
        (
            "- ASD\n",
            "docs/glossar/abkuerzungen.yml:1: Der Eintrag besteht nicht aus Feldern — "
            "schreiben Sie ihn als „- abbr: ASD“ mit darunter eingerückten Feldern „term:“, "
            "„en:“ und „law:“.",
        ),
        (
            "- abbr: ASD\n  term: Allgemeiner Sozialer Dienst\n  unverified: vielleicht\n",
            "docs/glossar/abkuerzungen.yml:3: Das Feld „unverified“ muss true oder false sein "
            "— schreiben Sie „unverified: true“.",
        ),
        (
            "- abbr: ASD\n  term: ''\n",
            "docs/glossar/abkuerzungen.yml:2: Das Feld „term“ muss ein nicht leerer Text sein "
            "— tragen Sie der deutsche Begriff, z. B. „Allgemeiner Sozialer Dienst“ ein.",
        ),
        (
            "- abbr: '[ASD]'\n  term: Allgemeiner Sozialer Dienst\n",
            "docs/glossar/abkuerzungen.yml:1: Die Abkürzung '[ASD]' enthält Leerzeichen am "
            "Rand oder eines der Zeichen [ ] \\ — schreiben Sie sie ohne diese Zeichen.",
        ),
        (
            "- abbr: ASD\n  term: A\n- abbr: ASD\n  term: B\n",
            "docs/glossar/abkuerzungen.yml:3: Die Abkürzung „ASD“ steht schon in Zeile 1 — "
            "führen Sie beide Einträge zu einem zusammen.",
        ),
        (
            "- term: Fachteam\n  definition: A\n- term: Fachteam\n  definition: B\n",
            "docs/glossar/abkuerzungen.yml:3: Der Begriff „Fachteam“ steht schon in Zeile 1 — "
            "führen Sie beide Einträge zu einem zusammen.",
        ),
        (
            "- term: Fachteam\n  en: case team\n",
            "docs/glossar/abkuerzungen.yml:1: Der Eintrag hat weder eine Abkürzung („abbr“) "
            "noch eine Erklärung („definition“) — ergänzen Sie „abbr:“ für eine Abkürzung oder "
            "„definition:“ – eine kurze deutsche Erklärung des Begriffs.",
        ),
    ],
)
def test_malformed_entry_gets_one_clear_message(text: str, expected: str) -> None:
    assert parse(text)[1] == [expected]


def test_the_portal_glossary_file_is_valid_and_covers_the_brief() -> None:
    entries, findings = load_glossary(PROJECT_ROOT / FILE, shown=FILE)
    assert findings == []
    abbreviations = {entry.abbr for entry in entries}
    assert {"ASD", "SpD", "HPG", "HzE", "ISEF", "SGB VIII", "KJSG", "M-V"} <= abbreviations
    # The terms new staff look for (content review, November 2026), each explained.
    terms = {entry.label for entry in entries if entry.definition}
    assert {
        "Fachteam",
        "Inobhutnahme",
        "SPFH",
        "Vollzeitpflege",
        "Fachaufsicht",
        "Dienstanweisung",
        "Verfahrenslotse",
    } <= terms
    # Every entry explains itself in English too, as the English glossary page needs.
    assert [entry.label for entry in entries if not entry.en] == []
    # The brief marks the expansion of SpD as unverified; readers must see that.
    assert [entry.abbr for entry in entries if entry.unverified] == ["SpD"]


# Using the entries on a page


def test_definitions_are_added_only_for_abbreviations_the_page_uses() -> None:
    entries, _ = parse(TINY_GLOSSARY)
    result = append_definitions("Der ASD lädt zum HPG ein.\n", entries, language="de")
    assert result == (
        "Der ASD lädt zum HPG ein.\n\n"
        "*[ASD]: Allgemeiner Sozialer Dienst\n"
        "*[HPG]: Hilfeplangespräch (§ 36 SGB VIII)\n"
    )
    assert append_definitions("Kein Kürzel hier.\n", entries, language="de") == (
        "Kein Kürzel hier.\n"
    )


def test_titles_follow_the_reader_language_and_mark_unverified_expansions() -> None:
    entries, _ = parse(TINY_GLOSSARY)
    asd, spd = entries[0], entries[1]
    assert asd.title(language="en") == "Allgemeiner Sozialer Dienst: general social services"
    assert spd.title(language="de") == "Sozialpädagogischer Dienst (Auflösung nicht gesichert)"
    assert spd.title(language="en") == "Sozialpädagogischer Dienst (expansion not confirmed)"


def test_terms_without_abbreviation_get_no_tooltip() -> None:
    # <abbr> around an ordinary word would tell screen readers it is an abbreviation.
    entries, _ = parse(TINY_GLOSSARY)
    markdown = "Das Fachteam berät.\n"
    assert append_definitions(markdown, entries, language="de") == markdown


def test_a_definition_written_on_the_page_wins() -> None:
    entries, _ = parse(TINY_GLOSSARY)
    markdown = "Der ASD.\n\n*[ASD]: Amt für soziale Dienste\n"
    assert append_definitions(markdown, entries, language="de") == markdown


# A tiny site, built for real


def _glossary_site(tmp_path: Path, glossary: str | None) -> Path:
    pages = {
        "index.md": page(
            "Start",
            """\
            # Start

            Der ASD arbeitet nach dem SGB VIII. Siehe den [ASD im Glossar](glossar/index.md).
            Das Fachteam entscheidet.

            `ASD` im Code bleibt Code.
            """,
        ),
        "index.en.md": page("Home", "# Home\n\nThe ASD holds the HPG."),
        "glossar/index.md": page("Glossar", "# Glossar\n\n<!-- portal:glossary -->"),
        "glossar/index.en.md": page("Glossary", "# Glossary\n\n<!-- portal:glossary -->"),
    }
    if glossary is not None:
        pages["glossar/abkuerzungen.yml"] = glossary
    return write_site(tmp_path, pages)


def _tree(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def _abbrs(tree: LexborHTMLParser) -> list[LexborNode]:
    return list(tree.css("article abbr"))


def test_tiny_site_shows_focusable_abbr_on_every_page(tmp_path: Path) -> None:
    result = build(_glossary_site(tmp_path, TINY_GLOSSARY))
    assert result.ok, result.log
    german = _tree(result.site_dir / "index.html")
    found = {(node.text(), node.attributes.get("title")) for node in _abbrs(german)}
    assert found == {
        ("ASD", "Allgemeiner Sozialer Dienst"),
        ("SGB VIII", "Achtes Buch Sozialgesetzbuch"),
    }
    # One tab stop per abbreviation in running text; inside the link the link
    # itself takes the focus; inside code nothing is wrapped.
    tab_stops = [node.attributes.get("tabindex") for node in _abbrs(german)]
    assert tab_stops == ["0", "0", None]
    assert german.css_first("article code abbr") is None
    english = _tree(result.site_dir / "en" / "index.html")
    assert [node.attributes.get("title") for node in _abbrs(english)] == [
        "Allgemeiner Sozialer Dienst: general social services",
        "Hilfeplangespräch (§ 36 SGB VIII)",
    ]


def test_glossary_page_lists_every_entry_in_both_languages(tmp_path: Path, golden: Golden) -> None:
    result = build(_glossary_site(tmp_path, TINY_GLOSSARY))
    assert result.ok, result.log
    for language, prefix in [("de", ""), ("en", "en/")]:
        built = result.site_dir / prefix / "glossar" / "index.html"
        golden(f"glossar.{language}.html", html_fragment(built))
        tree = _tree(built)
        terms = [node.text(strip=True) for node in tree.css(".portal-glossary dt")]
        # Alphabetical on the page, whatever the order in the file.
        assert terms == ["ASD", "Fachteam", "HPG", "SGB VIII", "SpD"]
        assert [node.id for node in tree.css(".portal-glossary__entry")] == [
            "asd",
            "fachteam",
            "hpg",
            "sgb-viii",
            "spd",
        ]
    english = _tree(result.site_dir / "en" / "glossar" / "index.html")
    note = english.css_first("#spd .portal-glossary__note")
    assert note is not None
    assert note.text(strip=True) == "This expansion is not confirmed by the project's sources."
    # A term shows its definition, on English pages its English explanation.
    german = _tree(result.site_dir / "glossar" / "index.html")
    assert german.css_first("#fachteam dd").text(strip=True) == (
        "Mehrere Fachkräfte entscheiden gemeinsam über die Art der Hilfe."
    )
    assert english.css_first("#fachteam dd").text(strip=True) == "case team"
    # The data file is a source, not a page of the site.
    assert not list(result.site_dir.rglob("abkuerzungen.yml"))


def test_malformed_entry_fails_the_strict_build_with_one_message(tmp_path: Path) -> None:
    broken = TINY_GLOSSARY + "- abbr: KWG\n"
    result = build(_glossary_site(tmp_path, broken))
    assert not result.ok
    expected = str(
        Finding(
            "docs/glossar/abkuerzungen.yml",
            15,
            "Im Eintrag fehlt das Feld „term“",
            "ergänzen Sie „term:“ – der deutsche Begriff, z. B. „Allgemeiner Sozialer Dienst“.",
        )
    )
    # Reported once, although every language is built.
    assert [w for w in result.warnings() if "abkuerzungen" in w] == [expected]
    # The valid entries still work.
    assert "Allgemeiner Sozialer Dienst" in (result.site_dir / "index.html").read_text("utf-8")


def test_marker_without_glossary_file_warns_with_page_and_line(tmp_path: Path) -> None:
    result = build(_glossary_site(tmp_path, None))
    assert not result.ok
    assert [w for w in result.warnings() if "Glossar" in w] == [
        # Sorted by file, as every finding of a build.
        "docs/glossar/index.en.md:12: Die Seite zeigt das Glossar, aber "
        "docs/glossar/abkuerzungen.yml fehlt — legen Sie die Datei an oder entfernen Sie "
        "die Markierung <!-- portal:glossary -->.",
        "docs/glossar/index.md:12: Die Seite zeigt das Glossar, aber "
        "docs/glossar/abkuerzungen.yml fehlt — legen Sie die Datei an oder entfernen Sie "
        "die Markierung <!-- portal:glossary -->.",
    ]


def test_real_glossary_page_lists_every_entry(portal_site: Path) -> None:
    entries, _ = load_glossary(PROJECT_ROOT / FILE, shown=FILE)
    for prefix in ["", "en/"]:
        tree = _tree(portal_site / prefix / "glossar" / "index.html")
        terms = [node.text(strip=True) for node in tree.css(".portal-glossary dt")]
        assert terms == [entry.label for entry in alphabetical(entries)]
