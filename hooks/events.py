"""Events and trainings: overviews, facts on their pages, calendar files.

- ``<!-- portal:events -->`` (``veranstaltungen/index.md``) becomes the lists of
  upcoming and past events, ``<!-- portal:trainings -->``
  (``fortbildungen/index.md``) the trainings by status.
- Every event or training page shows its facts and an „In den Kalender“ link
  (``overrides/partials/event-details.html``) after its heading, as part of
  the content that search indexes.
- Every dated event or training gets ``<seite>.ics`` beside its page, each
  language the feed ``kalender.ics`` at its root.
- Past offers that still read as coming are findings.

"Now" is the build's clock (``PORTAL_BUILD_DATE`` or the system clock): the
lists are as right as the last build. The logic lives in ``portal.events``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from portal.clock import clock_from_environment
from portal.events.calendar import (
    build_stamp,
    calendar_path,
    entry_calendar,
    feed_calendar,
    page_url,
)
from portal.events.checks import check_entries
from portal.events.details import page_details
from portal.events.model import Entry
from portal.events.overview import (
    EVENTS_MARKER,
    FEED_FILE,
    TRAININGS_MARKER,
    events_markdown,
    trainings_markdown,
)
from portal.events.pages import read_entries
from portal.findings import ConfigurationError
from portal.mkdocs_adapter import (
    BuildState,
    configuration_error,
    current_language,
    file_language,
    languages,
    partial,
    project_root,
    report,
)

FACTS_TEMPLATE = "partials/event-details.html"


@dataclass
class _State:
    """One site build: the entries are read once, "now" is fixed once for every language."""

    now: datetime.datetime | None = None
    entries: list[Entry] = field(default_factory=list)


_state: BuildState[_State] = BuildState(_State)

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each build;
# the pages are read in the first (default language) build only.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = _state.of(config)
    if state.now is None:
        try:
            state.now = clock_from_environment()()
        except ConfigurationError as error:
            raise configuration_error(error) from error
        state.entries, pages = read_entries(
            Path(config.docs_dir), project_root=project_root(config), languages=languages(config)
        )
        report(check_entries(state.entries, pages=pages, now=state.now), config=config)
    return config


# After mkdocs-static-i18n (-100), which chooses the files of this language:
# the calendar files join that set, under this language's folder.
@event_priority(-110)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    state = _state.of(config)
    if state.now is None:
        return files
    language = current_language(config)
    site = languages(config)
    site_name = str(config.site_name)
    dated = [entry for entry in state.entries if entry.dated]
    urls = {
        entry.src_uri: page_url(config.site_url or "", site.url(entry.src_uri, language.code))
        for entry in dated
    }
    for entry in dated:
        content = entry_calendar(
            entry,
            language=language.code,
            page_url=urls[entry.src_uri],
            stamp=build_stamp(state.now),
            site_name=site_name,
        )
        _add(files, config, calendar_path(entry), content, prefix=language.prefix)
    feed = feed_calendar(
        [(entry, urls[entry.src_uri]) for entry in dated],
        language=language.code,
        stamp=build_stamp(state.now),
        site_name=site_name,
    )
    _add(files, config, FEED_FILE, feed, prefix=language.prefix)
    return files


# Before the glossary (-90) adds its definitions, so that abbreviations in
# the generated lists are explained too.
@event_priority(-80)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state.of(config)
    if state.now is None or (EVENTS_MARKER not in markdown and TRAININGS_MARKER not in markdown):
        return markdown
    language = file_language(page.file, config).code
    src_uri = languages(config).default_source(page.file.src_uri)
    if EVENTS_MARKER in markdown:
        block = events_markdown(
            state.entries, now=state.now, language=language, page_src_uri=src_uri
        )
        markdown = markdown.replace(EVENTS_MARKER, block)
    if TRAININGS_MARKER in markdown:
        block = trainings_markdown(
            state.entries, now=state.now, language=language, page_src_uri=src_uri
        )
        markdown = markdown.replace(TRAININGS_MARKER, block)
    return markdown


# The facts are part of the page's content, not of its frame: search
# (Material's plugin reads the content in on_page_context), print and the PDF
# editions get place, organiser and speakers with the text. They stand where
# the theme puts the page's metadata: right after the first heading.
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state.of(config)
    src_uri = languages(config).default_source(page.file.src_uri)
    entry = next((entry for entry in state.entries if entry.src_uri == src_uri), None)
    if entry is None:
        return html
    language = current_language(config)
    calendar = language.prefix + calendar_path(entry) if entry.dated else None
    details = page_details(
        entry,
        language=language.code,
        calendar_url=normalize_url(calendar, page) if calendar else None,
    )
    facts = partial(config, FACTS_TEMPLATE).render(portal_event=details)
    heading, end, rest = html.partition("</h1>") if "<h1" in html else ("", "", html)
    return heading + end + facts + rest


# Helper functions


def _add(files: Files, config: MkDocsConfig, src_uri: str, content: bytes, *, prefix: str) -> None:
    existing = files.get_file_from_path(src_uri)
    if existing is not None:
        if existing.generated_by is None:
            return  # a file the editors put there themselves wins
        files.remove(existing)  # the previous language's file of the same name
    file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
    file.dest_uri = prefix + file.dest_uri
    files.append(file)
