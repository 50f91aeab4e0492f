"""`Site`: one checkout of the portal as every stage and command sees it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pathspec

from portal.events.model import Entry
from portal.events.pages import read_entries
from portal.findings import ConfigurationError, Finding
from portal.glossary import GLOSSARY_FILE, GlossaryEntry, load_glossary
from portal.languages import Languages
from portal.metadata.rules import PageRecord
from portal.newsletter.model import Issue, load_issues
from portal.project import Project
from portal.roles import Role, roles_from_config
from portal.site.config import ConfigUnreadable, NavEntry, SiteConfig, load_site_config
from portal.site.settings import Settings, read_settings
from portal.sources import SourceCache, SourceFile, source_cache

# What MkDocs leaves out of every build, besides exclude_docs.
ALWAYS_EXCLUDED = (".*", "/templates/")


@dataclass(frozen=True)
class Glossary:
    """The glossary file: its entries, whether it exists, and how messages name it."""

    entries: tuple[GlossaryEntry, ...]
    found: bool
    shown: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Site:
    """The configuration and the sources of one checkout; collections are read on first use."""

    project: Project
    config: SiteConfig
    settings: Settings
    settings_findings: tuple[Finding, ...]
    files: tuple[str, ...]
    """Every file under docs/, relative to it, sorted: the one walk of the folder."""
    sources: SourceCache = field(repr=False, compare=False)

    @property
    def root(self) -> Path:
        return self.project.root

    @property
    def docs_dir(self) -> Path:
        return self.project.docs_dir

    @property
    def languages(self) -> Languages:
        return self.project.languages

    def shown(self, path: Path) -> str:
        return self.project.shown(path)

    def setting_place(self, *keys: str) -> tuple[str, int]:
        """Where messages point for a setting below ``extra``: the file and the key's line."""
        line = self.config.line_of("extra", *keys) or self.config.line_of("extra")
        return self.config.shown("extra", self.root), line

    def source(self, src_uri: str) -> SourceFile:
        """A Markdown page as editors wrote it (read once per site)."""
        return self.sources.get(self.docs_dir / src_uri)

    @cached_property
    def excluded(self) -> tuple[str, ...]:
        """Files under docs/ that no build publishes (``exclude_docs``, hidden files)."""
        spec = pathspec.GitIgnoreSpec.from_lines([*ALWAYS_EXCLUDED, *self.settings.exclude_docs])
        return tuple(uri for uri in self.files if spec.match_file(uri))

    @cached_property
    def markdown(self) -> tuple[str, ...]:
        """Every Markdown source of every language (excluded ones too: they are checked)."""
        return tuple(uri for uri in self.files if self.languages.is_source(uri))

    @property
    def nav(self) -> list[NavEntry]:
        return self.config.nav_entries()

    @property
    def redirects(self) -> Mapping[str, str]:
        return self.settings.redirects

    @cached_property
    def roles(self) -> tuple[tuple[Role, ...], tuple[Finding, ...]]:
        """The roles of ``extra.roles`` and the problems of that setting."""
        roles, findings = roles_from_config(self.settings.extra.get("roles"))
        return roles, tuple(findings)

    @cached_property
    def glossary(self) -> Glossary:
        file = self.docs_dir / GLOSSARY_FILE
        shown = self.shown(file)
        if not file.is_file():
            return Glossary((), False, shown, ())
        entries, findings = load_glossary(file, shown=shown)
        return Glossary(tuple(entries), True, shown, tuple(findings))

    @cached_property
    def events(self) -> tuple[list[Entry], dict[str, PageRecord]]:
        """Events and trainings, with the source of each page (for line numbers)."""
        entries, pages = read_entries(
            self.docs_dir, project_root=self.root, languages=self.languages, files=self.files
        )
        return entries, dict(pages)

    @cached_property
    def issues(self) -> list[Issue]:
        """The newsletter's issues, oldest first."""
        return load_issues(self.docs_dir, project_root=self.root, languages=self.languages)


def load_site(project: Project, *, environ: Mapping[str, str] | None = None) -> Site:
    """Read `project` once; a broken mkdocs.yml is a ConfigurationError naming its line."""
    try:
        config = project.config or load_site_config(project.config_file)
    except ConfigUnreadable as error:
        raise ConfigurationError(str(error)) from error
    settings, findings = read_settings(config, environ=environ)
    docs_dir = project.docs_dir
    files = tuple(
        sorted(
            path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()
        )
    )
    return Site(project, config, settings, tuple(findings), files, source_cache(project.root))
