"""Build the portal, or tiny sites made from inline files, in a temporary folder.

Tiny sites inherit the portal's whole mkdocs.yml (theme, i18n, hooks) and
replace only the pages and the navigation, so that a test exercises exactly
the configuration readers get.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from portal.languages import load_languages
from portal.site.config import load_site_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"
with MKDOCS_YML.open(encoding="utf-8") as _config:
    HOOKS: list[str] = yaml_load(_config)["hooks"]
LANGUAGES = load_languages(MKDOCS_YML)
"""The portal's languages, as every tiny site inherits them."""

NOTICES = ("Betreiberangaben fehlen", "Der Newsletter kann noch nicht bestellt werden")
"""The deliberate warnings of an unconfigured portal (the operator's unset settings:
portal.stages.prepare), which strict mode does not count."""

DEFAULT_FRONT_MATTER = """\
---
title: {title}
description: Eine Testseite für die Prüfungen des Portals.
type: page
audience: [Redaktion]
tags: []
owner: Redaktion
---
"""


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    log: str
    site_dir: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def warnings(self) -> list[str]:
        """The text of every WARNING line of the build log, in order."""
        return [
            line.split("-", 1)[1].strip()
            for line in self.log.splitlines()
            if line.startswith("WARNING")
        ]

    def findings(self, *, under: str = "") -> list[str]:
        """The portal's findings ("datei:zeile: Problem — Lösung"), without the `NOTICES`.

        With `under`, only the findings of files whose path starts with it.
        """
        return [
            warning
            for warning in self.warnings()
            if not warning.split(": ", 1)[-1].startswith(NOTICES) and warning.startswith(under)
        ]


def page(title: str, body: str = "", *, front_matter: str | None = None) -> str:
    """A Markdown page with valid front matter (unless given) and a body."""
    head = DEFAULT_FRONT_MATTER.format(title=title) if front_matter is None else front_matter
    return head + "\n" + textwrap.dedent(body).strip() + "\n"


LEGAL_PAGES = (
    "impressum",
    "datenschutz",
    "barrierefreiheit",
    "kontakt",
    "leichte-sprache",
    "gebaerdensprache",
)
"""Linked from every page's footer or the line above its header, so every site needs them."""
FURNISHED_NOT_IN_NAV = "\n".join(f"/{name}*.md" for name in LEGAL_PAGES)
"""`not_in_nav` patterns of the pages `write_site` furnishes (outside the nav, as in the portal)."""
THEME_FOLDERS = ("assets", "stylesheets")
"""Logo, favicon and stylesheets that mkdocs.yml names for every page."""


def write_site(
    root: Path,
    pages: dict[str, str],
    *,
    extra_config: str = "",
    furnish: bool = True,
    nav: str | None = None,
    not_in_nav: str = "",
) -> Path:
    """Write docs/ and a mkdocs.yml inheriting the portal's; return the config path.

    With `furnish`, the site also gets what the portal's templates link on
    every page (legal pages, logo, stylesheets), so that only the test's own
    pages can break the link guard. The nav lists every German page at the
    top level unless `nav` gives its entries (YAML list lines); `not_in_nav`
    holds the patterns of pages left out of the nav on purpose.
    """
    docs = root / "docs"
    if furnish:
        legal = {
            f"{name}{suffix}.md": page(name.title(), f"# {name.title()}")
            for name in LEGAL_PAGES
            for suffix in ("", ".en")
        }
        pages = {**legal, **pages}
        for folder in THEME_FOLDERS:
            shutil.copytree(PROJECT_ROOT / "docs" / folder, docs / folder, dirs_exist_ok=True)
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if nav is None:
        nav = "\n".join(
            f"  - {name}"
            for name in sorted(pages)
            if name.endswith(".md") and LANGUAGES.of_source(name).default
        )
    hooks = "\n".join(f"  - {PROJECT_ROOT / hook}" for hook in HOOKS)
    config = root / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {MKDOCS_YML}\n"
        f"docs_dir: {docs}\n"
        f"site_dir: {root / 'site'}\n"
        f"not_in_nav: {json.dumps(not_in_nav)}\n"
        f"theme:\n  name: material\n  custom_dir: {PROJECT_ROOT / 'overrides'}\n"
        f"hooks:\n{hooks}\n"
        f"nav:\n{nav}\n" + _plugins(extra_config) + extra_config,
        encoding="utf-8",
    )
    return config


def _plugins(extra_config: str) -> str:
    """The portal's plugins without its redirects, unless the test sets plugins itself.

    The portal's redirect map names pages of the portal; a tiny site has
    other pages, and mkdocs-redirects fails on a target that does not exist.
    """
    if "plugins:" in extra_config:
        return ""
    plugins = []
    for plugin in load_site_config(MKDOCS_YML).data.get("plugins") or []:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin = {"redirects": {"redirect_maps": {}}}
        plugins.append(plugin)
    return f"plugins: {json.dumps(plugins, ensure_ascii=False)}\n"


def build(
    config: Path,
    *,
    site_dir: Path | None = None,
    strict: bool = True,
    lenient: bool = False,
    env: dict[str, str] | None = None,
) -> BuildResult:
    """Run `mkdocs build` as the portal's build would, and capture its log.

    mkdocs.yml says `strict: true`; `lenient` overrides it (``--no-strict``),
    as the editors' preview does (``make serve``).
    """
    site_dir = site_dir or config.parent / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(config)]
    command += ["--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    if lenient:
        command.append("--no-strict")
    result = subprocess.run(
        command,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        # Tiny sites build without the PDF editions unless a test asks for
        # them: a second or more per build that tests of other things need not pay.
        env={
            **os.environ,
            "NO_MKDOCS_2_WARNING": "1",
            "NO_COLOR": "1",
            "PORTAL_PDF": "false",
            **(env or {}),
        },
        timeout=600,
        check=False,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr, site_dir)


def build_portal(site_dir: Path, *, strict: bool = True) -> BuildResult:
    """Build the real portal from the repository into `site_dir`, PDF editions included."""
    return build(MKDOCS_YML, site_dir=site_dir, strict=strict, env={"PORTAL_PDF": "true"})
