"""The PDF editions of the onboarding guide and the mentoring handbook.

Read back with pypdf from the portal's one build per test run (conftest's
``portal_site``, built with ``PORTAL_PDF=true``), except the rebuild test,
which builds a tiny site twice.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import frontmatter
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject
from selectolax.lexbor import LexborHTMLParser

from portal.downloads import size_label
from portal.editions import EDITIONS
from portal.languages import Languages
from portal.site.config import load_site_config
from sitebuilder import LANGUAGES, MKDOCS_YML, PROJECT_ROOT, build, page, write_site

DOCS = PROJECT_ROOT / "docs"
SITE_URL = "http://127.0.0.1:8000/"
EXPECTED = {
    # path in the site → (section, language)
    "pdf/einarbeitung.pdf": ("einarbeitung", "de"),
    "pdf/mentoring.pdf": ("mentoring", "de"),
    "en/pdf/einarbeitung.pdf": ("einarbeitung", "en"),
    "en/pdf/mentoring.pdf": ("mentoring", "en"),
}
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(\{[^}]*\})?\s*$")


def section_sources(section: str) -> list[str]:
    """The German sources of a section, in nav order."""
    return [
        entry.target
        for entry in load_site_config(MKDOCS_YML).nav_entries()
        if entry.target.startswith(f"{section}/")
    ]


def chapters(section: str, language: str, languages: Languages = LANGUAGES) -> list[Path]:
    """The sources of a section in `language`, in nav order (translated ones only)."""
    files = [DOCS / languages.translation(source, language) for source in section_sources(section)]
    return [file for file in files if file.is_file()]


def headings(source: Path) -> list[str]:
    """The Markdown headings of a page, as readers see them (no ids, no markup)."""
    found, fenced = [], False
    for line in frontmatter.load(source).content.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        match = None if fenced else HEADING.match(line)
        if match:
            text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2))
            found.append(text.replace("**", "").replace("`", ""))
    return found


def squeeze(text: str) -> str:
    """Text without whitespace: a heading may wrap in the PDF."""
    return re.sub(r"\s+", "", text)


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


@pytest.fixture(scope="module")
def pdfs(portal_site: Path) -> dict[str, PdfReader]:
    return {path: PdfReader(portal_site / path) for path in EXPECTED}


def test_one_edition_per_language_where_the_section_is_translated(portal_site: Path) -> None:
    built = sorted(path.relative_to(portal_site).as_posix() for path in portal_site.rglob("*.pdf"))
    assert built == sorted(EXPECTED)
    assert {edition.section for edition in EDITIONS} == {"einarbeitung", "mentoring"}


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_every_heading_of_the_source_pages_is_in_the_pdf(
    pdfs: dict[str, PdfReader], path: str
) -> None:
    section, language = EXPECTED[path]
    text = squeeze(pdf_text(pdfs[path]))
    sources = chapters(section, language)
    assert len(sources) >= 6
    missing = [
        f"{source.relative_to(PROJECT_ROOT)}: {heading}"
        for source in sources
        for heading in headings(source)
        if squeeze(heading) not in text
    ]
    assert missing == []


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_title_page_says_what_the_file_is(pdfs: dict[str, PdfReader], path: str) -> None:
    section, language = EXPECTED[path]
    first = " ".join((pdfs[path].pages[0].extract_text() or "").split())
    index = frontmatter.load(DOCS / LANGUAGES.translation(f"{section}/index.md", language))
    latest = max(
        date
        for source in chapters(section, language)
        if isinstance(date := frontmatter.load(source).metadata.get("updated"), datetime.date)
    )
    assert isinstance(latest, datetime.date)
    prefix = LANGUAGES.get(language).prefix
    if language == "de":
        assert first.startswith("PDF-Ausgabe von Seiten des Portals „Wissensportal")
        assert f"Stand: {latest:%d.%m.%Y}" in first
        assert "kein Dokument des Landesmodellprojekts" in first
        assert f"Quelle: {SITE_URL}{prefix}{section}/" in first
    else:
        assert first.startswith("PDF edition of pages of the portal “Care Planning")
        assert f"As of: {latest:%d %B %Y}" in first
        assert "not a document of the state model project" in first
        assert f"Source: {SITE_URL}{prefix}{section}/" in first
    assert str(index.metadata["title"]) in first


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_metadata_title_language_and_structure(pdfs: dict[str, PdfReader], path: str) -> None:
    section, language = EXPECTED[path]
    reader = pdfs[path]
    root = reader.trailer["/Root"]
    index = frontmatter.load(DOCS / LANGUAGES.translation(f"{section}/index.md", language))
    title = (reader.metadata or {}).get("/Title", "")
    assert title.startswith(f"{index.metadata['title']} – ")
    assert ("PDF-Ausgabe" if language == "de" else "PDF edition") in title
    assert "Leitfaden" not in title and "Handlungsempfehlungen" not in title
    assert root["/Lang"] == language
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    # A structure tree with the document, its headings and paragraphs.
    tree = root["/StructTreeRoot"].get_object()
    roles = _roles(tree)
    assert {"/Document", "/H1", "/H2", "/P", "/L", "/LI", "/Link"} <= roles, roles
    assert b"pdfuaid:part" in root["/Metadata"].get_object().get_data()


def _roles(node: Any, seen: set[int] | None = None) -> set[str]:
    seen = set() if seen is None else seen
    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return set()
        seen.add(node.idnum)
        node = node.get_object()
    roles: set[str] = set()
    if isinstance(node, DictionaryObject):
        if "/S" in node:
            roles.add(str(node["/S"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            roles |= _roles(kid, seen)
    elif isinstance(node, list):
        for kid in node:
            roles |= _roles(kid, seen)
    return roles


@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_links_inside_the_pdf_resolve(pdfs: dict[str, PdfReader], path: str) -> None:
    reader = pdfs[path]
    destinations = set(reader.named_destinations)
    internal, web = [], []
    for number, pdf_page in enumerate(reader.pages, 1):
        for annotation in pdf_page.get("/Annots") or []:
            link = annotation.get_object()
            if link.get("/Subtype") != "/Link":
                continue
            if "/Dest" in link:
                internal.append((number, str(link["/Dest"])))
            elif "/A" in link and "/URI" in link["/A"]:
                web.append(str(link["/A"]["/URI"]))
    # The table of contents alone links every chapter and section.
    assert len(internal) > 20
    assert [(n, d) for n, d in internal if d not in destinations] == []
    section, language = EXPECTED[path]
    own = {
        SITE_URL + LANGUAGES.url(source, language)
        for source in section_sources(section)
        if (DOCS / LANGUAGES.translation(source, language)).is_file()
    }
    # A page of the edition is linked inside the PDF, never as a web address;
    # other pages of the portal by their address.
    assert [uri for uri in web if uri.split("#")[0] in own] == []
    assert any(uri.startswith(SITE_URL) for uri in web)


def test_fonts_come_with_the_pdf(pdfs: dict[str, PdfReader]) -> None:
    fonts: set[str] = set()
    for pdf_page in pdfs["pdf/einarbeitung.pdf"].pages:
        for font in (pdf_page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
    # Only the faces the edition declares with their files (portal.editions.render).
    assert fonts == {"Portal-Sans", "Portal-Sans-Bold"}, fonts


@pytest.mark.parametrize(
    ("page_path", "links"),
    [
        ("publikationen/index.html", ["pdf/einarbeitung.pdf", "pdf/mentoring.pdf"]),
        ("einarbeitung/index.html", ["pdf/einarbeitung.pdf"]),
        ("mentoring/index.html", ["pdf/mentoring.pdf"]),
        ("publikationen/leitfaden-einarbeitung/index.html", ["pdf/einarbeitung.pdf"]),
        ("en/publikationen/index.html", ["en/pdf/einarbeitung.pdf", "en/pdf/mentoring.pdf"]),
        ("en/einarbeitung/index.html", ["en/pdf/einarbeitung.pdf"]),
        ("en/mentoring/index.html", ["en/pdf/mentoring.pdf"]),
        ("en/glossar/index.html", []),
    ],
)
def test_pages_link_the_editions_with_format_and_size(
    portal_site: Path, page_path: str, links: list[str]
) -> None:
    tree = LexborHTMLParser((portal_site / page_path).read_text(encoding="utf-8"))
    language = "en" if page_path.startswith("en/") else "de"
    shown = []
    for item in tree.css(".portal-editions li"):
        link = item.css_first("a")
        assert link is not None
        target = (portal_site / page_path).parent / (link.attrs["href"] or "")
        size = target.resolve().stat().st_size
        assert (
            item.text(deep=True).strip().endswith(f"(PDF, {size_label(size, language=language)})")
        )
        shown.append(target.resolve().relative_to(portal_site).as_posix())
    assert shown == links


def test_a_changed_source_shows_in_the_pdf_after_the_next_build(tmp_path: Path) -> None:
    guide = """\
