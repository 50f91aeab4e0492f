"""Build a corpus with the portal's configuration, as a child process, and time it.

Every build is a fresh ``python -m mkdocs build``, so no run inherits
another's caches. ``os.wait4`` returns the CPU time of exactly that child:
on a machine shared with other work, CPU time scatters far less than the
wall clock.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from benchmark.corpus import Corpus
from benchmark.portal_config import MKDOCS_YML, PROJECT_ROOT, portal_config, portal_hooks

BUILD_TIMEOUT = 3600.0
"""Seconds before a build is killed; a 5,000-page build takes minutes."""


@dataclass(frozen=True)
class Variant:
    """The portal, or Material with the portal's content and configuration only."""

    name: str
    stages: bool = True
    """The portal's hooks (its build stages) and templates; without them, Material's own."""

    @property
    def slug(self) -> str:
        return "".join(c if c.isascii() and c.isalnum() else "-" for c in self.name.lower())


PORTAL = Variant("Portal")
STOCK_MATERIAL = Variant("Material ohne die Stufen und Vorlagen des Portals", stages=False)
"""For the search comparison: the portal's templates need the template globals and filters
of its stages (``portal_label``, …), so leaving out the hooks leaves out the templates too."""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    """User plus system seconds of the build process."""
    returncode: int
    log: str


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "NO_COLOR": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        # The corpus has an "einarbeitung" section: its PDF edition would be a
        # book of hundreds of generated pages. The editions are measured on
        # the real portal (benchmark.editions).
        "PORTAL_PDF": "false",
        **(extra or {}),
    }


def inheriting(path: Path, settings: Mapping[str, object], *, stages: bool = True) -> Path:
    """Write `path`: a mkdocs.yml that INHERITs the portal's and replaces `settings`.

    Paths in an INHERITing file are relative to its own folder, so the
    portal's hooks and templates are named by their full paths. Without
    `stages`, the build runs no hook and Material's own templates.
    """
    templates = PROJECT_ROOT / "overrides"
    if not stages:
        templates = path.parent / "ohne-vorlagen"
        templates.mkdir(parents=True, exist_ok=True)
    config = {
        "theme": {"name": "material", "custom_dir": str(templates)},
        "hooks": [str(PROJECT_ROOT / hook) for hook in portal_hooks()] if stages else [],
        **settings,
    }
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"INHERIT: {MKDOCS_YML}\n{body}", encoding="utf-8")
    return path


def write_config(corpus: Corpus, variant: Variant = PORTAL) -> Path:
    """The corpus's mkdocs.yml, or a variant's beside it: the corpus's pages and nav."""
    # The portal's is the checkout's mkdocs.yml, where `python -m portal check` looks.
    name = "mkdocs.yml" if variant == PORTAL else f"mkdocs-{variant.slug}.yml"
    settings = {
        "docs_dir": str(corpus.docs_dir),
        "site_dir": str(site_dir(corpus, variant)),
        "nav": corpus.nav,
        # INHERIT replaces this string: keep the portal's patterns, add the corpus's.
        "not_in_nav": f"{portal_config().get('not_in_nav') or ''}{corpus.not_in_nav}\n",
        # The portal's redirects name the portal's pages, not the corpus's.
        "plugins": [
            {"redirects": {"redirect_maps": {}}} if _is_redirects(plugin) else plugin
            for plugin in portal_config().get("plugins") or []
        ],
    }
    return inheriting(corpus.root / name, settings, stages=variant.stages)


def _is_redirects(plugin: object) -> bool:
    return isinstance(plugin, dict) and "redirects" in plugin


def site_dir(corpus: Corpus, variant: Variant = PORTAL) -> Path:
    return corpus.root / f"site-{variant.slug}"


def build(config: Path, *, env: dict[str, str] | None = None) -> Run:
    """`mkdocs build --strict` with `config` in a fresh process; its log goes to a file."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config)]
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env=environment(env)
        )
        # wait4 has no timeout of its own; the timer ends a hung build.
        watchdog = threading.Timer(BUILD_TIMEOUT, process.kill)
        watchdog.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            watchdog.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    return Run(wall, usage.ru_utime + usage.ru_stime, process.returncode, text)
