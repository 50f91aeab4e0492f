"""Every check of the sources that needs no build, over one checkout, in one list.

The same functions as the build's hooks, with the same settings from
mkdocs.yml, so that ``check`` and the build word every problem alike:
front matter (`portal.metadata`), navigation (`portal.nav`), links written
from the site's root (`portal.links.absolute`), the glossary file
(`portal.glossary`), links and anchors between pages (`portal.links.check`
over `sources_site`), the redirect map, past events and trainings that still
read as coming (`portal.events`); besides, what the content tests
check (`portal.editorial`) and file names. Not without a build: emphasis in
the rendered HTML and links in templates.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

import pathspec

from portal.check.file_names import check_file_names
from portal.check.sources_site import GLOSSARY_MARKER, read_sources_site
from portal.clock import clock_from_environment, fixed_clock
from portal.editorial.check import check_editorial
from portal.events.checks import check_entries
from portal.events.pages import read_entries
from portal.findings import ConfigurationError, Finding
from portal.glossary import GLOSSARY_FILE, load_glossary
from portal.links.absolute import check_absolute_links
from portal.links.check import check_redirect_map, describe, find_problems
from portal.links.mapping import SourceLocator
from portal.metadata import check_docs
from portal.nav import check_nav
from portal.project import Project
from portal.roles import roles_from_config
from portal.site_config import ConfigUnreadable, SiteConfig, load_site_config
from portal.sources import source_cache

# What MkDocs leaves out of every build (as portal.nav).
_ALWAYS_EXCLUDED = [".*", "/templates/"]


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]
    pages: int


def check_project(project: Project, *, today: datetime.date | None = None) -> CheckReport:
    """All source checks of `project`; a broken mkdocs.yml is a ConfigurationError."""
    try:
        config = load_site_config(project.config_file)
    except ConfigUnreadable as error:
        raise ConfigurationError(str(error)) from error
    root, docs_dir, languages = project.root, project.docs_dir, project.languages
    extra = config.data.get("extra")
    roles, findings = roles_from_config(extra.get("roles") if isinstance(extra, dict) else None)
    metadata = check_docs(
        docs_dir, project_root=root, languages=languages, roles=roles, today=today
    )
    findings += metadata.findings
    # Past offers that still read as coming: relative to `today`, as the build's clock.
    entries, event_pages = read_entries(docs_dir, project_root=root, languages=languages)
    now = fixed_clock(today)() if today else clock_from_environment()()
    findings += check_entries(entries, pages=event_pages, now=now)
    findings += check_nav(config, docs_dir=docs_dir, project_root=root, languages=languages)
    cache = source_cache(root)
    excluded = pathspec.GitIgnoreSpec.from_lines(_ALWAYS_EXCLUDED + config.patterns("exclude_docs"))
    all_files = sorted(
        path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()
    )
    left_out = [uri for uri in all_files if excluded.match_file(uri)]
    markdown = [uri for uri in all_files if languages.is_source(uri)]
    for src_uri in markdown:
        findings += check_absolute_links(
            cache.get(docs_dir / src_uri), src_uri=src_uri, known_pages=markdown
        )
    findings += _glossary(project, cache_pages=markdown)
    site = read_sources_site(docs_dir, cache=cache, languages=languages, excluded=left_out)
    locator = SourceLocator(
        project_root=root, docs_dir=docs_dir, config_file=project.config_file, template_dirs=()
    )
    problems = find_problems(site.scan, pages=site.pages, languages=languages)
    findings += describe(
        problems, site=site.scan, pages=site.pages, locator=locator, languages=languages
    )
    redirects = _redirect_maps(config)
    if redirects:
        # mkdocs-redirects writes a redirect page wherever its target exists.
        written = {
            languages.dest_path(old, languages.default.code)
            for old, new in redirects.items()
            if new.split("#", 1)[0] in markdown
        }
        scan = replace(site.scan, files=site.scan.files | written)
        findings += check_redirect_map(redirects, site=scan, pages=site.pages, locator=locator)
    findings += check_editorial(docs_dir, project_root=root)
    findings += check_file_names(all_files, docs_shown=project.shown(docs_dir), languages=languages)
    return CheckReport(sorted(set(findings)), len(markdown))


def _glossary(project: Project, *, cache_pages: list[str]) -> list[Finding]:
    file = project.docs_dir / GLOSSARY_FILE
    if file.is_file():
        _, findings = load_glossary(file, shown=project.shown(file))
        return findings
    cache = source_cache(project.root)
    findings = []
    for src_uri in cache_pages:
        source = cache.get(project.docs_dir / src_uri)
        line = source.line_of(GLOSSARY_MARKER)
        if line:
            findings.append(
                Finding(
                    source.path,
                    line,
                    f"Die Seite zeigt das Glossar, aber {project.shown(file)} fehlt",
                    "legen Sie die Datei an oder entfernen Sie die Markierung "
                    + GLOSSARY_MARKER
                    + ".",
                )
            )
    return findings


def _redirect_maps(config: SiteConfig) -> dict[str, str]:
    for plugin in config.data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            maps = plugin["redirects"].get("redirect_maps")
            if isinstance(maps, dict):
                return {str(old): str(new) for old, new in maps.items()}
    return {}
