"""How fast is ``python -m portal check`` — on the real portal and against a full build?

The editors' fast check must answer within 2 s on the portal itself and take
at most a tenth of a full build of a 1,000-page site. Both are measured as
separate processes (``os.wait4``: CPU of exactly that process, and wall
clock), the median of `repeat` runs; the build is the guards measurement's
full build of the same corpus (reused when both run).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from benchmark.builds import environment, write_config
from benchmark.harness import Answer, Context, Measurement, median, number, percent, seconds
from benchmark.portal_config import PROJECT_ROOT

REAL_SITE_LIMIT = 2.0
"""Seconds (wall clock) the check may take on the portal itself."""
BUILD_SHARE_LIMIT = 0.1
"""Share of a full build's CPU time the check may take on the large corpus."""


def measure(context: Context) -> Answer:
    corpus = context.corpus(context.pages)
    # `check` finds the checkout by its mkdocs.yml, as in an editor's clone.
    write_config(corpus)
    real = [_check(PROJECT_ROOT) for _ in range(context.repeat)]
    large = [_check(corpus.root) for _ in range(context.repeat)]
    build = median(context.cpu_times(context.pages))
    real_wall, real_cpu = median([run[0] for run in real]), median([run[1] for run in real])
    large_wall, large_cpu = median([run[0] for run in large]), median([run[1] for run in large])
    share = large_cpu / build
    pages = f"{corpus.german_pages} + {corpus.english_pages}"
    verdict = (
        "beide Vorgaben erfüllt"
        if real_wall <= REAL_SITE_LIMIT and share <= BUILD_SHARE_LIMIT
        else "Vorgabe verfehlt"
    )
    return Answer(
        summary=(
            f"`check` braucht für das Portal {seconds(real_wall)} (Vorgabe ≤ 2 s) und bei "
            f"{pages} Seiten {seconds(large_cpu)} CPU, {percent(share)} eines vollen Builds "
            f"({seconds(build)}; Vorgabe ≤ 10 %): {verdict}"
        ),
        details=[
            f"Median aus {context.repeat} Läufen je Site, jeder ein eigener Prozess "
            "`python -m portal check` (mit dem Start von Python und dem Laden der Schemas).",
            "",
            "| Site | Wand s | CPU s | Rückgabewert |",
            "| --- | ---: | ---: | --- |",
            f"| Portal (`docs/`) | {number(real_wall)} | {number(real_cpu)} | {real[0][2]} |",
            f"| Korpus {pages} Seiten | {number(large_wall)} | {number(large_cpu)} "
            f"| {large[0][2]} |",
            "",
            f"Voller Build desselben Korpus: {seconds(build)} CPU (Median).",
        ],
    )


def _check(root: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit code of one `python -m portal check` in `root`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "portal", "check"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=environment(),
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


MEASUREMENT = Measurement(
    name="check",
    question="Wie schnell ist `python -m portal check`?",
    measure=measure,
)
