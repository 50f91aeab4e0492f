"""What the privacy statement says about the reader's browser is what the browser holds.

docs/datenschutz.md says that the portal stores nothing in the browser (no
cookies, no localStorage or sessionStorage entries), also not for search.
A feature that starts to store something fails this test until the
statement says what, why and for how long.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from browser.checks import DESKTOP, Site, open_page, probe_search, search

pytestmark = pytest.mark.browser

STORAGE = "() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]"


def test_reading_and_searching_leave_nothing_in_the_browser(browser: Browser, portal: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    probe_search(context)
    tab = context.new_page()
    try:
        assert not open_page(tab, portal, "hilfeplanverfahren/kinderschutz/")
        results = search(tab, "Mentorin")
        assert results, "die Suche nach „Mentorin“ findet nichts"
        tab.goto(str(results[0]["href"]))
        assert not open_page(tab, portal, "einarbeitung/")
        stored, cookies = tab.evaluate(STORAGE), context.cookies()
    finally:
        context.close()
    assert (stored, cookies) == ([], []), (
        "Das Portal legt Daten im Browser ab — die Datenschutzerklärung "
        "(docs/datenschutz.md, docs/datenschutz.en.md, Abschnitt „Was im Browser gespeichert "
        "wird“) muss sagen, was, wozu und wie lange; danach diesen Test anpassen."
    )