---
title: {title}
description: Ein Kapitel der Testausgabe.
type: guide
audience: [neue Fachkräfte]
tags: []
owner: Redaktion
updated: 2026-11-01
---
"""
    pages = {
        "index.md": page("Start", "# Start"),
        "einarbeitung/index.md": page("Einarbeitung im Test", "# Einarbeitung im Test\n\nStart."),
        "einarbeitung/kapitel.md": page(
            "Kapitel",
            "# Kapitel\n\n## Erste Fassung der Überschrift\n\nText.",
            front_matter=guide.format(title="Kapitel"),
        ),
    }
    config = write_site(tmp_path, pages)
    first = build(config, env={"PORTAL_PDF": "true"})
    assert first.ok, first.log
    text = squeeze(pdf_text(PdfReader(first.site_dir / "pdf" / "einarbeitung.pdf")))
    assert squeeze("Erste Fassung der Überschrift") in text

    source = tmp_path / "docs" / "einarbeitung" / "kapitel.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Erste Fassung", "Zweite Fassung"),
        encoding="utf-8",
    )
    second = build(config, env={"PORTAL_PDF": "true"})
    assert second.ok, second.log
    text = squeeze(pdf_text(PdfReader(second.site_dir / "pdf" / "einarbeitung.pdf")))
    assert squeeze("Zweite Fassung der Überschrift") in text
    assert squeeze("Erste Fassung") not in text

    # Switched off for a quick preview: no PDF, and no link to one.
    off = build(config, site_dir=tmp_path / "ohne", env={"PORTAL_PDF": "false"})
    assert off.ok, off.log
    assert not list(off.site_dir.rglob("*.pdf"))
    assert "portal-editions" not in (off.site_dir / "einarbeitung" / "index.html").read_text(
        encoding="utf-8"
    )


def test_a_further_language_gets_an_edition_when_most_of_the_section_is_translated(
    tmp_path: Path,
) -> None:
    pages = {
        "index.md": page("Start", "# Start"),
        "index.en.md": page("Home", "# Home"),
        "einarbeitung/index.md": page("Einarbeitung", "# Einarbeitung"),
        "einarbeitung/index.en.md": page("Onboarding", "# Onboarding"),
        "einarbeitung/eins.md": page("Eins", "# Eins"),
        "einarbeitung/eins.en.md": page("One", "# One"),
        "einarbeitung/zwei.md": page("Zwei", "# Zwei\n\nNur auf Deutsch."),
        "mentoring/index.md": page("Mentoring", "# Mentoring"),
        "mentoring/index.en.md": page("Mentoring (en)", "# Mentoring (en)"),
        "mentoring/eins.md": page("Erstens", "# Erstens"),
        "mentoring/zwei.md": page("Zweitens", "# Zweitens"),
    }
    result = build(write_site(tmp_path, pages), env={"PORTAL_PDF": "true"})
    assert result.ok, result.log
    built = sorted(
        p.relative_to(result.site_dir).as_posix() for p in result.site_dir.rglob("*.pdf")
    )
    # English: opening page and one of two chapters translated (2 of 3 pages);
    # mentoring has only its opening page in English (1 of 3): German only.
    assert built == ["en/pdf/einarbeitung.pdf", "pdf/einarbeitung.pdf", "pdf/mentoring.pdf"]
    reader = PdfReader(result.site_dir / "en" / "pdf" / "einarbeitung.pdf")
    first = " ".join((reader.pages[0].extract_text() or "").split())
    assert (
        "Not yet translated, and so not in this edition (German only): "
        f"Zwei ({SITE_URL}einarbeitung/zwei/)"
    ) in first
    assert "Nur auf Deutsch" not in pdf_text(reader)
