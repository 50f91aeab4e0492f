"""What do the checks cost a build (of 1,000 pages by default)?

The full build of the corpus, `repeat` times (median CPU), and the checks
the build runs, called directly in this process on the same corpus: the
prepare stage (every check of the sources, ``prepare(load_site(...))``) and
the link guard over the built site (``portal.links.check_site``). Their
share of the build is what the checks cost; a corpus they find anything in
would measure reporting instead of checking, so findings fail the
measurement.
"""

from __future__ import annotations

from dataclasses import dataclass

from benchmark.builds import environment
from benchmark.harness import (
    Answer,
    BuildFailed,
    Context,
    Measurement,
    cpu_median,
    median,
    number,
    percent,
    seconds,
)
from portal import sources
from portal.findings import Finding
from portal.links import check_site
from portal.project import find_project
from portal.site.model import Site, load_site
from portal.stages.prepare import Prepared, prepare


@dataclass(frozen=True)
class Costs:
    """CPU seconds (medians) of the full build and of the checks called directly."""

    pages: str
    """``"1000 + 399"``: German and English pages."""
    builds: list[float]
    prepare: float
    links: float
    findings: tuple[Finding, ...]
    """What the checks found: nothing, in a corpus that measures checking."""

    @property
    def build(self) -> float:
        return median(self.builds)


def costs(context: Context) -> Costs:
    """Build the corpus, then time the checks called directly."""
    builds = context.cpu_times(context.pages)
    corpus = context.corpus(context.pages)
    site_dir = context.built_site(context.pages)
    project = find_project(corpus.root)  # the corpus's mkdocs.yml, written for the build

    def load() -> Site:
        # The core keeps parsed sources per process (for `mkdocs serve`); a
        # build starts without them, so every timed call does too.
        sources._caches.clear()
        return load_site(project, environ=environment())

    prepared: list[Prepared] = []
    prepare_cpu = cpu_median(lambda: prepared.append(prepare(load())), repeat=context.repeat)
    site = prepared[-1].site
    broken: list[list[Finding]] = []
    links_cpu = cpu_median(
        lambda: broken.append(
            check_site(
                site_dir,
                project_root=site.root,
                docs_dir=site.docs_dir,
                config_file=project.config_file,
                languages=site.languages,
                redirects=site.redirects,
            )
        ),
        repeat=context.repeat,
    )
    return Costs(
        f"{corpus.german_pages} + {corpus.english_pages}",
        builds,
        prepare_cpu,
        links_cpu,
        (*prepared[-1].findings, *broken[-1]),
    )


def measure(context: Context) -> Answer:
    found = costs(context)
    if found.findings:
        listed = "\n".join(str(finding) for finding in found.findings[:15])
        raise BuildFailed(
            f"Die Prüfungen finden im Korpus {len(found.findings)} Befunde:\n{listed}"
        )
    build, checks = found.build, found.prepare + found.links
    return Answer(
        summary=(
            f"Bei {found.pages} Seiten kostet ein Build {seconds(build)} CPU; die Prüfungen "
            f"darin {seconds(checks)} ({percent(checks / build)}): die der Quellen "
            f"{seconds(found.prepare)}, die Linkprüfung {seconds(found.links)}"
        ),
        details=[
            f"Voller Build des Korpus ({found.pages} Seiten, deutsch + englisch): Median aus "
            f"{context.repeat} Builds, CPU-Zeit des Build-Prozesses "
            f"({', '.join(number(value) for value in found.builds)} s). Die Prüfungen: "
            "dieselben Funktionen, die der Build aufruft, direkt in diesem Prozess über "
            "dasselbe Korpus (CPU-Zeit, Median); sie finden nichts. Die Prüfung der Quellen "
            "schließt das Lesen der Dateien ein, das der Build ohnehin braucht.",
            "",
            "| Prüfung | CPU s (Median) | Anteil am Build |",
            "| --- | ---: | ---: |",
            f"| Quellen: `prepare(load_site(…))` | {number(found.prepare)} "
            f"| {percent(found.prepare / build)} |",
            f"| Links und Anker der gebauten Site: `portal.links.check_site` "
            f"| {number(found.links)} | {percent(found.links / build)} |",
            f"| zusammen | {number(checks)} | {percent(checks / build)} |",
        ],
    )


MEASUREMENT = Measurement(
    name="guards",
    question="Was kosten die Prüfungen einen Build?",
    measure=measure,
)
