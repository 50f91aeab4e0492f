"""The portal through Debian's nginx with the repository's configuration, in Chromium.

Every page loaded once, in one browser context: the Content Security Policy
(header and ``<meta>``) reports no violation, neither as a
``securitypolicyviolation`` event nor on the console; the security headers
are there; the 404 pages answer per language. Then what needs scripts —
search, the language switch, the glossary's explanations — works under the policy.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Response

from browser.checks import (
    DESKTOP,
    LANGUAGES,
    Site,
    label,
    language_switch_problems,
    open_page,
    probe_search,
    search,
)

pytestmark = pytest.mark.browser

# Collects what the browser reports, from before the page's first script.
VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blockiert ${event.blockedURI || 'inline'}` +
    (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ''));
});
"""

HEADERS = {
    "content-security-policy": "frame-ancestors 'none'",
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "permissions-policy": "camera=()",
    "x-frame-options": "DENY",
}
"""Header → a part its value must contain."""


class Watch:
    """One browser context whose pages report CSP violations and console errors."""

    def __init__(self, context: BrowserContext) -> None:
        self.console: list[str] = []
        context.add_init_script(VIOLATIONS_JS)
        self.page = context.new_page()
        self.page.on("console", self._console)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning") and "Content Security Policy" in message.text:
            self.console.append(message.text)

    def problems(self, name: str) -> list[str]:
        found: list[str] = self.page.evaluate("() => window.__cspViolations || []")
        found += self.console
        self.console = []
        return [f"{name}: {violation}" for violation in found]


@pytest.fixture(scope="module")
def watch(browser: Browser) -> Iterator[Watch]:
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    probe_search(context)
    yield Watch(context)
    context.close()


def header_problems(response: Response | None, name: str) -> list[str]:
    if response is None:
        return [f"{name}: keine Antwort"]
    headers = response.headers
    return [
        f"{name}: Header {header} fehlt oder enthält nicht „{part}“ ({headers.get(header)})"
        for header, part in HEADERS.items()
        if part not in headers.get(header, "")
    ]


def test_every_page_loads_without_policy_violations(watch: Watch, portal_nginx: Site) -> None:
    problems: list[str] = []
    for path in portal_nginx.pages:
        name = label(path)
        response = watch.page.goto(portal_nginx.url(path), wait_until="load")
        status = response.status if response else 0
        if status != 200:
            problems.append(f"{name}: HTTP {status}")
        problems += header_problems(response, name)
        problems += watch.problems(name)
    assert len(portal_nginx.pages) > 100
    assert problems == []


@pytest.mark.parametrize(("path", "language"), [("gibt-es-nicht/", "de"), ("en/fehlt/", "en")])
def test_not_found_pages_answer_404_in_their_language(
    watch: Watch, portal_nginx: Site, path: str, language: str
) -> None:
    response = watch.page.goto(portal_nginx.url(path), wait_until="load")
    assert response is not None
    assert response.status == 404
    assert header_problems(response, path) == []
    assert watch.page.evaluate("() => document.documentElement.lang") == language
    # Its assets load under the policy from any depth: the page looks like the others.
    assert watch.page.evaluate("() => !!document.querySelector('.md-header')")
    assert watch.problems(path) == []


@pytest.mark.parametrize(("start", "query", "expected"), [("", "Mentorin", "mentoring/")])
def test_search_works_under_the_policy(
    watch: Watch, portal_nginx: Site, start: str, query: str, expected: str
) -> None:
    assert not open_page(watch.page, portal_nginx, start)
    results = search(watch.page, query)
    paths = [portal_nginx.path_of(str(result["href"])) for result in results]
    assert expected in paths
    assert watch.problems(f"Suche nach {query}") == []


@pytest.mark.parametrize("locale", list(LANGUAGES))
def test_language_switch_works_under_the_policy(
    watch: Watch, portal_nginx: Site, locale: str
) -> None:
    start = LANGUAGES[locale]
    assert not open_page(watch.page, portal_nginx, start)
    assert language_switch_problems(watch.page, portal_nginx, start) == []
    assert watch.problems(f"Sprachwechsel von /{start}") == []


def test_glossary_explanation_shows_on_focus_and_hides_on_escape(
    watch: Watch, portal_nginx: Site
) -> None:
    page: Page = watch.page
    path = next(path for path in portal_nginx.pages_in("de") if "<abbr" in portal_nginx.html(path))
    assert not open_page(page, portal_nginx, path)
    abbr = page.locator("article abbr[title][tabindex]").first
    title = abbr.get_attribute("title")
    assert title
    after = "element => getComputedStyle(element, '::after').content"
    # open_page ends with a keyboard walk through the page: start unfocused.
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    assert abbr.evaluate(after) == "none"
    # Keyboard (and touch) focus shows the title under the abbreviation …
    abbr.focus()
    assert abbr.evaluate(after) == f'"{title}"'
    # … and Esc hides it without moving the focus (WCAG 1.4.13), under the policy.
    page.keyboard.press("Escape")
    assert abbr.evaluate("element => element === document.activeElement")
    assert abbr.evaluate(after) == "none"
    assert watch.problems(f"Erklärung einer Abkürzung auf /{path}") == []
