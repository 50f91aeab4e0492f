"""The checks fail where they should: tiny sites with one fault each.

Each site inherits the portal's whole configuration, is built strictly, served
like the portal, and run through the same check functions as the portal.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from browser.checks import (
    AXE_VERSION,
    DESKTOP,
    Site,
    keyboard_problems,
    label,
    language_switch_problems,
    open_page,
    sweep_site,
)
from browser.frame import LEGAL_PAGES, frame_files
from portal_testkit.local_server import serve
from sitebuilder import build, page, write_site

pytestmark = pytest.mark.browser

PAGES = {
    **frame_files(),
    "index.md": page("Start", "## Worum es geht\n\nEin [Abschnitt](a.md) des Portals."),
    "index.en.md": page("Home", "## What it is about\n\nA [section](a.md) of the portal."),
    # A task list: its display-only checkboxes need names (axe: label).
    "a.md": page("Abschnitt", "## Ein Abschnitt\n\n- [x] Erledigt\n- [ ] Offen"),
    "a.en.md": page("Section", "## A section\n\nText in English."),
    # No translation: the English build shows the German page as a fallback.
    "b.md": page("Nur Deutsch", "## Nur auf Deutsch\n\nDiese Seite gibt es nur auf Deutsch."),
}


@contextmanager
def served_site(
    tmp_path: Path, pages: dict[str, str], extra_config: str = "", *, strict: bool = True
) -> Iterator[Site]:
    result = build(write_site(tmp_path, pages, extra_config=extra_config), strict=strict)
    assert result.ok, result.log
    with serve(result.site_dir) as base_url:
        yield Site(site_dir=result.site_dir, base_url=base_url)


# The pages the tests write; hooks may add more (audience overviews).
WRITTEN = ["", "a/", "b/", "en/", "en/a/", "en/b/"]


def run_all_checks(browser: Browser, site: Site, paths: list[str] = WRITTEN) -> list[str]:
    """Every per-page check of the portal's suite, at desktop width, and the switcher."""
    result = sweep_site(browser, site, paths, "desktop")
    problems = result.loading + result.axe + result.privacy + result.keyboard
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    tab = context.new_page()
    try:
        for path in paths:
            problems += open_page(tab, site, path) or language_switch_problems(tab, site, path)
    finally:
        context.close()
    return problems


def test_a_sound_site_passes_every_check(browser: Browser, tmp_path: Path) -> None:
    with served_site(tmp_path, PAGES) as site:
        legal = [f"{prefix}{name}/" for prefix in ("", "en/") for name in LEGAL_PAGES]
        assert {*WRITTEN, *legal} <= set(site.content_pages)
        # Every page here, hooks' pages included: the checks raise no false alarm.
        assert run_all_checks(browser, site, site.content_pages) == []


def test_an_image_without_alt_text_fails(browser: Browser, tmp_path: Path) -> None:
    pages = {
        **PAGES,
        "a.md": page("Abschnitt", '## Ein Abschnitt\n\n<img src="../bild.svg">'),
        "bild.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    }
    with served_site(tmp_path, pages) as site:
        problems = run_all_checks(browser, site)
    assert problems == [
        '/a/ (1280 px): axe-Regel image-alt verletzt bei img[src$="bild.svg"] — Images must '
        "have alternative text (https://dequeuniversity.com/rules/axe/"
        f"{AXE_VERSION}/image-alt?application=axeAPI)"
    ]


def test_a_font_from_another_host_fails(browser: Browser, tmp_path: Path) -> None:
    font = "https://fonts.googleapis.com/css2?family=Roboto"
    extra_css = f"extra_css:\n  - stylesheets/portal.css\n  - {font}\n"
    with served_site(tmp_path, PAGES, extra_css) as site:
        problems = run_all_checks(browser, site)
    assert problems
    assert problems == [
        f"{label(path, 'desktop')}: Anfrage an einen fremden Host: {font} — alles muss vom "
        "Portal selbst kommen (Schriften, Skripte, Bilder lokal ablegen)"
        for path in WRITTEN
    ]


# mkdocs-static-i18n without its Material reconfiguration: the switcher then
# always leads to the other language's start page. Not strict: the English
# pages then also link to German ones, which the portal's link checks rightly
# warn about.
STATIC_SWITCHER = """\
strict: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: false
      languages:
        - {locale: de, default: true, name: Deutsch}
        - {locale: en, name: English}
extra:
  alternate:
    - {name: Deutsch, link: /, lang: de}
    - {name: English, link: /en/, lang: en}
"""


def test_a_language_switch_that_loses_the_page_fails(browser: Browser, tmp_path: Path) -> None:
    with served_site(tmp_path, PAGES, STATIC_SWITCHER, strict=False) as site:
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        tab = context.new_page()
        try:
            assert not open_page(tab, site, "a/")
            problems = language_switch_problems(tab, site, "a/")
            assert not open_page(tab, site, "en/a/")
            problems += language_switch_problems(tab, site, "en/a/")
        finally:
            context.close()
    # Where the German switch leads depends on which page last set the
    # switcher (hooks/stages.py points it for its overview pages); that it
    # misses the translation is what counts.
    assert len(problems) == 2, problems
    assert problems[0] == (
        "/a/: der Sprachwechsler nach „en“ führt zu /en/ statt zur Übersetzung /en/a/"
    )
    assert problems[1].startswith("/en/a/: der Sprachwechsler nach „de“ führt zu /")
    assert problems[1].endswith(" statt zur Übersetzung /a/")


def test_a_page_without_headings_still_has_a_skip_link(browser: Browser, tmp_path: Path) -> None:
    pages = {**PAGES, "a.md": page("Abschnitt", "Nur ein Absatz, keine Überschrift.")}
    with served_site(tmp_path, pages) as site:
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        tab = context.new_page()
        try:
            assert not open_page(tab, site, "a/")
            assert keyboard_problems(tab, "/a/") == []
        finally:
            context.close()
