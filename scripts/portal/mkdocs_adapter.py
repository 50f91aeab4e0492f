"""The one module of the core that knows MkDocs and mkdocs-static-i18n.

With ``hooks/stages.py`` and ``hooks/nav.py`` it is the adapter between the
engine and the portal's stages (`portal.stages`): it answers what the stages
need to know of the running build (the languages as
`portal.languages.Languages`, the language being built now, whether every
language is on disk, the project root), describes MkDocs' pages as
`portal.stages.pages.PageRef`, keeps the stages of one site build together
(`site_build`) and hands findings to the build. Replacing the site engine
means replacing this module and the two hook files, nothing else.

How mkdocs-static-i18n builds: the default language first, then each further
language as a nested full build, started from the default build's
``on_post_build`` (priority -100), with the same config object. MkDocs 1.6
imports each hook file once per process: module state survives from one
build to the next (``mkdocs serve`` rebuilds in the same process), so state
is reset by `BuildState` when a top-level build starts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from portal.findings import ConfigurationError, Finding
from portal.languages import Language, Languages, languages_from_i18n, single_language
from portal.notices import notice_logger
from portal.project import Project
from portal.site.model import load_site
from portal.site.settings import PREVIEW_VARIABLE, is_true
from portal.stages.finish import Finisher
from portal.stages.pages import PagePreparer, PageRef
from portal.stages.prepare import Prepared, prepare
from portal.stages.templates import Templates

# Straight under `mkdocs.*`, so that strict mode counts the findings; without
# get_plugin_logger's prefix, so that each line starts with the file and line
# an editor (or an editor's IDE) jumps to.
_findings_log = logging.getLogger("mkdocs.plugins.portal")
# Outside `mkdocs.*`: printed like a warning, never failing a strict build
# (missing operator details while nobody knows the address, reviews due).
_notices_log = notice_logger("portal.notices")

T = TypeVar("T")


# Languages


def languages(config: MkDocsConfig) -> Languages:
    """The languages this site builds, the default one first."""
    i18n = _i18n(config)
    if i18n is None:
        return single_language(str(config.theme.get("language") or "en"))
    return languages_from_i18n(
        {
            "locale": item.locale,
            "name": item.name,
            "default": item.default,
            "build": item.build,
        }
        for item in i18n.config.languages
    )


def current_language(config: MkDocsConfig) -> Language:
    """The language being built now (the default one before i18n has started)."""
    site = languages(config)
    i18n = _i18n(config)
    code = getattr(i18n, "current_language", None)
    return site.get(str(code)) if code else site.default


def file_language(file: Any, config: MkDocsConfig) -> Language:
    """The language a page is written in: a German page shown under /en/ is German.

    mkdocs-static-i18n marks each file of a language build with the locale of
    its source, which differs from the build's for fallback pages.
    """
    site = languages(config)
    code = getattr(file, "locale", None)
    if code and code in site.codes:
        return site.get(str(code))
    if file.generated_by is not None:
        return current_language(config)  # written by a hook for this language build
    return site.of_source(str(file.src_uri))


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True while i18n runs the build of a further language."""
    return bool(getattr(_i18n(config), "building", False))


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in the build after which every language is on disk."""
    others = languages(config).others
    if not others:
        return True
    # i18n builds the further languages in the order of its `languages` list.
    return is_nested_language_build(config) and current_language(config) == others[-1]


# Project


def project_root(config: MkDocsConfig) -> Path:
    """The folder of the mkdocs.yml being built: paths in messages are relative to it."""
    config_file = config.config_file_path
    return Path(config_file).resolve().parent if config_file else Path.cwd()


def is_preview(config: MkDocsConfig) -> bool:
    """True in the editors' preview: findings are shown on the pages (`portal.preview`).

    Both are needed, the variable and a lenient build: a strict build (``make
    build``, CI, the tests) never carries the banners, whatever the variable says.
    """
    return not config.strict and is_true(os.environ.get(PREVIEW_VARIABLE, ""))


# State


class BuildState(Generic[T]):
    """State a hook keeps for one site build, all languages together.

    A site build is one config object: MkDocs loads the configuration anew
    for every build (also for each rebuild of `mkdocs serve`), and i18n runs
    the builds of further languages with that same object. So the first call
    in a new build gets a fresh value, and the languages of one build share
    it. State per language is a dict in that value, keyed by language code.
    """

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._config: MkDocsConfig | None = None
        self._value = factory()

    def of(self, config: MkDocsConfig) -> T:
        if config is not self._config:
            self._config = config
            self._value = self._factory()
        return self._value


# Reporting

# The findings already printed in this site build, each with whether it is a
# notice: each is printed once, although i18n runs every hook once per language.
_reported: BuildState[dict[Finding, bool]] = BuildState(dict)


def report(findings: Iterable[Finding], *, config: MkDocsConfig, notice: bool = False) -> None:
    """Hand findings to the build: sorted, each printed once per site build.

    Findings fail a strict build; notices (`notice=True`) are printed the same
    way without failing it.
    """
    log = _notices_log if notice else _findings_log
    seen = _reported.of(config)
    for finding in sorted(set(findings)):
        if finding in seen:
            continue
        seen[finding] = notice
        log.warning(str(finding))


def reported_findings(config: MkDocsConfig) -> list[Finding]:
    """The findings (not the notices) reported so far in this site build, sorted."""
    return sorted(finding for finding, notice in _reported.of(config).items() if not notice)


def configuration_error(error: ConfigurationError) -> PluginError:
    """The portal's own broken setup, as MkDocs stops a build for it."""
    return PluginError(str(error))


# The stages of one site build


@dataclass
class SiteBuild:
    """The stages' state for one site build, all languages: prepared once, finished once."""

    prepared: Prepared
    preparer: PagePreparer
    finisher: Finisher
    nav_order: dict[str, list[str]] = field(default_factory=dict)
    """Per language: the German sources in the nav's order (the editions' chapters)."""
    downloads: dict[str, Path] = field(default_factory=dict)
    """The running language's files to download (PDF, ODT, …): built path → source file."""
    search_entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    search_config: dict[str, Any] = field(default_factory=dict)
    default_not_found: bytes | None = None
    saved_alternates: Any = None


_builds: BuildState[dict[str, SiteBuild]] = BuildState(dict)


def site_build(config: MkDocsConfig) -> SiteBuild:
    """This site build's stages; the first call loads the site and runs the prepare stage."""
    builds = _builds.of(config)
    if "site" not in builds:
        project = Project(
            root=project_root(config),
            config_file=Path(config.config_file_path),
            docs_dir=Path(config.docs_dir).resolve(),
            languages=languages(config),
        )
        try:
            prepared = prepare(load_site(project))
        except ConfigurationError as error:
            raise configuration_error(error) from error
        custom_dir = config.theme.custom_dir
        templates = Templates(Path(custom_dir) if custom_dir else project.root / "overrides")
        preparer = PagePreparer(prepared, templates=templates)
        finisher = Finisher(prepared, preparer=preparer, site_dir=Path(config.site_dir))
        builds["site"] = SiteBuild(prepared, preparer, finisher)
        report(prepared.findings, config=config)
        report(prepared.notices, config=config, notice=True)
    return builds["site"]


def page_ref(page: Page, config: MkDocsConfig) -> PageRef:
    """A page of the running language build, as the stages know pages."""
    file = page.file
    return PageRef(
        src_uri=file.src_uri,
        url=page.url,
        dest_uri=file.dest_uri,
        language=current_language(config),
        written_in=file_language(file, config).code,
        title=page.title or "",
        generated_by=file.generated_by,
        meta=page.meta,
    )


# Helper functions


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")
