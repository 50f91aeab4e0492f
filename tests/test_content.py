"""Editorial rules every page keeps: no placeholders, legal references spelt right and
naming their law, no review that is not recorded, one gender system, English pages
in English quotation marks and the chosen terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load
from selectolax.lexbor import LexborHTMLParser

from portal.editorial import check_editorial
from portal.editorial.check import RULES, check_text
from portal.editorial.terms import Term, Terms, load_terms
from portal.editorial.visible import visible_text
from portal.metadata import check_docs
from portal.sources import parse_source
from sitebuilder import LANGUAGES, PROJECT_ROOT

# Words that mark unfinished text. „Termin folgt“ is a deliberate, honest
# status for trainings without a date and stays allowed.
PLACEHOLDERS = re.compile(r"\b(lorem|ipsum|todo|fixme|tbd|xxx)\b|folgt noch", re.I)
# „§36“ instead of „§ 36“: the project writes a space after the sign.
SECTION_SIGN_WITHOUT_SPACE = re.compile(r"§§?(?=\d)")


def content_text(page: Path) -> str:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    article = tree.css_first("article.md-content__inner")
    return article.text(separator=" ") if article is not None else ""


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html") if "assets" not in path.parts)


def test_site_has_content_pages(portal_site: Path) -> None:
    assert len(built_pages(portal_site)) >= 30


@pytest.mark.parametrize("rule", ["placeholder", "section-sign"])
def test_no_page_breaks_an_editorial_rule(portal_site: Path, rule: str) -> None:
    pattern = PLACEHOLDERS if rule == "placeholder" else SECTION_SIGN_WITHOUT_SPACE
    offenders = []
    for page in built_pages(portal_site):
        match = pattern.search(content_text(page))
        if match:
            offenders.append(f"/{page.parent.relative_to(portal_site)}/: „{match.group(0)}“")
    assert offenders == []


def test_placeholder_rule_catches_lorem() -> None:
    assert PLACEHOLDERS.search("Hier steht Lorem ipsum.")
    assert PLACEHOLDERS.search("Dieser Abschnitt folgt noch.")
    assert not PLACEHOLDERS.search("Termin folgt")
    assert SECTION_SIGN_WITHOUT_SPACE.search("nach §36 SGB VIII")
    assert not SECTION_SIGN_WITHOUT_SPACE.search("nach § 36 SGB VIII und §§ 27 ff.")


# Editorial rules over the sources (portal.editorial), with the editor's line.

DOCS = PROJECT_ROOT / "docs"


def editorial(only: tuple[str, ...]) -> list[str]:
    return [str(f) for f in check_editorial(DOCS, project_root=PROJECT_ROOT, only=only)]


def findings_for(text: str, *, english: bool = False, rule: str) -> list[str]:
    path = "docs/x.en.md" if english else "docs/x.md"
    source = parse_source(text, path=path)
    found = check_text(path, visible_text(source), english=english, only=(rule,), terms=TERMS)
    return [str(finding) for finding in found]


TERMS = Terms(
    laws=load_terms().laws,
    english=(Term(r"professional supervision", "managerial oversight (Fachaufsicht)"),),
)


@pytest.mark.parametrize("rule", RULES)
def test_every_page_keeps_the_editorial_rule(rule: str) -> None:
    # review: no page claims a review; law: every § names its law; gender: one
    # gender system; quotes and terms: English pages (see portal.editorial).
    assert editorial((rule,)) == []


def test_no_built_page_shows_a_review_that_is_not_recorded(portal_site: Path) -> None:
    records = check_docs(DOCS, project_root=PROJECT_ROOT, languages=LANGUAGES).pages.values()
    recorded = {built_page(record.src_uri) for record in records if "review" in record.data}
    shown = []
    for page in built_pages(portal_site):
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        claim = tree.css_first(".portal-meta__review:not(.portal-meta__review--none)")
        if claim is not None:
            shown.append(page.relative_to(portal_site).as_posix())
    assert sorted(set(shown) - recorded) == []
    # The unreviewed state is shown, on the child-protection chapter too.
    chapter = portal_site / "hilfeplanverfahren/kinderschutz/index.html"
    meta = LexborHTMLParser(chapter.read_text(encoding="utf-8")).css_first(".portal-meta__review")
    assert meta is not None
    assert meta.text() == "Fachlich noch nicht geprüft"


def built_page(src_uri: str) -> str:
    """Where a source page lands: ``a/b.en.md`` → ``en/a/b/index.html``."""
    stem, _, _ = src_uri.rpartition(".")
    prefix = ""
    if stem.endswith(".en"):
        stem, prefix = stem.removesuffix(".en"), "en/"
    folder = stem.removesuffix("index").rstrip("/")
    return f"{prefix}{folder}/index.html" if folder else f"{prefix}index.html"


def test_built_page_paths() -> None:
    assert built_page("index.md") == "index.html"
    assert built_page("index.en.md") == "en/index.html"
    assert built_page("einarbeitung/index.md") == "einarbeitung/index.html"
    assert built_page("einarbeitung/woche.en.md") == "en/einarbeitung/woche/index.html"


def test_review_claims_in_the_text_are_found() -> None:
    text = "---\ntitle: Kapitel\n---\n# Kapitel\n\nZuletzt geprüft 22.11.2026, Fachredaktion.\n"
    fix = (
        " — streichen Sie die Angabe: Eine Prüfung, die stattgefunden hat, steht in den "
        "Kopfdaten unter „review:“, und die Seite zeigt sie dann selbst."
    )
    assert findings_for(text, rule="review") == [
        f"docs/x.md:6: der Text behauptet eine fachliche Prüfung („Zuletzt geprüft“){fix}",
        f"docs/x.md:6: der Text behauptet eine fachliche Prüfung („Fachredaktion“){fix}",
    ]
    assert findings_for("Last reviewed on 3 May.\n", english=True, rule="review") != []
    for honest in ("Fachlich noch nicht geprüft", "nicht fachlich geprüft", "Not yet reviewed"):
        assert findings_for(honest, rule="review") == []


@pytest.mark.parametrize(
    "text",
    [
        "nach § 36 SGB VIII",
        "§ 8a Abs. 1 S. 2 SGB VIII",
        "§§ 27–35a SGB VIII",
        "§§ 27 ff. SGB VIII",
        "§ 36 Abs. 2 und 3 SGB VIII",
        "§ 41 und § 41a SGB VIII",
        "§ 37c Abs. 2–4 SGB VIII",
        "§ 4 KKG und § 1666 BGB",
        "§ 14 Abs. 1 LBGG M-V",
        "§ 14(1) LBGG M-V",
        "§ 36 (2) SGB VIII",
        "§ 36 para. 2 SGB VIII",
        "(§ 36 Abs. 3\nSGB VIII)",
        "§ 5 DDG, § 18 MStV",
        "`§ 36a` im Code zählt nicht",
    ],
)
def test_paragraph_with_its_law_passes(text: str) -> None:
    assert findings_for(text, rule="law") == []


def test_paragraph_without_its_law_is_found() -> None:
    text = (
        "| [Kinderschutz (§ 8a)](kinderschutz.md) | Schutzauftrag |\n"
        "Nach § 36 Abs. 2 und der Dienstanweisung.\n"
        "Ein §-8a-Fall, § 42 SGB, und §§ 27 ff.\n"
    )
    fix = (
        " nennt kein Gesetz — schreiben Sie das Gesetz dazu, z. B. „§ 36 SGB VIII“ oder "
        "„§ 8a Abs. 1 S. 2 SGB VIII“; erlaubte Abkürzungen stehen in "
        "scripts/portal/editorial/terms.yml."
    )
    assert findings_for(text, rule="law") == [
        f"docs/x.md:1: „§ 8a“{fix}",
        f"docs/x.md:2: „§ 36 Abs. 2“{fix}",
        f"docs/x.md:3: „§“{fix}",
        f"docs/x.md:3: „§ 42“{fix}",
        f"docs/x.md:3: „§§ 27“{fix}",
    ]


def test_second_gender_system_is_found() -> None:
    text = (
        "Mentorinnen und Mentoren treffen sich.\n"
        "Ihre Mentorin oder Ihr Mentor hilft; ein Arzt oder eine Ärztin auch.\n"
        "Alle MitarbeiterInnen und Kolleg/innen.\n"
    )
    found = findings_for(text, rule="gender")
    shown = [message.split(" mischt")[0] for message in found]
    assert shown == [
        "docs/x.md:1: „Mentorinnen und Mentoren“",
        "docs/x.md:2: „Mentorin oder Ihr Mentor“",
        "docs/x.md:2: „Arzt oder eine Ärztin“",
        "docs/x.md:3: „MitarbeiterInnen“",
        "docs/x.md:3: „Kolleg/innen“",
    ]
    assert found[0] == (
        "docs/x.md:1: „Mentorinnen und Mentoren“ mischt ein zweites Gender-System ein — "
        "schreiben Sie mit Gendersternchen („Mentor*innen“) oder mit einer neutralen Form "
        "(z. B. „Fachkräfte“, „Mitarbeitende“)."
    )
    assert "(„Ärzt*in“)" in found[2]


def test_gender_star_and_unrelated_pairs_pass() -> None:
    text = (
        "Mentor*innen und Fachkräfte; Ihre*n Mentor*in; Termin oder Termine; "
        "Berlin und Bern; die Innenstadt; Kinder und Jugendliche.\n"
    )
    assert findings_for(text, rule="gender") == []
    # English pages are not held to the German gender rule.
    assert findings_for("Mentorinnen und Mentoren", english=True, rule="gender") == []


def test_german_quotes_on_english_pages_are_found() -> None:
    text = "---\ntitle: „Project“\n---\nThe project „Qualifizierungsoffensive“.\n"
    assert findings_for(text, english=True, rule="quotes") == [
        "docs/x.en.md:2: deutsches Anführungszeichen „ in englischem Text — schreiben Sie "
        "englische Anführungszeichen: “…” (innen ‘…’).",
        "docs/x.en.md:4: deutsches Anführungszeichen „ in englischem Text — schreiben Sie "
        "englische Anführungszeichen: “…” (innen ‘…’).",
    ]
    assert findings_for("Das „Projekt“.", rule="quotes") == []
    assert findings_for("The “project”.", english=True, rule="quotes") == []


def test_avoided_english_terms_are_found() -> None:
    text = "Ask for Professional Supervision (Fachaufsicht).\n"
    assert findings_for(text, english=True, rule="terms") == [
        "docs/x.en.md:1: „Professional Supervision“ ist nicht der gewählte englische Begriff "
        "— schreiben Sie „managerial oversight (Fachaufsicht)“ (Liste: "
        "scripts/portal/editorial/terms.yml)."
    ]


def test_only_what_readers_see_is_checked() -> None:
    text = (
        "---\ntitle: Seite nach § 36 SGB VIII\nowner: Fachredaktion\n---\n"
        "<!-- § 8a -->\n```\n§ 8a\n```\n[Text](https://example.org/§8a) { title=§5 }\n"
    )
    source = parse_source(text, path="docs/x.md")
    visible = visible_text(source)
    assert len(visible) == len(text)
    assert [line.strip() for line in visible.split("\n")] == [
        "",
        "Seite nach § 36 SGB VIII",
        "",
        "",
        "",
        "",
        "",
        "",
        "[Text",
        "",
    ]


def test_privacy_statement_says_whether_search_terms_reach_the_server() -> None:
    # Material's search.highlight puts the term into a result's address (?h=…),
    # so it reaches the web server: the privacy statement must say so exactly then.
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        features = yaml_load(handle)["theme"]["features"]
    for name in ("datenschutz.md", "datenschutz.en.md"):
        text = (DOCS / name).read_text(encoding="utf-8")
        assert ("?h=" in text) == ("search.highlight" in features), name
