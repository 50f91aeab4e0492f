"""Sources and navigation: every page readable, every nav entry a page, no root links.

MkDocs' own warnings about these come in English, without a line and once
per language; mkdocs.yml turns them down to INFO, and this hook reports the
same problems as the portal's findings (``portal.nav``,
``portal.links.absolute``). It also reads every page for MkDocs, so that a
page saved as Windows-1252 is a finding at its line, not a crash of the build
(``portal.sources``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from portal.check.file_names import check_file_names
from portal.edit_links import check_edit_links
from portal.links.absolute import check_absolute_links
from portal.mkdocs_adapter import BuildState, languages, project_root, report
from portal.nav import check_nav
from portal.site_config import ConfigUnreadable, load_site_config
from portal.sources import source_cache

_checked: BuildState[set[str]] = BuildState(set)

# Hooks


# After mkdocs-static-i18n (-100), whose nested builds run on_config again:
# the check runs once per site build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    done = _checked.of(config)
    if "structure" in done:
        return config
    done.add("structure")
    root = project_root(config)
    docs_dir = Path(config.docs_dir)
    try:
        site_config = load_site_config(Path(config.config_file_path))
    except ConfigUnreadable as error:
        raise PluginError(str(error)) from error
    site = languages(config)
    findings = check_nav(site_config, docs_dir=docs_dir, project_root=root, languages=site)
    cache = source_cache(root)
    pages = sorted(file.relative_to(docs_dir).as_posix() for file in docs_dir.rglob("*.md"))
    for src_uri in pages:
        source = cache.get(docs_dir / src_uri)
        findings += check_absolute_links(source, src_uri=src_uri, known_pages=pages)
    files = sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())
    findings += check_file_names(files, docs_shown=_shown(docs_dir, root), languages=site)
    config_file = Path(config.config_file_path)
    findings += check_edit_links(
        config.repo_url or "",
        config.edit_uri or "",
        shown=_shown(config_file, root),
        line_of=site_config.line_of,
    )
    report(findings, config=config)
    return config


# MkDocs reads each page itself and stops the whole build on bytes that are
# not UTF-8; the portal's reader replaces them (and the metadata check has
# reported them at their line).
def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    path = page.file.abs_src_path
    if path is None:
        return None
    return source_cache(project_root(config)).get(Path(path)).text


def _shown(path: Path, root: Path) -> str:
    """`path` as editors see it: relative to the checkout where it lies inside."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
