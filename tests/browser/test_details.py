"""Details of the page as a reader sees it: footer, phones, wide tables, notices, 404 search."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser.checks import Site, axe_problems, label, open_page
from browser.pixels import column_darkness

pytestmark = pytest.mark.browser

# The smallest phones in use, and a common one: what fits the first screen.
SMALL_PHONES = {"320": {"width": 320, "height": 568}, "375": {"width": 375, "height": 667}}
# Pages whose heading has the most above or beside it: many audiences, review
# dates, a status, a notice of a missing translation, a wide table.
FIRST_SCREEN_PAGES = [
    "",
    "en/",
    "mentoring/fachaufsicht/",
    "en/mentoring/fachaufsicht/",
    "einarbeitung/orientierung/",
    "veranstaltungen/2015-01-27-auftaktveranstaltung/",
    "zielgruppen/mentorinnen/",
    "en/publikationen/leitfaden-einarbeitung/",
]
WIDE_TABLE_PAGES = ["mentoring/fachaufsicht/", "en/mentoring/fachaufsicht/"]


def new_tab(browser: Browser, size: dict[str, int]) -> Page:
    return browser.new_context(viewport=size, service_workers="block").new_page()


@pytest.fixture(params=sorted(SMALL_PHONES))
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    tab = new_tab(browser, SMALL_PHONES[request.param])
    yield tab
    tab.context.close()


@pytest.fixture
def desktop(browser: Browser) -> Iterator[Page]:
    tab = new_tab(browser, {"width": 1280, "height": 800})
    yield tab
    tab.context.close()


# Footer


def test_footer_legal_links_form_one_row(desktop: Page, portal: Site) -> None:
    for path in ["", "en/", "mentoring/"]:
        assert not open_page(desktop, portal, path)
        links = desktop.evaluate(
            """() => [...document.querySelectorAll('.portal-legal a')].map(a => {
                 const r = a.getBoundingClientRect();
                 const li = a.closest('li');
                 return {top: Math.round(r.top), left: Math.round(r.left),
                         marker: getComputedStyle(li).listStyleType};
               })"""
        )
        text_left = desktop.evaluate(
            "() => Math.round(document.querySelector('.md-copyright__highlight')"
            ".getBoundingClientRect().left)"
        )
        assert len(links) == 4, label(path)
        assert len({link["top"] for link in links}) == 1, f"{label(path)}: nicht in einer Zeile"
        assert {link["marker"] for link in links} == {"none"}, label(path)
        assert links[0]["left"] == text_left, f"{label(path)}: erste Verweis eingerückt"


# Phones


def test_heading_and_site_title_fit_the_first_screen(phone: Page, portal: Site) -> None:
    problems = []
    for path in FIRST_SCREEN_PAGES:
        assert not open_page(phone, portal, path), label(path)
        seen = phone.evaluate(
            """() => {
              const h1 = document.querySelector('article h1').getBoundingClientRect();
              const title = document.querySelector('.md-header__topic .md-ellipsis');
              const search = document.querySelector('label.md-header__button[for=__search]')
                .getBoundingClientRect();
              return {
                headingBottom: h1.bottom, height: window.innerHeight, width: window.innerWidth,
                titleCut: title.scrollWidth > title.clientWidth
                  || title.scrollHeight > title.clientHeight + 1,
                titleText: title.textContent.trim(), searchRight: search.right,
              };
            }"""
        )
        name = f"{label(path)} bei {seen['width']} px"
        if seen["headingBottom"] > seen["height"]:
            problems.append(f"{name}: Überschrift endet bei {seen['headingBottom']:.0f} px")
        if seen["titleCut"]:
            problems.append(f"{name}: Titel „{seen['titleText']}“ abgeschnitten")
        if seen["searchRight"] > seen["width"]:
            problems.append(f"{name}: Suchknopf ragt aus dem Bildschirm")
    assert problems == []


# Wide tables


def _right_edge_darkness(tab: Page, box: str) -> float:
    """How dark the box's right edge looks (0 white … 255 black)."""
    return column_darkness(tab.locator(box).first.screenshot(), from_right=2)


@pytest.mark.parametrize("path", WIDE_TABLE_PAGES)
def test_wide_table_is_reachable_by_keyboard_and_shows_it_scrolls(
    browser: Browser, portal: Site, path: str
) -> None:
    tab = new_tab(browser, SMALL_PHONES["320"])
    try:
        assert not open_page(tab, portal, path)
        box = ".portal-table"
        state = tab.evaluate(
            """sel => { const el = document.querySelector(sel);
                 return {scrolls: el.scrollWidth > el.clientWidth, tabindex: el.tabIndex,
                         role: el.getAttribute('role'),
                         name: (document.getElementById(el.getAttribute('aria-labelledby'))
                                || {}).textContent || ''}; }""",
            box,
        )
        assert state["scrolls"], f"{label(path)}: Tabelle passt – die Prüfung braucht eine breite"
        assert state["tabindex"] == 0 and state["role"] == "region"
        assert state["name"].strip()
        # The keyboard gets there, and focus shows.
        for _ in range(80):
            tab.keyboard.press("Tab")
            if tab.evaluate("sel => document.activeElement.matches(sel)", box):
                break
        else:
            pytest.fail(f"{label(path)}: Tab erreicht den Kasten der Tabelle nicht")
        outline = tab.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
        )
        assert outline, f"{label(path)}: der fokussierte Tabellenkasten zeigt keinen Rahmen"
        tab.keyboard.press("End")
        # The cue: a shadow on the right while more of the table lies there,
        # gone once the reader has scrolled to the end.
        tab.evaluate("sel => { document.querySelector(sel).scrollLeft = 0; }", box)
        tab.evaluate("() => document.activeElement.blur()")
        hidden_right = _right_edge_darkness(tab, box)
        tab.evaluate("sel => { const el = document.querySelector(sel); el.scrollLeft = 1e6; }", box)
        at_end = _right_edge_darkness(tab, box)
        assert hidden_right > at_end + 10, (
            f"{label(path)}: kein sichtbarer Hinweis, dass die Tabelle weitergeht "
            f"(Rand {hidden_right:.0f} gegen {at_end:.0f})"
        )
        tab.evaluate("sel => { document.querySelector(sel).scrollLeft = 0; }", box)
        problems = axe_problems(tab, label(path) + " (320 px)")
        assert problems == []
    finally:
        tab.context.close()


# Notices


def test_notices_use_body_size_text(desktop: Page, portal: Site) -> None:
    path = "hilfeplanverfahren/kinderschutz/"
    assert not open_page(desktop, portal, path)
    sizes = desktop.evaluate(
        """() => ({
          body: getComputedStyle(document.querySelector('article > p')).fontSize,
          notices: [...document.querySelectorAll('article .admonition p, article details p')]
            .map(p => getComputedStyle(p).fontSize),
        })"""
    )
    assert sizes["notices"], f"{label(path)}: keine Hinweiskästen gefunden"
    assert set(sizes["notices"]) == {sizes["body"]}


# Page not found


@pytest.mark.parametrize(("path", "home"), [("404.html", ""), ("en/404.html", "en/")])
def test_not_found_search_opens_the_portal_search(
    desktop: Page, portal: Site, path: str, home: str
) -> None:
    desktop.goto(portal.url(path))
    desktop.fill("#portal-not-found-query", "Mentoring")
    desktop.press("#portal-not-found-query", "Enter")
    desktop.wait_for_url(portal.url(home) + "?q=Mentoring")
    desktop.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=15000
    )
    assert desktop.evaluate("() => document.getElementById('__search').checked")
