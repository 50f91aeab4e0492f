"""Editorial rules every built page keeps: no placeholders, legal references spelt right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

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
