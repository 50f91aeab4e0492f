"""The navigation and the pages: every nav entry is a page, every page is reachable.

MkDocs warns about both itself, in English, without a line and once per
language; these findings say the same in German, at the line of mkdocs.yml
or the page, once. Pages left out on purpose are listed under
``not_in_nav``; translations (``seite.en.md``) follow their German page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pathspec

from portal.findings import Finding
from portal.languages import Languages
from portal.links.suggest import nearest_path
from portal.site.config import SiteConfig
from portal.sources import markdown_files

# What MkDocs leaves out of every build (mkdocs.structure.files._default_exclude).
_ALWAYS_EXCLUDED = [".*", "/templates/"]


def check_nav(
    config: SiteConfig,
    *,
    docs_dir: Path,
    project_root: Path,
    languages: Languages,
    files: Iterable[str] | None = None,
) -> list[Finding]:
    """Nav entries without a page, and pages in no nav that are not left out on purpose."""
    sources = _sources(docs_dir, config=config, languages=languages, files=files)
    findings: list[Finding] = []
    listed: set[str] = set()
    shown_config = config.shown("nav", project_root)
    for entry in config.nav_entries():
        target = entry.target.lstrip("./")
        listed.add(target)
        if target in sources:
            continue
        suggestion = nearest_path(target, sorted(sources))
        fix = (
            f"meinten Sie „{suggestion}“? Pfade stehen relativ zu docs/."
            if suggestion
            else "legen Sie die Seite an oder entfernen Sie den Eintrag."
        )
        findings.append(
            Finding(
                shown_config,
                entry.line,
                f"Der Navigationseintrag „{entry.target}“ zeigt auf eine Seite, die es nicht gibt",
                fix,
            )
        )
    if not config.nodes.get("nav"):
        return findings  # without a nav, MkDocs lists every page itself
    left_out = pathspec.GitIgnoreSpec.from_lines(config.patterns("not_in_nav"))
    docs_shown = _shown(docs_dir, project_root)
    for src_uri in sorted(sources):
        if src_uri in listed or left_out.match_file(src_uri):
            continue
        findings.append(
            Finding(
                f"{docs_shown}/{src_uri}",
                1,
                "Die Seite steht nicht in der Navigation, Leser*innen finden sie nur über Links",
                "tragen Sie sie in mkdocs.yml unter „nav“ ein, oder unter „not_in_nav“, wenn "
                "sie bewusst fehlt (wie die Ausgaben des Newsletters).",
            )
        )
    return findings


def _sources(
    docs_dir: Path, *, config: SiteConfig, languages: Languages, files: Iterable[str] | None
) -> set[str]:
    """The pages in the default language that the build publishes."""
    excluded = pathspec.GitIgnoreSpec.from_lines(_ALWAYS_EXCLUDED + config.patterns("exclude_docs"))
    found: set[str] = set()
    for file in markdown_files(docs_dir, files):
        src_uri = file.relative_to(docs_dir).as_posix()
        if excluded.match_file(src_uri) or not languages.of_source(src_uri).default:
            continue
        found.add(src_uri)
    return found


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
