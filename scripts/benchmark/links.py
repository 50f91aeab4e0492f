"""Does every link and every anchor of the served portal lead somewhere?

The real portal, built strictly and served on 127.0.0.1, checked by
LinkChecker with its anchor plugin from the start page of each language
(portal_testkit/linkchecker.py). It is here and not in the test command because
LinkChecker fetches and parses a page again for each "page#anchor" — the
test command checks pages only, and the build's link guard every anchor
from the sources. The anchor plugin is a second opinion that can miss a
broken anchor (see ANCHOR_PLUGIN in portal_testkit/linkchecker.py).
"""

from __future__ import annotations

import subprocess
import sys
import time

from benchmark.builds import environment
from benchmark.harness import Answer, BuildFailed, Context, Measurement, seconds
from benchmark.portal_config import PROJECT_ROOT
from portal.languages import load_languages
from portal_testkit.linkchecker import linkchecker_problems


def measure(context: Context) -> Answer:
    site = context.workdir / "portal-site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=PROJECT_ROOT,
        env=environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if build.returncode != 0:
        raise BuildFailed(build.stdout + build.stderr)
    starts = [language.prefix for language in load_languages(PROJECT_ROOT / "mkdocs.yml")]
    began = time.perf_counter()
    problems = linkchecker_problems(site, starts, anchors=True)
    took = time.perf_counter() - began
    verdict = "keine kaputten Links oder Anker" if not problems else f"{len(problems)} Probleme"
    return Answer(
        summary=f"LinkChecker mit Ankerprüfung über das ausgelieferte Portal: {verdict} "
        f"({seconds(took)})",
        details=[
            "LinkChecker (PyPI, gepinnt) mit dem Plugin AnchorCheck, ab der Startseite "
            "jeder Sprache, über das Portal auf 127.0.0.1.",
            "",
            *(f"- {problem}" for problem in problems),
        ],
    )


MEASUREMENT = Measurement(
    name="links",
    question="Führt jeder Link und jeder Anker des ausgelieferten Portals ans Ziel?",
    measure=measure,
)
