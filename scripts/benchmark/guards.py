"""What do the guards cost a build (of 1,000 pages by default)?

The full portal against the portal without the hooks that check
(``portal_config.GUARDS``: metadata, emphasis, links), each built `repeat`
times; the median CPU times and their ratio. Then the two largest guards'
plain functions over the same corpus, called directly, to show where the
cost goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from benchmark.builds import full_portal, without_guards
from benchmark.harness import Answer, Context, Measurement, median, number, percent, seconds
from benchmark.portal_config import GUARDS, portal_languages
from portal import sources
from portal.links import check_site
from portal.metadata.check import check_docs


def measure(context: Context) -> Answer:
    full, bare = full_portal(), without_guards()
    times = context.cpu_times(context.pages, [full, bare])
    with_guards, without = median(times[full]), median(times[bare])
    corpus = context.corpus(context.pages)
    site = context.built_site(context.pages)
    languages = portal_languages()

    def check_sources() -> object:
        # The core keeps parsed sources per process (for `mkdocs serve`); a
        # build starts without them, so every timed call does too.
        sources._caches.clear()
        return check_docs(corpus.docs_dir, project_root=corpus.root, languages=languages)

    metadata = _cpu_median(check_sources, repeat=context.repeat)
    links = _cpu_median(
        lambda: check_site(
            site, project_root=corpus.root, docs_dir=corpus.docs_dir, languages=languages
        ),
        repeat=context.repeat,
    )
    pages = f"{corpus.german_pages} + {corpus.english_pages}"
    ratio = with_guards / without
    return Answer(
        summary=(
            f"Bei {pages} Seiten kostet ein Build mit den Prüfungen {seconds(with_guards)} CPU, "
            f"ohne sie {seconds(without)}: Faktor {number(ratio, 3)} "
            f"({percent(ratio - 1)})"
        ),
        details=[
            f"Median aus {context.repeat} Builds je Variante, CPU-Zeit des Build-Prozesses, "
            f"Korpus {pages} Seiten (deutsch + englisch). Prüfungen: "
            + ", ".join(f"`{hook}`" for hook in GUARDS)
            + "; die übrigen Hooks bauen, was Leser*innen sehen, und laufen in beiden Builds.",
            "",
            "| Build | CPU s (Median) | Läufe |",
            "| --- | ---: | --- |",
            f"| {full.name} | {number(with_guards)} | {_runs(times[full])} |",
            f"| {bare.name} | {number(without)} | {_runs(times[bare])} |",
            "",
            "Die Prüfungen als Funktionen, direkt aufgerufen (CPU-Zeit im Prozess, Median):",
            "",
            f"- `portal.metadata.check.check_docs` über alle Quellen: {seconds(metadata)}",
            f"- `portal.links.check_site` über die gebaute Site: {seconds(links)}",
        ],
    )


def _cpu_median(call: Callable[[], object], *, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return median(times)


def _runs(times: list[float]) -> str:
    return ", ".join(number(value) for value in times)


MEASUREMENT = Measurement(
    name="guards",
    question="Was kosten die Prüfungen einen Build?",
    measure=measure,
)
