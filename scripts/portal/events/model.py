"""Events and trainings as typed values, read from the front matter the metadata check parsed.

An `Entry` is one page of ``veranstaltungen/`` (an event) or ``fortbildungen/``
(a training) with its dates in Europe/Berlin. Pages whose front matter does
not pass its schema are left out: the metadata check reports them already,
and an overview or a calendar file built on half a date would mislead.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from portal.clock import TIMEZONE
from portal.languages import Languages
from portal.metadata.rules import PageRecord

KINDS = ("event", "training")
"""The page types this package reads (``type:`` in the front matter)."""

OPEN_STATUSES = ("geplant", "Anmeldung offen")
"""Statuses that promise readers something still to come."""

Moment = datetime.date | datetime.datetime
"""A day (all-day) or an aware datetime in Europe/Berlin."""


@dataclass(frozen=True)
class Occurrence:
    """One date of an event or training: a day, several days, or a span of time."""

    start: Moment
    end: Moment
    """Inclusive last day for all-day dates; the end time otherwise."""
    number: int = 1
    """Position in the front matter (1 for an event): part of the calendar UID, so that
    moving a date keeps its UID and calendars update the entry instead of adding one."""

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime.datetime)

    @property
    def first_day(self) -> datetime.date:
        return _day(self.start)

    @property
    def last_day(self) -> datetime.date:
        return _day(self.end)

    def is_past(self, now: datetime.datetime) -> bool:
        """True once the date is over: an all-day date at the end of its last day."""
        if isinstance(self.end, datetime.datetime):
            return self.end <= now
        return self.end < now.astimezone(TIMEZONE).date()

    def sort_key(self) -> datetime.datetime:
        """The beginning as a moment: an all-day date begins at midnight in Berlin."""
        if isinstance(self.start, datetime.datetime):
            return self.start
        return datetime.datetime.combine(self.start, datetime.time(), tzinfo=TIMEZONE)


@dataclass(frozen=True)
class Speaker:
    name: str
    organisation: str | None = None


@dataclass(frozen=True)
class ProgrammeItem:
    title: str
    time: str | None = None
    speaker: str | None = None


@dataclass(frozen=True)
class Module:
    title: str
    description: str | None = None


@dataclass(frozen=True)
class Entry:
    """One event or training page (its German source) with everything readers see of it."""

    kind: str
    """``event`` or ``training``."""
    src_uri: str
    """The German source below docs/, e.g. ``veranstaltungen/2016-07-13-qualitaetsforum.md``."""
    path: str
    """The source as editors see it in messages, e.g. ``docs/veranstaltungen/….md``."""
    titles: Mapping[str, str]
    """Title per language code; a language without a translation has the German title."""
    descriptions: Mapping[str, str]
    translated: frozenset[str]
    """Language codes with a page of their own (the default language always)."""
    occurrences: tuple[Occurrence, ...]
    """Sorted by beginning; empty while the date is not known („Termin folgt“)."""
    status: str | None
    place: str | None
    organiser: str | None
    speakers: tuple[Speaker, ...] = ()
    programme: tuple[ProgrammeItem, ...] = ()
    modules: tuple[Module, ...] = ()
    target_group: str | None = None
    registration: str | None = None

    @property
    def dated(self) -> bool:
        return bool(self.occurrences)

    @property
    def start(self) -> Occurrence | None:
        return self.occurrences[0] if self.occurrences else None

    @property
    def slug(self) -> str:
        """The page's name without folder and suffix: stable, so UIDs and file names are too."""
        return self.src_uri.rsplit("/", 1)[-1].removesuffix(".md")

    def is_past(self, now: datetime.datetime) -> bool:
        """True when every date is over; an entry without a date is never past."""
        return self.dated and all(occurrence.is_past(now) for occurrence in self.occurrences)

    def title(self, language: str) -> str:
        return self.titles.get(language) or next(iter(self.titles.values()))

    def description(self, language: str) -> str:
        return self.descriptions.get(language) or next(iter(self.descriptions.values()))


