"""Every message of the checks, with an example, for the Redaktionshandbuch.

The examples are made by the checks' own message functions (and, where a
check words its message inline, by running the check on a tiny example), so
the handbook shows exactly the sentences editors will read; a test makes sure
that every message function of `portal.metadata.messages` and
`portal.links.messages` appears here.
"""

from __future__ import annotations

import datetime
import tempfile
from collections.abc import Callable
from pathlib import Path

from portal.check.file_names import check_file_names
from portal.editorial.check import check_text
from portal.editorial.terms import load_terms
from portal.findings import Finding
from portal.glossary import parse_glossary
from portal.languages import Language, Languages
from portal.links import messages as link
from portal.metadata import messages as meta
from portal.nav import check_nav
from portal.site.config import load_site_config
from portal.sources import read_text

PAGE = "docs/einarbeitung/orientierung.md"
TRANSLATION = "docs/einarbeitung/orientierung.en.md"
GERMAN = Language("de", "Deutsch", True)
ENGLISH = Language("en", "English", False)
LANGUAGES = Languages((GERMAN, ENGLISH))
AUDIENCES = ["neue Fachkräfte", "Mentor*innen", "Leitung"]


def catalogue() -> list[tuple[str, list[Finding]]]:
    """(group heading, example findings), in the order the handbook shows them."""
    return [
        ("Datei und Kopfdaten lesen", _files()),
        ("Felder der Kopfdaten", _fields()),
        ("Regeln über mehrere Seiten", _across()),
        ("Links, Anker und Weiterleitungen", _links()),
        ("Navigation und Dateinamen", _structure()),
        ("Glossar", _glossary()),
        ("Redaktionelle Regeln", _editorial()),
    ]


def messages_markdown() -> str:
    """Markdown: one heading per group, each message as an example block."""
    lines: list[str] = []
    for heading, findings in catalogue():
        lines += [f"### {heading}", ""]
        for finding in findings:
            lines += ["```text", str(finding), "```", ""]
    return "\n".join(lines)


# Groups


def _files() -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "orientierung.md"
        saved.write_bytes("---\ntitle: Übersicht\n---\n".encode("cp1252"))
        _, encoding = read_text(saved, shown=PAGE)
    return [
        *encoding,
        meta.no_front_matter(PAGE),
        meta.unclosed_front_matter(PAGE),
        meta.yaml_syntax(
            PAGE, line=2, column=8, problem="ein Anführungszeichen wird nicht geschlossen"
        ),
        meta.not_a_mapping(PAGE),
        meta.duplicate_key(PAGE, line=7, key="tags"),
        meta.missing_type(PAGE, allowed=["guide", "page"]),
        meta.unknown_type(PAGE, line=4, value="kapitel", types=["page", "guide", "event"]),
        meta.type_not_in_folder(
            PAGE, line=4, value="event", folder="Ordner einarbeitung/", allowed=["guide", "page"]
        ),
    ]


def _fields() -> list[Finding]:
    return [
        meta.missing_field(PAGE, line=1, location=["updated"], hint="ein Datum wie 2026-11-20"),
        meta.unknown_field(
            PAGE, line=8, location=["autor"], allowed=["title", "description", "type"]
        ),
        meta.wrong_type(PAGE, line=5, location=["audience"], expected=["array"], value="Leitung"),
        meta.not_in_list(
            PAGE, line=5, location=["audience", 0], value="Fachkräfte", allowed=AUDIENCES
        ),
        meta.not_a_date(PAGE, line=8, location=["updated"], value="22.11.2026", with_time=False),
        meta.out_of_range(
            PAGE,
            line=12,
            location=["review", "interval_months"],
            value=48,
            minimum=1,
            maximum=36,
        ),
        meta.empty_list(PAGE, line=5, location=["audience"], allowed=AUDIENCES),
        meta.repeated_value(PAGE, line=5, location=["audience", 1]),
        meta.empty_text(PAGE, line=3, location=["description"]),
        meta.too_long(PAGE, line=3, location=["description"], maximum=300),
        meta.wrong_form(
            PAGE,
            line=9,
            location=["translated_from"],
            value="abc",
            hint="12 Zeichen aus 0–9 und a–f",
        ),
        meta.review_interval_choice(PAGE, line=9, both=True),
        meta.review_interval_choice(PAGE, line=9, both=False),
        meta.generic(PAGE, line=6, location=["tags"], value=["Einarbeitung", 3]),
        meta.registration_address(
            "docs/fortbildungen/offenes-fortbildungsangebot.md",
            line=9,
            value="http://anmeldung.example",
        ),
        meta.end_before_start(
            "docs/veranstaltungen/2016-07-13-qualitaetsforum.md",
            line=6,
            location=["end"],
            start=datetime.date(2016, 7, 13),
            end=datetime.date(2016, 7, 12),
        ),
    ]


