"""How fast does the search answer, and what does it cost a page view?

The full portal and the same corpus with Material's own search (the portal's
content and configuration without its hooks, and so without its templates,
which need the stages' template filters: ``builds.STOCK_MATERIAL``), each
served on 127.0.0.1 and searched in Debian's Chromium with the CPU slowed
down four times (Chrome DevTools' throttling, as for a modest phone): the
German start page, then „Hilfeplan“ typed key by key. Measured in the page:
from the first keystroke to the first results (for the portal including the
download of its index, which starts only then), from each later keystroke to
its results, and for Material the time from opening the page until its
worker is ready (every page view pays it). Sizes: what a page view downloads
for search, and the portal's index with and without compound splitting,
built from the same entries.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from benchmark.builds import PORTAL, STOCK_MATERIAL
from benchmark.harness import Answer, Context, Measurement, number
from portal.search import Language, localize_index
from portal.search.index import IndexOptions, build_index
from portal_testkit.chromium import CHROMIUM, CHROMIUM_ARGS
from portal_testkit.local_server import serve

QUERY = "Hilfeplan"
THROTTLE = 4
KEY_DELAY_MS = 250
FIRST_TARGET = 1.5
LATER_TARGET = 0.3
SIZE_TARGET = 1.5

# Timestamps of keystrokes, of the messages to the search worker and of its
# answers (Material's message types: 1 ready, 2 query, 3 result).
PROBE_JS = """
(() => {
  const bench = window.__bench = {start: performance.now(), keys: [], queries: [], results: [],
                                  ready: null};
  document.addEventListener('keydown', () => bench.keys.push(performance.now()), true);
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', event => {
        const type = event.data && event.data.type;
        if (type === 1) bench.ready = performance.now();
        if (type === 3) bench.results.push(performance.now());
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) bench.queries.push([performance.now(), message.data]);
      return super.postMessage(message, ...rest);
    }
  };
})();
"""


def measure(context: Context) -> Answer:
    portal, material = PORTAL, STOCK_MATERIAL
    timings = {
        variant: _search_timings(context.built_site(context.pages, variant))
        for variant in (portal, material)
    }
    sizes = _index_sizes(context.built_site(context.pages, material))
    portal_site = context.built_site(context.pages, portal)
    page_view = {
        portal: (portal_site / "search" / "search_index.json").stat().st_size,
        material: sizes["material"],
    }
    corpus = context.corpus(context.pages)
    rows = [
        f"| {variant.name} | {_s(t['first'])} | {_s(t['later_median'])} / {_s(t['later_max'])} "
        f"| {_s(t['ready']) if t['ready'] is not None else '–'} "
        f"| {number(page_view[variant] / 1024, 1)} KB |"
        for variant, t in timings.items()
    ]
    ratio = sizes["split"] / sizes["unsplit"]
    first, later = timings[portal]["first"], timings[portal]["later_max"]
    met = first <= FIRST_TARGET and later <= LATER_TARGET and ratio <= SIZE_TARGET
    return Answer(
        summary=(
            f"Suche bei {corpus.german_pages} Seiten, CPU ÷{THROTTLE}: erste Treffer "
            f"{_s(first)} nach dem ersten Tastendruck (Index geladen), weitere Tasten höchstens "
            f"{_s(later)}; Index {number(ratio)}-fach mit Wortteilen; Seitenaufruf lädt "
            f"{number(page_view[portal] / 1024, 1)} KB statt "
            f"{number(page_view[material] / 1024, 1)} KB — Ziele "
            f"{'erreicht' if met else 'verfehlt'}"
        ),
        details=[
            f"Korpus: {corpus.german_pages} deutsche Seiten, deutsche Startseite, „{QUERY}“ "
            f"Taste für Taste ({KEY_DELAY_MS} ms Abstand), Chromium mit CPU-Drosselung "
            f"÷{THROTTLE}. Ziele: erste Treffer ≤ {number(FIRST_TARGET, 1)} s, weitere "
            f"≤ {number(LATER_TARGET, 1)} s, Index ≤ {number(SIZE_TARGET, 1)}× ohne Wortteile.",
            "",
            "| Suche | erste Treffer | weitere Tasten (Median / Max) | Worker bereit nach "
            "Seitenaufruf | Seitenaufruf lädt |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            f"Index des Portals (deutsch, aus denselben Einträgen): "
            f"{number(sizes['split'] / 1024, 1)} KB mit Wortteilen, "
            f"{number(sizes['unsplit'] / 1024, 1)} KB ohne ({number(ratio)}×); Materials "
            f"Index beider Sprachen: {number(sizes['material'] / 1024, 1)} KB.",
        ],
    )


def _s(value: float) -> str:
    return f"{number(value)} s"


def _search_timings(site: Path) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with serve(site) as base_url, sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
            page.add_init_script(PROBE_JS)
            page.context.new_cdp_session(page).send(
                "Emulation.setCPUThrottlingRate", {"rate": THROTTLE}
            )
            page.goto(base_url, wait_until="load")
            page.wait_for_function("() => window.__bench.ready !== null", timeout=120_000)
            page.wait_for_load_state("networkidle")
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially(QUERY, delay=KEY_DELAY_MS)
            page.wait_for_function(
                "q => { const b = window.__bench; return b.queries.length && "
                "b.queries[b.queries.length - 1][1] === q && "
                "b.results.length === b.queries.length; }",
                arg=QUERY,
                timeout=120_000,
            )
            bench = page.evaluate("() => window.__bench")
        finally:
            browser.close()
    return _latencies(bench)


def _latencies(bench: dict[str, Any]) -> dict[str, Any]:
    """Seconds from each keystroke to the results of the query it made."""
    answered = dict(zip((text for _, text in bench["queries"]), bench["results"], strict=True))
    latencies = []
    for number_, key in enumerate(bench["keys"]):
        result = answered.get(QUERY[: number_ + 1])
        if result is not None:
            latencies.append((result - key) / 1000)
    later = latencies[1:] or [0.0]
    return {
        "first": latencies[0],
        "later_median": statistics.median(later),
        "later_max": max(later),
        "ready": (bench["ready"] - bench["start"]) / 1000 if bench["ready"] else None,
    }


def _index_sizes(material_site: Path) -> dict[str, int]:
    """Bytes of Material's index, and of the portal's German index with and without parts."""
    path = material_site / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    german = Language(locale="de", prefix="", name="Deutsch")
    english = Language(locale="en", prefix="en/", name="English")
    entries = localize_index(
        data["docs"], base_config=data["config"], language=german, languages=[german, english]
    )["docs"]
    sizes = {"material": path.stat().st_size}
    for name, split in (("split", True), ("unsplit", False)):
        index = build_index(entries, IndexOptions(locale="de", split_compounds=split))
        sizes[name] = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode())
    return sizes


MEASUREMENT = Measurement(
    name="search",
    question="Wie schnell antwortet die Suche, und was kostet sie einen Seitenaufruf?",
    measure=measure,
    default=False,
)
