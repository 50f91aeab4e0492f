"""PDF editions of the onboarding guide and the mentoring handbook (``portal.editions``).

Collects each language build's pages of the edition sections as the build
rendered them, lays every edition out as a PDF once all pages are rendered
and before any template is (``on_env``), and gives the templates the list of
editions with their sizes (``portal_editions``). ``PORTAL_PDF=false``
switches it off for a quick preview.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portal.downloads import describe
from portal.editions import EDITIONS, enabled, in_language, shown_on
from portal.editions.assemble import Chapter, Missing, assemble
from portal.editions.render import FontsMissing, render_pdf
from portal.findings import ConfigurationError
from portal.metadata.dates import as_date
from portal.mkdocs_adapter import (
    BuildState,
    configuration_error,
    current_language,
    file_language,
    languages,
)

log = get_plugin_logger(__name__)


@dataclass(frozen=True)
class EditionLink:
    """What a page shows of an edition: its title, file and „PDF, 412 KB“."""

    title: str
    path: str
    meta: str


@dataclass
class _Language:
    order: list[str] = field(default_factory=list)
    chapters: dict[str, Chapter] = field(default_factory=dict)
    missing: dict[str, Missing] = field(default_factory=dict)
    links: dict[str, EditionLink] = field(default_factory=dict)


_state: BuildState[dict[str, _Language]] = BuildState(dict)

# Hooks


# After mkdocs-static-i18n (-100), which gives each language build its own
# nav: the order of the chapters is the nav's.
@event_priority(-110)
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    state = _language_state(config)
    site = languages(config)
    state.order = [site.default_source(page.file.src_uri) for page in nav.pages]
    return nav


# Last of the content handlers: the chapter as every other hook left it.
@event_priority(-200)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not enabled(os.environ):
        return html
    site = languages(config)
    source = site.default_source(page.file.src_uri)
    if not any(edition.holds(source) for edition in EDITIONS):
        return html
    state = _language_state(config)
    language = current_language(config)
    if file_language(page.file, config) == language:
        state.chapters[source] = Chapter(
            source=source,
            url=page.url,
            title=page.title or source,
            html=html,
            updated=as_date(page.meta.get("updated")),
        )
    else:
        # A page not yet translated: named on the edition's title page.
        url = urljoin(config.site_url or "", site.url(source, site.default.code))
        state.missing[source] = Missing(page.title or source, url)
    return html


# Every page is rendered (on_page_content) and no template yet: the sizes
# the templates show are known.
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["portal_editions"] = _links_for
    if not enabled(os.environ):
        return env
    state = _language_state(config)
    language = current_language(config)
    for edition in EDITIONS:
        chapters = [
            state.chapters[s] for s in state.order if edition.holds(s) and s in state.chapters
        ]
        missing = [state.missing[s] for s in state.order if edition.holds(s) and s in state.missing]
        if edition.index_source() not in state.chapters:
            continue
        if not language.default and not in_language(
            len(chapters) + len(missing), len(chapters), index_translated=True
        ):
            continue
        started, cpu = time.perf_counter(), time.process_time()
        html = assemble(
            edition=edition,
            language=language,
            chapters=chapters,
            missing=missing,
            site_name=config.site_name,
            site_url=config.site_url or "",
        )
        target = Path(config.site_dir) / edition.path(language)
        try:
            size = render_pdf(html, base=Path(config.docs_dir), target=target)
        except FontsMissing as error:
            raise configuration_error(
                ConfigurationError(
                    f"Die Schriften der PDF-Ausgaben fehlen ({error}) — "
                    "make install installiert Debians fonts-dejavu-core."
                )
            ) from error
        # benchmark.editions reads this line.
        log.info(
            "PDF-Ausgabe %s (%d Bytes): %.2f s, CPU %.2f s",
            edition.path(language),
            size,
            time.perf_counter() - started,
            time.process_time() - cpu,
        )
        state.links[edition.section] = EditionLink(
            title=chapters[0].title,
            path=edition.path(language),
            meta=describe(target.name, size, language=language.code),
        )
    return env


# Helper functions


def _links_for(page: Any, config: MkDocsConfig) -> list[EditionLink]:
    """The editions a page links, in the language being built (for the templates)."""
    if page is None or getattr(page, "file", None) is None:
        return []
    source = languages(config).default_source(page.file.src_uri)
    links = _language_state(config).links
    return [links[edition.section] for edition in shown_on(source) if edition.section in links]


def _language_state(config: MkDocsConfig) -> _Language:
    return _state.of(config).setdefault(current_language(config).code, _Language())
