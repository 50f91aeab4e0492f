"""Dates and times of events as readers of each language expect them."""

from __future__ import annotations

import datetime

from portal.clock import TIMEZONE
from portal.events.model import Occurrence
from portal.labels import label
from portal.metadata.dates import format_date


def format_occurrence(occurrence: Occurrence, *, language: str) -> str:
    """``13.07.2016``, ``12.03.2027 – 13.03.2027``, ``13.07.2016, 10:00–16:00 Uhr``."""
    first, last = occurrence.first_day, occurrence.last_day
    start_day = format_date(first, language=language)
    if occurrence.all_day:
        if first == last:
            return start_day
        return f"{start_day} – {format_date(last, language=language)}"
    pattern = label("events", "clock_time", language=language)
    start_time = _clock(occurrence.start)
    end_time = _clock(occurrence.end)
    if first == last:
        times = start_time if start_time == end_time else f"{start_time}–{end_time}"
        return f"{start_day}, {pattern.format(times)}"
    end_day = format_date(last, language=language)
    return f"{start_day}, {pattern.format(start_time)} – {end_day}, {pattern.format(end_time)}"


def format_dates(occurrences: tuple[Occurrence, ...], *, language: str) -> str:
    """All dates of an entry, or „Termin folgt“ while none is known."""
    if not occurrences:
        return label("events", "date_to_follow", language=language)
    return "; ".join(format_occurrence(item, language=language) for item in occurrences)


def iso(moment: datetime.date) -> str:
    """The value of a ``<time datetime>`` attribute."""
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(TIMEZONE).isoformat()
    return moment.isoformat()


def _clock(moment: datetime.date) -> str:
    assert isinstance(moment, datetime.datetime)
    return moment.astimezone(TIMEZONE).strftime("%H:%M")
