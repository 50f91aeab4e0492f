"""Pages outside the nav are shown in their folder's section (hooks/nav.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from portal.sections import folder_of, owning_section
from sitebuilder import FURNISHED_NOT_IN_NAV, build, page, write_site

SECTIONS = {"newsletter": "Newsletter", "einarbeitung/lokal": "Lokale Varianten"}


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("newsletter/ausgaben/2016-03.md", "Newsletter"),
        ("newsletter/ausgaben/2016-03.en.md", "Newsletter"),
        ("newsletter/sonderausgabe.md", "Newsletter"),
        ("einarbeitung/lokal/rostock/phase-1.md", "Lokale Varianten"),
        ("einarbeitung/orientierung.md", None),
        ("impressum.md", None),
    ],
)
def test_owning_section_is_the_nearest_folder_with_a_section(
    src_uri: str, expected: str | None
) -> None:
    assert owning_section(src_uri, SECTIONS) == expected


def test_folder_of_top_level_page_is_empty() -> None:
    assert folder_of("index.md") == ""
    assert folder_of("newsletter/ausgaben/2016-03.md") == "newsletter/ausgaben"


def _active_tab(html: str) -> str | None:
    tab = LexborHTMLParser(html).css_first(".md-tabs__item--active")
    return None if tab is None else tab.text(strip=True)


def _open_sidebar_sections(html: str) -> list[str]:
    """Labels of the sections the sidebar shows opened (not pruned to one link)."""
    tree = LexborHTMLParser(html)
    opened = tree.css(".md-sidebar--primary .md-nav__item--active.md-nav__item--nested")
    return [
        item.css_first(".md-nav__link").text(strip=True)
        for item in opened
        if "md-nav__item--pruned" not in (item.attributes.get("class") or "")
    ]


ISSUE_FRONT_MATTER = """\
---
title: {title}
description: Eine Ausgabe des Newsletters für die Tests des Portals.
type: newsletter
audience: [Redaktion]
tags: [Newsletter]
owner: Redaktion
number: 1
date: 2016-03-01
summary: Eine Zusammenfassung für die Tests des Portals.
---
"""


def _issue(title: str, body: str) -> str:
    return page(title, body, front_matter=ISSUE_FRONT_MATTER.format(title=title))


def test_archive_page_outside_the_nav_is_shown_in_its_section(tmp_path: Path) -> None:
    issue = _issue("Ausgabe 1", "# Ausgabe 1\n\nZurück zum [Archiv](../index.md).")
    issue_en = _issue("Issue 1", "# Issue 1\n\nBack to the [archive](../index.md).")
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "newsletter/index.md": page("Newsletter", "# Newsletter\n\n- [1](ausgaben/1.md)"),
            "newsletter/index.en.md": page("Newsletter", "# Newsletter\n\n- [1](ausgaben/1.md)"),
            "newsletter/ausgaben/1.md": issue,
            "newsletter/ausgaben/1.en.md": issue_en,
        },
        nav="  - Start: index.md\n  - Newsletter:\n    - newsletter/index.md",
        not_in_nav=FURNISHED_NOT_IN_NAV + "\n/newsletter/ausgaben/\n",
    )
    result = build(config)
    assert result.ok, result.log
    for prefix in ("", "en/"):
        html = (result.site_dir / prefix / "newsletter/ausgaben/1/index.html").read_text("utf-8")
        assert _active_tab(html) == "Newsletter", prefix
        # The section's sidebar, opened as on the overview page itself.
        assert _open_sidebar_sections(html) == ["Newsletter"], prefix
        # A legal page at the top level stays outside every section.
        legal = (result.site_dir / prefix / "impressum/index.html").read_text("utf-8")
        assert _active_tab(legal) is None, prefix
