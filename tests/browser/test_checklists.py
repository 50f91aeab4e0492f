"""Checklists readers tick: kept in their browser, counted, reset, printed.

The onboarding page „Orientierung“ has two checklists: week 1 (6 items) and
weeks 2 to 4 (9 items). Each test starts with an empty browser profile.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser.checks import DESKTOP, Site, axe_problems, open_page

pytestmark = pytest.mark.browser

PAGE = "einarbeitung/orientierung/"
PAGE_EN = "en/einarbeitung/orientierung/"
BOXES = "ul.portal-checklist input[data-portal-task]"
TEXTS = "ul.portal-checklist label.portal-task-text"
PROGRESS = ".portal-checklist-progress"


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def tab(context: BrowserContext, portal: Site) -> Page:
    tab = context.new_page()
    assert not open_page(tab, portal, PAGE)
    return tab


def tick(tab: Page, text: str | int) -> None:
    """Click an item's text, as readers do (the box itself is drawn over)."""
    labels = tab.locator(TEXTS)
    (labels.nth(text) if isinstance(text, int) else labels.filter(has_text=text)).click()


def _progress(tab: Page) -> list[str]:
    return [text.strip() for text in tab.locator(PROGRESS).all_inner_texts()]


def test_ticks_survive_a_reload_and_a_new_tab(
    tab: Page, context: BrowserContext, portal: Site
) -> None:
    assert _progress(tab) == ["0 von 6 erledigt", "0 von 9 erledigt"]
    tick(tab, "Meine Zugänge und die Fachsoftware funktionieren.")
    tick(tab, "Ich habe Hausbesuche begleitet.")
    tab.locator(BOXES).nth(0).press("Space")  # the keyboard
    assert _progress(tab) == ["2 von 6 erledigt", "1 von 9 erledigt"]

    tab.reload()
    assert tab.get_by_label("Meine Zugänge und die Fachsoftware funktionieren.").is_checked()
    assert tab.get_by_label("Ich habe Hausbesuche begleitet.").is_checked()
    assert tab.locator(BOXES).nth(0).is_checked()
    assert not tab.locator(BOXES).nth(2).is_checked()
    assert _progress(tab) == ["2 von 6 erledigt", "1 von 9 erledigt"]

    other = context.new_page()
    assert not open_page(other, portal, PAGE)
    assert _progress(other) == ["2 von 6 erledigt", "1 von 9 erledigt"]


def test_reset_clears_one_checklist_after_confirmation(tab: Page) -> None:
    for index in (0, 1, 6):
        tick(tab, index)
    assert _progress(tab) == ["2 von 6 erledigt", "1 von 9 erledigt"]

    questions: list[str] = []
    tab.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    tab.locator(".portal-checklist-reset").first.click()
    assert questions == ["Alle Häkchen dieser Checkliste entfernen?"]
    assert _progress(tab) == ["2 von 6 erledigt", "1 von 9 erledigt"], "Abbrechen setzt zurück"

    tab.once("dialog", lambda dialog: dialog.accept())
    tab.locator(".portal-checklist-reset").first.click()
    assert _progress(tab) == ["0 von 6 erledigt", "1 von 9 erledigt"]
    tab.reload()
    assert _progress(tab) == ["0 von 6 erledigt", "1 von 9 erledigt"]


def test_without_javascript_the_list_reads_as_a_list(browser: Browser, portal: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        tab = context.new_page()
        assert not open_page(tab, portal, PAGE)
        box = tab.get_by_label("Ich habe Hausbesuche begleitet.")
        assert box.is_disabled()
        assert tab.locator(PROGRESS).count() == 0
        assert (
            "Ich habe Hausbesuche begleitet."
            in tab.locator("ul.portal-checklist").last.inner_text()
        )
    finally:
        context.close()


def test_english_page_speaks_english(context: BrowserContext, portal: Site) -> None:
    tab = context.new_page()
    assert not open_page(tab, portal, PAGE_EN)
    tick(tab, 0)
    assert _progress(tab)[0] == "1 of 6 done"
    assert tab.locator(".portal-checklist-reset").first.inner_text().strip() == "Clear ticks"


def test_print_shows_the_text_without_the_site_chrome(tab: Page) -> None:
    tick(tab, 0)
    tab.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search"):
        assert tab.locator(chrome).first.is_hidden(), f"{chrome} erscheint im Druck"
    assert tab.locator(".portal-checklist-tools").first.is_hidden()
    assert tab.locator(".md-content h1").is_visible()
    # The ticked box prints as a ticked box, the others as empty ones.
    marks = tab.locator(".portal-checklist .task-list-indicator").evaluate_all(
        "nodes => nodes.map(n => getComputedStyle(n, '::before').content)"
    )
    assert marks[0] == '"✓"'
    assert set(marks[1:]) == {'""'}
    # A link to another page of the portal carries its full address after the text.
    link = tab.locator(".md-content a[href$='hilfeplanverfahren/ablauf/']").first
    after = link.evaluate("node => getComputedStyle(node, '::after').content")
    assert after == '" (http://127.0.0.1:8000/hilfeplanverfahren/ablauf/)"'


def test_checklist_page_passes_axe_with_its_controls(tab: Page) -> None:
    tick(tab, 0)
    assert axe_problems(tab, PAGE) == []


def test_export_prints_a_summary_of_ones_progress(tab: Page) -> None:
    tab.evaluate("() => { window.portalPrinted = 0; window.print = () => window.portalPrinted++; }")
    tick(tab, "Meine Zugänge und die Fachsoftware funktionieren.")
    tab.locator(".portal-checklist-export").first.click()
    assert tab.evaluate("() => window.portalPrinted") == 1
    summary = tab.locator("#portal-progress-summary")
    text = summary.inner_text() if summary.is_visible() else summary.text_content() or ""
    assert "Mein Fortschritt: Phase 2: Orientierung" in text
    assert "Checkliste: Orientierung – Woche 1: (1 von 6 erledigt)" in text
    done = summary.locator(".portal-summary-done").all_text_contents()
    assert done == ["erledigt Meine Zugänge und die Fachsoftware funktionieren."]
    assert summary.locator(".portal-summary-open").count() == 14

    tab.emulate_media(media="print")
    assert summary.is_visible()
    assert tab.locator(".md-content").is_hidden()
