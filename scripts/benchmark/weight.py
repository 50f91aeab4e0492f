"""What does a first visit to a content page transfer, beside stock Material?

The real portal is built for its local address and served by Debian's nginx
with the repository's configuration (``benchmark.served``; the budget
assumes its gzip); a fresh Chromium (empty cache) opens one long
chapter and waits until the network is idle. Every response counts with its
headers and its body as sent (compressed), fonts included. The same German
pages built with stock Material (no overrides, no hooks, no extra
stylesheets; Google Fonts off, as the portal may request nothing from other
hosts) are measured the same way. The portal loads its search index only
when a reader starts to search: a page view that requests it fails the
measurement.
"""

from __future__ import annotations

import json
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from benchmark.harness import Answer, Context, Measurement
from benchmark.portal_config import PROJECT_ROOT, portal_config
from benchmark.served import build_site, nginx
from portal.csp import HEADER_FILE
from portal_testkit.chromium import CHROMIUM, CHROMIUM_ARGS

PAGE = "hilfeplanverfahren/ablauf/"
"""A long chapter: text, lists, a table, abbreviations, a table of contents."""
LIMIT = 150 * 1024
"""The portal's budget for a first visit, compressed, fonts included (issue #21)."""
SEARCH_INDEX = "search/portal-index.json"
# Markdown extensions of the portal's own package: stock Material has none.
OWN_EXTENSIONS = ("portal.",)


@dataclass(frozen=True)
class Visit:
    """The responses of one page view: bytes by kind, and the URLs."""

    by_kind: dict[str, int]
    urls: list[str]
    failed: list[str]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


def measure(context: Context) -> Answer:
    portal_site = context.workdir / "weight-portal"
    stock_site = context.workdir / "weight-stock"
    context.say("  Portal bauen …")
    build_site(portal_site)
    context.say("  dieselben Seiten mit Material ohne Anpassungen bauen …")
    build_site(stock_site, config=_stock_config(context.workdir / "weight-stock-src"))
    # The nginx configuration includes the policy the portal's build writes;
    # stock Material writes none, so it is served without one.
    (stock_site / HEADER_FILE).parent.mkdir(parents=True, exist_ok=True)
    (stock_site / HEADER_FILE).write_text("", encoding="utf-8")
    visits = {"Portal": _visit(portal_site), "Material (Standard)": _visit(stock_site)}
    portal = visits["Portal"]
    problems = [f"{url}: HTTP-Fehler" for url in portal.failed]
    if any(url.endswith(SEARCH_INDEX) for url in portal.urls):
        problems.append(f"{SEARCH_INDEX} wird schon beim Seitenaufruf geladen")
    if problems:
        raise RuntimeError("; ".join(problems))
    kinds = sorted({kind for visit in visits.values() for kind in visit.by_kind})
    rows = [
        "| Art | " + " | ".join(visits) + " |",
        "| --- | " + " | ".join("---:" for _ in visits) + " |",
    ]
    for kind in kinds:
        rows.append(
            f"| {kind} | "
            + " | ".join(_kb(visit.by_kind.get(kind, 0)) for visit in visits.values())
            + " |"
        )
    rows.append("| **zusammen** | " + " | ".join(f"**{_kb(v.total)}**" for v in visits.values()))
    rows[-1] += " |"
    verdict = "im Rahmen" if portal.total <= LIMIT else "ÜBER dem Rahmen"
    stock = visits["Material (Standard)"].total
    return Answer(
        summary=(
            f"erster Besuch von /{PAGE}: {_kb(portal.total)} komprimiert "
            f"(Ziel ≤ {_kb(LIMIT)}: {verdict}), Material ohne Anpassungen {_kb(stock)}"
        ),
        details=[
            *rows,
            "",
            f"Chromium ohne Cache, Debians nginx mit `scripts/deploy/nginx/` (Kompression, wie "
            f"dort eingestellt), /{PAGE} bis zur Netzwerkruhe; "
            "jede Antwort mit Kopf und komprimiertem Inhalt. Der Suchindex des Portals "
            f"(`{SEARCH_INDEX}`) wird nicht geladen, bevor jemand sucht; Materials Suche lädt "
            "ihren Index schon beim Seitenaufruf. Material ohne Anpassungen: dieselben "
            "deutschen Seiten, Navigation und Markdown-Erweiterungen (ohne die des Portals), "
            "keine Google Fonts (das Portal lädt nichts von fremden Servern).",
        ],
    )