def _across() -> list[Finding]:
    return [
        meta.duplicate_number(
            "docs/newsletter/ausgaben/2016-03.md",
            line=5,
            number=3,
            other="docs/newsletter/ausgaben/2016-02.md",
        ),
        meta.translation_differs(
            TRANSLATION,
            line=8,
            key="updated",
            value=datetime.date(2026, 11, 1),
            source=PAGE,
            source_value=datetime.date(2026, 11, 22),
        ),
        meta.related_missing(
            "docs/publikationen/leitfaden-einarbeitung.md", line=12, target="einarbeitung/alt.md"
        ),
        meta.unknown_role(PAGE, line=7, value="Frau Muster", roles=["Redaktion"]),
        meta.review_in_future(PAGE, line=10, day=datetime.date(2030, 1, 1)),
        meta.review_overdue(
            PAGE, line=10, due=datetime.date(2026, 2, 10), reviewed=datetime.date(2025, 2, 10)
        ),
    ]


def _links() -> list[Finding]:
    made: list[tuple[str, str]] = [
        link.missing_page("phasen.md", where="", suggestion="orientierung.md"),
        link.missing_page("alt.md", where="", suggestion=None),
        link.missing_anchor("orientierung.md#woche-1", where="", suggestion="woche-1-4"),
        link.missing_file("../assets/ablauf.png", where="", image=True, suggestion=None),
        link.missing_file("../assets/vorlage.pdf", where="", image=False, suggestion=None),
        link.outside("../../../index.html", where=""),
        link.german_only("../hilfeplanverfahren/ablauf.md", where="", page=ENGLISH, target=GERMAN),
        link.other_language("../index.md", where="", source=GERMAN, target=ENGLISH),
        link.fallback_anchor(
            "../hilfeplanverfahren/ablauf.md#vorbereitung",
            where="",
            fragment="vorbereitung",
            shown_in=ENGLISH,
            written_in=GERMAN,
            translation="hilfeplanverfahren/ablauf.en.md",
        ),
        link.stale_hreflang(
            "../hilfeplanverfahren/ablauf.md", where="", declared="de", target=ENGLISH
        ),
    ]
    findings = [Finding(PAGE, 14, problem, fix) for problem, fix in made[:6]]
    findings += [Finding(TRANSLATION, 14, problem, fix) for problem, fix in made[6:7]]
    findings += [Finding(PAGE, 14, problem, fix) for problem, fix in made[7:9]]
    findings += [Finding(TRANSLATION, 14, problem, fix) for problem, fix in made[9:]]
    redirects = [
        link.broken_redirect(
            "einarbeitung/phasen.md", "../einarbeitung/", suggestion="einarbeitung/index.md"
        ),
        link.redirect_anchor("einarbeitung/phasen.md", "../#woche-1", suggestion="woche-1-4"),
        link.missing_redirect(
            "modellprojekt/gremien.md",
            "modellprojekt/land.md",
            suggestion="modellprojekt/landesebene.md",
        ),
    ]
    findings += [Finding("mkdocs.yml", 168, problem, fix) for problem, fix in redirects]
    return findings


def _structure() -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "docs" / "einarbeitung").mkdir(parents=True)
        for name in ("index.md", "einarbeitung/index.md", "einarbeitung/ohne-nav.md"):
            (root / "docs" / name).write_text("# Seite\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text(
            "nav:\n  - index.md\n  - einarbeitung/index.md\n  - einarbeitung/phasen.md\n",
            encoding="utf-8",
        )
        nav = check_nav(
            load_site_config(root / "mkdocs.yml"),
            docs_dir=root / "docs",
            project_root=root,
            languages=LANGUAGES,
        )
    names = check_file_names(["einarbeitung/Neue Seite.md"], docs_shown="docs", languages=LANGUAGES)
    return [*nav, *names]


def _glossary() -> list[Finding]:
    text = (
        "- abbr: ASD\n  term: Allgemeiner Sozialer Dienst\n  en: General social services\n"
        "- abbr: ASD\n  term: Allgemeiner Sozialdienst\n  en: General social services\n"
        "- abbr: HPG\n  deutsch: Hilfeplangespräch\n"
    )
    _, findings = parse_glossary(text, path="docs/glossar/abkuerzungen.yml")
    return findings


def _editorial() -> list[Finding]:
    terms = load_terms()
    check: Callable[[str, bool], list[Finding]] = lambda text, english: check_text(  # noqa: E731
        TRANSLATION if english else PAGE,
        text,
        english=english,
        only=("review", "law", "gender", "quotes", "terms"),
        terms=terms,
    )
    return [
        *check("Zuletzt geprüft im März.\n", False),
        *check("Nach § 36 gilt das.\n", False),
        *check("Mentorinnen und Mentoren begleiten.\n", False),
        *check("The \u201eplan\u201c matters.\n", True),
    ]
