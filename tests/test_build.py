"""The portal builds strictly, in both languages, with every section."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import BuildResult, build, page, write_site

SECTIONS = [
    "hilfeplanverfahren",
    "einarbeitung",
    "mentoring",
    "modellprojekt",
    "veranstaltungen",
    "fortbildungen",
    "publikationen",
    "newsletter",
    "praxisbeispiele",
    "glossar",
]
LEGAL_PAGES = ["impressum", "datenschutz", "barrierefreiheit", "kontakt"]


def html_lang(path: Path) -> str | None:
    node = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("html")
    assert node is not None, f"{path}: kein <html>-Element"
    return node.attributes.get("lang")


@pytest.mark.parametrize("section", ["", *SECTIONS, *LEGAL_PAGES])
@pytest.mark.parametrize(("prefix", "language"), [("", "de"), ("en/", "en")])
def test_every_section_exists_in_both_languages(
    portal_site: Path, section: str, prefix: str, language: str
) -> None:
    target = portal_site / prefix / section / "index.html"
    assert target.is_file(), f"/{prefix}{section} fehlt im gebauten Portal"
    assert html_lang(target) == language


def test_strict_build_prints_no_mkdocs_warning(portal_build: BuildResult) -> None:
    # The operator's unset settings are the deliberate warnings (NOTICES), not
    # counted by strict mode. Nothing else may warn.
    assert portal_build.findings() == []


def test_footer_links_the_legal_pages_in_the_reader_language(portal_site: Path) -> None:
    for prefix, expected in [("", "Impressum"), ("en/", "Legal notice")]:
        tree = LexborHTMLParser((portal_site / prefix / "index.html").read_text(encoding="utf-8"))
        labels = [a.text(strip=True) for a in tree.css(".portal-legal a")]
        assert labels[0] == expected
        assert len(labels) == 4


def test_no_google_fonts_or_cdn_in_any_page(portal_site: Path) -> None:
    offenders = [
        str(path.relative_to(portal_site))
        for path in portal_site.rglob("*.html")
        if "fonts.googleapis" in path.read_text(encoding="utf-8")
        or "fonts.gstatic" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start\n\nSiehe [Verfahren](verfahren.md)."),
            "index.en.md": page("Home", "# Home"),
        },
    )
    result = build(config)
    assert not result.ok
    assert any("verfahren.md" in warning for warning in result.warnings()), result.log
    assert "Aborted with" in result.log


def test_tiny_valid_site_passes_the_strict_build(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start\n\nSiehe [Verfahren](verfahren.md)."),
            "index.en.md": page("Home", "# Home"),
            "verfahren.md": page("Verfahren", "# Verfahren"),
        },
    )
    result = build(config)
    assert result.ok, result.log


def test_page_not_found_exists_in_each_language(portal_site: Path) -> None:
    assert html_lang(portal_site / "404.html") == "de"
    assert html_lang(portal_site / "en" / "404.html") == "en"