def entries_from_pages(pages: Mapping[str, PageRecord], *, languages: Languages) -> list[Entry]:
    """Every valid event and training page, with titles from its translations, in source order."""
    entries = []
    for src_uri, record in sorted(pages.items()):
        if record.is_translation or record.page_type not in KINDS or not record.valid:
            continue
        titles = {languages.default.code: str(record.data.get("title", ""))}
        descriptions = {languages.default.code: str(record.data.get("description", ""))}
        translated = {languages.default.code}
        for language in languages.others:
            translation = pages.get(languages.translation(src_uri, language.code))
            if translation is not None and translation.front_matter.data is not None:
                titles[language.code] = str(translation.data.get("title", ""))
                descriptions[language.code] = str(translation.data.get("description", ""))
                translated.add(language.code)
        entries.append(
            entry_from_data(
                record.data,
                kind=str(record.page_type),
                src_uri=src_uri,
                path=record.path,
                titles=titles,
                descriptions=descriptions,
                translated=frozenset(translated),
            )
        )
    return entries


def entry_from_data(
    data: Mapping[str, Any],
    *,
    kind: str,
    src_uri: str,
    path: str,
    titles: Mapping[str, str],
    descriptions: Mapping[str, str],
    translated: frozenset[str],
) -> Entry:
    """An `Entry` from front matter that passed its schema."""
    if kind == "event":
        spans: Iterable[Mapping[str, Any]] = [{"start": data.get("start"), "end": data.get("end")}]
    else:
        spans = [span for span in data.get("dates") or [] if isinstance(span, Mapping)]
    occurrences = sorted(
        (
            occurrence
            for number, span in enumerate(spans, start=1)
            if (occurrence := _occurrence(span.get("start"), span.get("end"), number)) is not None
        ),
        key=Occurrence.sort_key,
    )
    return Entry(
        kind=kind,
        src_uri=src_uri,
        path=path,
        titles=dict(titles),
        descriptions=dict(descriptions),
        translated=translated,
        occurrences=tuple(occurrences),
        status=_text(data.get("status")),
        place=_text(data.get("place")),
        organiser=_text(data.get("organiser")),
        speakers=tuple(
            Speaker(str(item["name"]), _text(item.get("organisation")))
            for item in data.get("speakers") or []
            if isinstance(item, Mapping) and item.get("name")
        ),
        programme=tuple(
            ProgrammeItem(str(item["title"]), _text(item.get("time")), _text(item.get("speaker")))
            for item in data.get("programme") or []
            if isinstance(item, Mapping) and item.get("title")
        ),
        modules=tuple(
            Module(str(item["title"]), _text(item.get("description")))
            for item in data.get("modules") or []
            if isinstance(item, Mapping) and item.get("title")
        ),
        target_group=_text(data.get("target_group")),
        registration=_text(data.get("registration")),
    )


def as_moment(value: object) -> Moment | None:
    """A front-matter date as a day, or a time as an aware datetime in Europe/Berlin.

    YAML hands over dates and datetimes, JSON-like sources ISO text; a time
    without a zone is None here (the metadata check reports it).
    """
    if isinstance(value, str):
        try:
            value = (
                datetime.date.fromisoformat(value)
                if len(value) == 10
                else datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            )
        except ValueError:
            return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return None
        return value.astimezone(TIMEZONE)
    if isinstance(value, datetime.date):
        return value
    return None


# Helper functions


def _occurrence(start: object, end: object, number: int) -> Occurrence | None:
    first = as_moment(start)
    if first is None:
        return None
    last = as_moment(end) if end is not None else None
    if last is None:
        last = first
    # Mixed precision (a day and a time) is read as days: a calendar file
    # cannot start at a time and end on a day.
    if isinstance(first, datetime.datetime) != isinstance(last, datetime.datetime):
        first, last = _day(first), _day(last)
    if _day(last) < _day(first) or (
        isinstance(first, datetime.datetime)
        and isinstance(last, datetime.datetime)
        and last < first
    ):
        return None  # reported by the metadata check (end before start)
    return Occurrence(first, last, number)


def _day(moment: Moment) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(TIMEZONE).date()
    return moment


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
