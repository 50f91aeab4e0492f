"""Run `mkdocs build` as a subprocess and measure it: wall time, CPU time, peak memory.

Every build is its own process, so no run inherits another's caches, and the
operating system reports the child's resources exactly: ``os.wait4`` returns
the rusage of that one child (``RUSAGE_CHILDREN`` would give the maximum over
all children so far, which hides a smaller build after a large one).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from portal.bench.project import PROJECT_ROOT, language_prefixes

BUILD_TIMEOUT = 3600.0
"""Seconds before a build is killed; a 5,000-page build takes minutes, not an hour."""


@dataclass(frozen=True)
class Run:
    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User plus system seconds of the build process: less disturbed by other load."""
    max_rss_kib: int
    returncode: int
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith("WARNING")]

    def errors(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith("ERROR")]


def mkdocs_environment() -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def run_measured(command: list[str], *, timeout: float = BUILD_TIMEOUT) -> Run:
    """Run `command` in the project root; its output goes to a file, not a pipe."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=mkdocs_environment(),
        )
        # wait4 blocks without a timeout of its own; the timer ends a hung build.
        watchdog = threading.Timer(timeout, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        max_rss_kib=usage.ru_maxrss,
        returncode=process.returncode,
        log=text,
    )


def build(config: Path) -> Run:
    """`python -m mkdocs build` with the given config, as a fresh process."""
    return run_measured([sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)])


@dataclass(frozen=True)
class SiteSize:
    total_bytes: int
    files: int
    search_index_bytes: dict[str, int]
    """Locale → size of its search_index.json."""


def measure_site(site_dir: Path) -> SiteSize:
    total = files = 0
    for path in site_dir.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            files += 1
    search = {}
    for locale, prefix in language_prefixes().items():
        index = site_dir / prefix / "search" / "search_index.json"
        search[locale] = index.stat().st_size if index.is_file() else 0
    return SiteSize(total, files, search)


@dataclass(frozen=True)
class Measurement:
    """All runs of one variant at one corpus size."""

    variant: str
    size: int
    runs: tuple[Run, ...]
    site: SiteSize

    @property
    def counted(self) -> tuple[Run, ...]:
        """The successful runs, or all of them if none succeeded."""
        return tuple(run for run in self.runs if run.ok) or self.runs

    @property
    def wall(self) -> float:
        return statistics.median(run.wall for run in self.counted)

    @property
    def cpu(self) -> float:
        return statistics.median(run.cpu for run in self.counted)

    @property
    def max_rss_mib(self) -> float:
        return max(run.max_rss_kib for run in self.runs) / 1024

    @property
    def ok(self) -> bool:
        return all(run.ok for run in self.runs)

    @property
    def warnings(self) -> int:
        return len(self.runs[-1].warnings())
