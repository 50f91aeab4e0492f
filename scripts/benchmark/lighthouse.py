"""Which Lighthouse scores does the portal reach, served as in operation?

Lighthouse (npm, pinned in package-lock.json) runs in Debian's Chromium,
headless, with its mobile defaults (simulated slow 4G and a CPU slowed down
four times) on the start page, one long chapter and the English start page.
The portal is built for its local address and served by Debian's nginx with
the repository's configuration (``benchmark.served``). Besides the four
scores, every request of each page view is checked: none may end in an HTTP
error, none may leave the machine.

Lighthouse's performance score depends on the CPU time the page costs, so on
a machine shared with other work it scatters; the other three do not. One
run takes 20–60 s per page, too long for the test command: it is measured
here, with ``make bench`` or ``python -m benchmark --only lighthouse``.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmark.harness import Answer, Context, Measurement
from benchmark.portal_config import PROJECT_ROOT
from benchmark.served import build_site, nginx
from portal_testkit.chromium import CHROMIUM, CHROMIUM_ARGS

PAGES = {"Startseite": "", "Kapitel": "hilfeplanverfahren/ablauf/", "Startseite (en)": "en/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE = PROJECT_ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
# Started as every browser run of the project (portal_testkit.chromium): headless, none of
# Chromium's own calls home, so that every request is the page's.
CHROMIUM_FLAGS = " ".join(("--headless=new", *CHROMIUM_ARGS))
TIMEOUT = 300


@dataclass(frozen=True)
class Report:
    """One page's Lighthouse result: the scores (0–100) and the problems of its requests."""

    scores: dict[str, int]
    problems: list[str]
    failing_audits: list[str]


def measure(context: Context) -> Answer:
    site = context.workdir / "lighthouse-site"
    context.say("  Portal bauen …")
    build_site(site)
    reports: dict[str, Report] = {}
    with nginx(site) as base_url:
        for name, path in PAGES.items():
            context.say(f"  Lighthouse: {name} …")
            reports[name] = run_lighthouse(base_url + path, base_url=base_url)
    rows = [
        "| Seite | Leistung | Barrierefreiheit | Best Practices | SEO |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    missed: list[str] = []
    for name, report in reports.items():
        rows.append(f"| {name} | " + " | ".join(str(report.scores[c]) for c in CATEGORIES) + " |")
        missed += [
            f"{name}: {category} {report.scores[category]} < {target}"
            for category, target in TARGETS.items()
            if report.scores[category] < target
        ]
        missed += [f"{name}: {problem}" for problem in report.problems]
    notes = [
        f"- {name}: " + ", ".join(report.failing_audits)
        for name, report in reports.items()
        if report.failing_audits
    ]
    summary = "; ".join(
        f"{name} " + "/".join(str(report.scores[c]) for c in CATEGORIES)
        for name, report in reports.items()
    )
    verdict = "alle Ziele erreicht" if not missed else "verfehlt: " + "; ".join(missed)
    return Answer(
        summary=f"{summary} (Leistung/Barrierefreiheit/Best Practices/SEO; {verdict})",
        details=[
            *rows,
            "",
            "Ziele: Leistung ≥ 95, die anderen drei 100; keine Anfrage endet mit einem "
            "HTTP-Fehler oder verlässt den Rechner. Lighthouse "
            f"{_lighthouse_version()} (npm) in Debians Chromium, mobil, Debians nginx mit "
            "`scripts/deploy/nginx/`.",
            *(["", "Nicht bestandene Prüfungen:", *notes] if notes else []),
        ],
    )


def run_lighthouse(url: str, *, base_url: str) -> Report:
    """Run Lighthouse once on `url`; the scores and what its requests did wrong."""
    with tempfile.TemporaryDirectory(prefix="portal-lighthouse-") as temporary:
        output = Path(temporary) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROMIUM_FLAGS}",
        ]
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
            # chrome-launcher takes the browser from CHROME_PATH; TMPDIR keeps
            # its profile folder inside this run's temporary folder.
            env={**os.environ, "CHROME_PATH": str(CHROMIUM), "TMPDIR": temporary},
        )
        if result.returncode != 0 or not output.is_file():
            raise RuntimeError(f"Lighthouse scheitert an {url}: {result.stderr.strip()[-500:]}")
        data: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return read_report(data, base_url=base_url)


def read_report(data: dict[str, Any], *, base_url: str) -> Report:
    """Scores and request problems from a Lighthouse JSON report."""
    scores = {
        category: round(100 * float(data["categories"][category]["score"] or 0))
        for category in CATEGORIES
    }
    host = urlsplit(base_url).netloc
    problems: list[str] = []
    requests = data["audits"]["network-requests"]["details"]["items"]
    for request in requests:
        url = str(request["url"])
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            problems.append(f"Anfrage an einen fremden Host: {url}")
        elif int(request.get("statusCode") or 0) >= 400:
            problems.append(f"HTTP {request['statusCode']}: {url}")
    failing = [
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and float(audit["score"]) < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    ]
    return Report(scores, problems, sorted(failing))


def _lighthouse_version() -> str:
    package = LIGHTHOUSE.parents[1] / "package.json"
    return str(json.loads(package.read_text(encoding="utf-8"))["version"])


MEASUREMENT = Measurement(
    name="lighthouse",
    question="Welche Lighthouse-Werte erreicht das Portal?",
    measure=measure,
)
