"""How does the build time grow with the number of pages?

The full portal at each corpus size (100 and 1,000 by default; 5,000 with
``--sizes 100,1000,5000``), median CPU time of `repeat` builds, and the
factor from one size to the next against the factor in pages.
"""

from __future__ import annotations

from benchmark.harness import Answer, Context, Measurement, median, number


def measure(context: Context) -> Answer:
    sizes = sorted(context.sizes)
    cpu = {size: median(context.cpu_times(size)) for size in sizes}
    rows = []
    for previous, size in zip([None, *sizes], sizes, strict=False):
        corpus = context.corpus(size)
        growth = "–" if previous is None else number(cpu[size] / cpu[previous])
        pages = "–" if previous is None else number(size / previous, 0)
        rows.append(
            f"| {corpus.german_pages} + {corpus.english_pages} | {number(cpu[size])} "
            f"| {number(cpu[size] / size * 1000, 1)} | {pages} | {growth} |"
        )
    smallest, largest = sizes[0], sizes[-1]
    factor = cpu[largest] / cpu[smallest]
    return Answer(
        summary=(
            f"{largest / smallest:.0f}-mal so viele Seiten ({smallest} → {largest}) brauchen "
            f"das {number(factor)}-Fache an CPU-Zeit ({number(cpu[smallest])} s → "
            f"{number(cpu[largest])} s)"
        ),
        details=[
            f"Voller Build des Portals, Median aus {context.repeat} Builds je Größe, CPU-Zeit "
            "des Build-Prozesses. Ein Faktor unter dem Faktor der Seiten heißt: Fixkosten "
            "(Start, Theme, Glossar) verteilen sich; darüber: etwas wächst schneller als linear.",
            "",
            "| Seiten (de + en) | CPU s | ms je deutsche Seite | × Seiten | × CPU |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
        ],
    )


MEASUREMENT = Measurement(
    name="scaling",
    question="Wie wächst die Buildzeit mit der Zahl der Seiten?",
    measure=measure,
)
