"""How long do the PDF editions take, and do builds without them stay as fast?

The real portal (docs/ of the repository), built with the PDF editions and
without (``PORTAL_PDF=false``), `repeat` times each, alternating. The hook
(``hooks/editions.py``) logs the wall and CPU seconds of every edition it
lays out; the difference of the two builds' CPU times is what the editions
cost a build. The issue asks for at most 30 s for both editions.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from benchmark.builds import Run, build
from benchmark.harness import Answer, BuildFailed, Context, Measurement, median, number, seconds
from benchmark.portal_config import MKDOCS_YML, PROJECT_ROOT, portal_hooks
from portal.downloads import size_label

LIMIT = 30.0
"""Seconds the issue allows for both editions."""
LINE = re.compile(
    r"PDF-Ausgabe (?P<path>\S+) \((?P<size>\d+) Bytes\): (?P<wall>[\d.]+) s, CPU (?P<cpu>[\d.]+) s"
)


def measure(context: Context) -> Answer:
    runs: dict[bool, list[Run]] = {True: [], False: []}
    for _ in range(context.repeat):
        for pdf in (True, False):
            runs[pdf].append(_build(context.workdir, pdf=pdf))
            context.say(
                f"  Portal {'mit' if pdf else 'ohne'} PDF: CPU {runs[pdf][-1].cpu:.2f} s, "
                f"Wand {runs[pdf][-1].wall:.2f} s"
            )
    editions: dict[str, list[tuple[float, float, int]]] = {}
    for run in runs[True]:
        for match in LINE.finditer(run.log):
            editions.setdefault(match["path"], []).append(
                (float(match["wall"]), float(match["cpu"]), int(match["size"]))
            )
    if not editions:
        raise BuildFailed("Der Build mit PDF hat keine PDF-Ausgabe gemeldet")
    wall = {path: median([w for w, _, _ in values]) for path, values in editions.items()}
    cpu = {path: median([c for _, c, _ in values]) for path, values in editions.items()}
    german = [path for path in editions if path.startswith("pdf/")]
    both_wall, both_cpu = sum(wall[p] for p in german), sum(cpu[p] for p in german)
    with_pdf, without_pdf = (median([run.cpu for run in runs[flag]]) for flag in (True, False))
    verdict = "eingehalten" if both_wall <= LIMIT else "überschritten"
    rows = [
        f"| `{path}` | {size_label(editions[path][-1][2], language='de')} "
        f"| {number(wall[path])} | {number(cpu[path])} |"
        for path in sorted(editions)
    ]
    return Answer(
        summary=(
            f"Die beiden deutschen PDF-Ausgaben brauchen {seconds(both_wall)} "
            f"(CPU {seconds(both_cpu)}; Vorgabe höchstens {seconds(LIMIT)}: {verdict}); "
            f"alle {len(editions)} Ausgaben {seconds(sum(wall.values()))}. "
            f"Build mit PDF {seconds(with_pdf)} CPU, ohne {seconds(without_pdf)}"
        ),
        details=[
            f"Das Portal selbst (docs/), {context.repeat} Builds mit und ohne PDF "
            "(`PORTAL_PDF=false`), im Wechsel; je Ausgabe Wand- und CPU-Sekunden, die "
            "`hooks/editions.py` für das Setzen mit WeasyPrint meldet (Median).",
            "",
            "| Ausgabe | Größe | Wand s | CPU s |",
            "| --- | ---: | ---: | ---: |",
            *rows,
            "",
            f"CPU-Zeit des ganzen Builds (Median): mit PDF {number(with_pdf)} s, "
            f"ohne {number(without_pdf)} s.",
        ],
    )


def _build(workdir: Path, *, pdf: bool) -> Run:
    site = workdir / f"portal-{'pdf' if pdf else 'ohne-pdf'}"
    shutil.rmtree(site, ignore_errors=True)
    config = workdir / f"mkdocs-portal-{'pdf' if pdf else 'ohne-pdf'}.yml"
    # Paths of an INHERITing file are relative to its own folder: name the
    # portal's docs, templates and hooks by their full paths.
    hooks = "".join(f"  - {PROJECT_ROOT / hook}\n" for hook in portal_hooks())
    config.write_text(
        f"INHERIT: {MKDOCS_YML}\ndocs_dir: {PROJECT_ROOT / 'docs'}\nsite_dir: {site}\n"
        f"theme:\n  name: material\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        f"hooks:\n{hooks}",
        encoding="utf-8",
    )
    run = build(config, env={"PORTAL_PDF": "true" if pdf else "false"})
    if run.returncode != 0:
        tail = "\n".join(run.log.splitlines()[-15:])
        raise BuildFailed(f"Build des Portals {'mit' if pdf else 'ohne'} PDF gescheitert:\n{tail}")
    return run


MEASUREMENT = Measurement(
    "editions",
    "Wie lange brauchen die PDF-Ausgaben, und bleibt ein Build ohne sie so schnell?",
    measure,
)
