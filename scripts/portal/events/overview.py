"""The generated overviews: events upcoming and past, trainings by status.

Both are relative to the moment of the build (a `Clock`): an event moves from
"upcoming" to "past" only when the site is built again, so the portal is
rebuilt daily (see docs/redaktion/betrieb.md). The lists are Markdown from
the templates beside this module; MkDocs renders them and checks their links
like every other link.
"""

from __future__ import annotations

import datetime
import functools
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2

from portal.events.display import format_dates
from portal.events.model import OPEN_STATUSES, Entry
from portal.labels import LABELS, label

TEMPLATES = Path(__file__).resolve().parent / "templates"

EVENTS_MARKER = "<!-- portal:events -->"
"""Where an events overview page (``veranstaltungen/index.md``) wants its lists."""
TRAININGS_MARKER = "<!-- portal:trainings -->"
"""Where the trainings overview page (``fortbildungen/index.md``) wants its lists."""

FEED_FILE = "kalender.ics"
"""The calendar feed of all dates, at the root of each language: /kalender.ics, /en/kalender.ics."""

TRAINING_ORDER = ("Anmeldung offen", "geplant", "ausgebucht", "abgeschlossen", "Stand unbekannt")
"""Statuses in the order readers act on them: what they can still book comes first."""


@dataclass(frozen=True)
class ListedEntry:
    """One line of an overview, in the overview's language."""

    title: str
    href: str
    """Link to the page's source, relative to the overview's source (MkDocs resolves it)."""
    lang: str | None
    """The page's language when it differs from the overview's (German-only pages)."""
    dates: str
    place: str | None
    status: str | None


@dataclass(frozen=True)
class Group:
    heading: str
    entries: tuple[ListedEntry, ...]


def dates_text(entry: Entry, *, language: str, unknown: str = "not_recorded") -> str:
    """The dates, „Termin folgt“ when a date is still to come, else the label `unknown`."""
    if entry.dated or entry.status in (*OPEN_STATUSES, None):
        return format_dates(entry.occurrences, language=language)
    return label("events", unknown, language=language)


def split_events(
    entries: Iterable[Entry], *, now: datetime.datetime
) -> tuple[list[Entry], list[Entry]]:
    """Upcoming (soonest first, undated ones last) and past events (latest first)."""
    events = [entry for entry in entries if entry.kind == "event"]
    upcoming = [entry for entry in events if not entry.is_past(now) and _coming(entry)]
    past = [entry for entry in events if entry not in upcoming]
    upcoming.sort(key=lambda entry: (not entry.dated, _start_key(entry), entry.src_uri))
    past.sort(key=lambda entry: (entry.dated, _start_key(entry), entry.src_uri), reverse=True)
    return upcoming, past


def events_markdown(
    entries: Sequence[Entry],
    *,
    now: datetime.datetime,
    language: str,
    page_src_uri: str,
) -> str:
    """The lists of an events overview page in `language`, linking from `page_src_uri`."""
    upcoming, past = split_events(entries, now=now)
    listed = functools.partial(_listed, language=language, page_src_uri=page_src_uri)
    groups: dict[str, list[ListedEntry]] = {}
    for entry in past:
        year = str(entry.occurrences[-1].first_day.year) if entry.dated else None
        heading = year or label("events", "not_recorded", language=language).capitalize()
        groups.setdefault(heading, []).append(listed(entry, with_status=False))
    return _render(
        "events-overview.md.j2",
        language=language,
        upcoming=[listed(entry, with_status=True) for entry in upcoming],
        past=[Group(heading, tuple(items)) for heading, items in groups.items()],
        feed_href=_relative(FEED_FILE, page_src_uri),
    )


def trainings_markdown(
    entries: Sequence[Entry],
    *,
    now: datetime.datetime,
    language: str,
    page_src_uri: str,
) -> str:
    """The lists of the trainings overview page: one section per status, soonest first."""
    trainings = [entry for entry in entries if entry.kind == "training"]
    groups = []
    for status in TRAINING_ORDER:
        members = sorted(
            (entry for entry in trainings if entry.status == status),
            key=lambda entry: (not entry.dated, _start_key(entry), entry.src_uri),
        )
        if members:
            groups.append(
                Group(
                    label("status", status, language=language).capitalize(),
                    tuple(
                        _listed(
                            entry,
                            language=language,
                            page_src_uri=page_src_uri,
                            unknown="dates_not_recorded",
                        )
                        for entry in members
                    ),
                )
            )
    return _render(
        "trainings-overview.md.j2",
        language=language,
        groups=groups,
        feed_href=_relative(FEED_FILE, page_src_uri),
    )


# Helper functions


def _coming(entry: Entry) -> bool:
    # An event without a date is upcoming only while its status says so.
    return entry.dated or entry.status in (*OPEN_STATUSES, None)


def _start_key(entry: Entry) -> datetime.datetime:
    if not entry.dated:
        return datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return entry.occurrences[0].sort_key()


def _listed(
    entry: Entry,
    *,
    language: str,
    page_src_uri: str,
    with_status: bool = False,
    unknown: str = "not_recorded",
) -> ListedEntry:
    status = entry.status if with_status and entry.status in OPEN_STATUSES else None
    return ListedEntry(
        title=entry.title(language),
        href=_relative(entry.src_uri, page_src_uri),
        lang=None if language in entry.translated else _source_language(entry),
        dates=dates_text(entry, language=language, unknown=unknown),
        place=entry.place,
        status=label("status", status, language=language) if status else None,
    )


def _source_language(entry: Entry) -> str:
    # The first title is the default language's (model.entries_from_pages).
    return next(iter(entry.titles))


def _relative(target: str, page_src_uri: str) -> str:
    """`target` (below docs/) as a Markdown link from the page `page_src_uri`."""
    return posixpath.relpath(target, posixpath.dirname(page_src_uri) or ".")


_MARKDOWN_SPECIAL = re.compile(r"([\\`\[\]<>|_])")


def _markdown_text(value: object) -> str:
    """Front-matter text as literal Markdown: no link, code or table syntax from a title."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))


@functools.cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=False,  # Markdown, not HTML: values are escaped by the `md` filter
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["md"] = _markdown_text
    return environment


def _render(template: str, *, language: str, **values: object) -> str:
    words = {key: label("events", key, language=language) for key in LABELS["events"]}
    text = _environment().get_template(template).render(t=words, **values)
    # One blank line between blocks, whatever the template's loops left.
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
