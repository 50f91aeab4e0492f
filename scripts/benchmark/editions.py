"""What do the PDF editions cost a build, and does a save in the preview stay fast with them?

The real portal (docs/ of the repository) built three ways, in turn,
`repeat` times: without the editions (``PORTAL_PDF=false``); with them and
an empty cache, so WeasyPrint lays out every edition; and with them again,
so every edition is copied from the cache (``.cache/editions``, by a digest
of its inputs), as on a save under ``make serve`` that changes no chapter.
Cold minus off is what laying the editions out costs (the issue allows the
two German ones 30 s); warm against off is what PDFs on cost a rebuild.
The build's folder, and so its cache, is in the benchmark's work folder:
the checkout's own cache stays as it is.
"""

from __future__ import annotations

import shutil

from benchmark.builds import Run, build, inheriting
from benchmark.harness import Answer, BuildFailed, Context, Measurement, median, number, seconds
from benchmark.portal_config import PROJECT_ROOT, portal_languages
from portal.downloads import size_label
from portal.editions import EDITIONS
from portal.stages.finish import EDITIONS_CACHE

LIMIT = 30.0
"""Seconds (wall clock) the issue allows for both German editions."""
WAYS = {"off": "ohne PDF", "cold": "mit PDF, leerer Cache", "warm": "mit PDF, voller Cache"}


def measure(context: Context) -> Answer:
    folder = context.workdir / "portal-editions"
    site = folder / "site"
    config = inheriting(
        folder / "mkdocs.yml", {"docs_dir": str(PROJECT_ROOT / "docs"), "site_dir": str(site)}
    )
    cache = folder / EDITIONS_CACHE
    runs: dict[str, list[Run]] = {way: [] for way in WAYS}
    for _ in range(context.repeat):
        for way, name in WAYS.items():
            if way == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            run = build(config, env={"PORTAL_PDF": "false" if way == "off" else "true"})
            if run.returncode != 0:
                tail = "\n".join(run.log.splitlines()[-15:])
                raise BuildFailed(f"Build des Portals {name} gescheitert:\n{tail}")
            runs[way].append(run)
            context.say(f"  Portal {name}: CPU {run.cpu:.2f} s, Wand {run.wall:.2f} s")
        if not any(cache.glob("*.pdf")):
            raise BuildFailed(f"Der Build mit PDF hat in {cache} keine Ausgabe abgelegt")
    wall = {way: median([run.wall for run in runs[way]]) for way in WAYS}
    cpu = {way: median([run.cpu for run in runs[way]]) for way in WAYS}
    editions = [
        path
        for language in portal_languages()
        for edition in EDITIONS
        if (site / (path := edition.path(language))).is_file()
    ]
    laid_out, ratio = wall["cold"] - wall["off"], cpu["warm"] / cpu["off"]
    verdict = "eingehalten" if laid_out <= LIMIT else "überschritten"
    return Answer(
        summary=(
            f"Die {len(editions)} PDF-Ausgaben kosten einen Build {seconds(laid_out)} "
            f"(CPU {seconds(cpu['cold'] - cpu['off'])}; Vorgabe für die beiden deutschen "
            f"höchstens {seconds(LIMIT)}: {verdict}); aus dem Cache braucht ein Build mit PDF "
            f"das {number(ratio)}-Fache der CPU-Zeit eines Builds ohne"
        ),
        details=[
            f"Das Portal selbst (docs/), je {context.repeat} Builds der drei Arten im Wechsel "
            "(Median). Die Kosten der Ausgaben: mit PDF und leerem Cache minus ohne PDF; das "
            "schließt die englischen Ausgaben ein, die Vorgabe gilt den deutschen. Mit vollem "
            "Cache kopiert der Build jede Ausgabe, wie ein Neubau der Vorschau, der kein "
            "Kapitel einer Ausgabe ändert.",
            "",
            "| Build | Wand s | CPU s |",
            "| --- | ---: | ---: |",
            *[
                f"| {name} | {number(wall[way])} | {number(cpu[way])} |"
                for way, name in WAYS.items()
            ],
            "",
            "Ausgaben: "
            + ", ".join(
                f"`{path}` ({size_label((site / path).stat().st_size, language='de')})"
                for path in editions
            )
            + ".",
        ],
    )


MEASUREMENT = Measurement(
    "editions",
    "Was kosten die PDF-Ausgaben einen Build, und bleibt die Vorschau mit ihnen schnell?",
    measure,
)