def _stock_config(root: Path) -> Path:
    """A mkdocs.yml for the portal's German pages with Material as it comes."""
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    portal = portal_config()

    shutil.copytree(
        PROJECT_ROOT / "docs",
        docs,
        ignore=lambda folder, names: [name for name in names if name.endswith(".en.md")],
    )
    extensions = [_plain(extension) for extension in portal.get("markdown_extensions", [])]
    extensions = [e for e in extensions if not _name(e).startswith(OWN_EXTENSIONS)]
    config = {
        "site_name": portal["site_name"],
        "site_url": portal.get("site_url"),
        "docs_dir": str(docs),
        "theme": {"name": "material", "language": "de", "font": False},
        "plugins": ["search"],
        "markdown_extensions": extensions,
        "nav": portal["nav"],
        "validation": {"links": {"not_found": "info", "anchors": "info"}},
    }
    path = root / "mkdocs.yml"
    path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    return path


def _name(extension: str | dict[str, Any]) -> str:
    return extension if isinstance(extension, str) else next(iter(extension))


def _plain(extension: str | dict[str, Any]) -> str | dict[str, Any]:
    """The extension with only the options that survive JSON (no Python objects)."""
    if isinstance(extension, str):
        return extension
    name, options = next(iter(extension.items()))
    plain = {}
    for key, value in (options or {}).items():
        try:
            json.dumps(value)
        except TypeError:
            continue
        plain[key] = value
    return {name: plain}


def _visit(site: Path) -> Visit:
    by_kind: dict[str, int] = defaultdict(int)
    urls: list[str] = []
    failed: list[str] = []
    with nginx(site) as base_url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))
        try:
            page = browser.new_context(service_workers="block").new_page()
            page.goto(base_url + PAGE, wait_until="networkidle")
            page.wait_for_timeout(1000)
            responses = page.evaluate(_ENTRIES)
        finally:
            browser.close()
    for entry in responses:
        urls.append(entry["name"])
        if not entry["name"].startswith(base_url):
            failed.append(entry["name"])
            continue
        if entry.get("responseStatus", 200) >= 400:
            failed.append(entry["name"])
        by_kind[_kind(entry["name"], entry["initiatorType"])] += int(entry["transferSize"])
    return Visit(dict(by_kind), urls, failed)


# The Resource Timing entries of the page and the page itself: transferSize
# is headers plus the body as sent over the wire (compressed).
_ENTRIES = """() => [
  ...performance.getEntriesByType("navigation"),
  ...performance.getEntriesByType("resource"),
].map((e) => ({
  name: e.name, initiatorType: e.initiatorType, transferSize: e.transferSize,
  responseStatus: e.responseStatus,
}))"""


def _kind(url: str, initiator: str) -> str:
    path = url.split("?", 1)[0]
    for suffix, kind in (
        (".woff2", "Schriften"),
        (".css", "Stylesheets"),
        (".js", "Skripte"),
        (".json", "Suche (JSON)"),
        (".svg", "Bilder"),
        (".png", "Bilder"),
    ):
        if path.endswith(suffix):
            return kind
    return "HTML" if initiator == "navigation" else "Sonstiges"


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB".replace(".", ",")


MEASUREMENT = Measurement(
    name="weight",
    question="Was überträgt ein erster Besuch einer Inhaltsseite?",
    measure=measure,
)
