"""Calendar files (RFC 5545) written with the icalendar library.

- One ``.ics`` per dated event or training and language, beside its page:
  ``veranstaltungen/<seite>.ics`` and ``en/veranstaltungen/<seite>.ics``.
- One feed of every date per language: ``kalender.ics`` and ``en/kalender.ics``,
  to subscribe to in a calendar application (served as ``text/calendar``).

Times are written in Europe/Berlin with its VTIMEZONE, all-day dates as
DATE values with the exclusive end RFC 5545 asks for. UIDs depend only on
the page's path and the position of the date in its front matter, so a
rebuild, a preview or a move of the site to another address keeps them.
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Iterable

import icalendar

from portal.clock import TIMEZONE
from portal.events.model import Entry, Occurrence
from portal.labels import label

UID_DOMAIN = "wissensportal-hpv-mv"
"""The right-hand side of every UID: the portal's name, never its (changeable) address."""

PRODUCT_ID = "-//Wissensportal Hilfeplanverfahren M-V//portal.events//DE"

MEDIA_TYPE = "text/calendar"

_STATUS = {
    "abgesagt": "CANCELLED",
    "geplant": "TENTATIVE",
}


def calendar_path(entry: Entry) -> str:
    """The entry's own calendar file below the language's folder: ``veranstaltungen/x.ics``."""
    return entry.src_uri.removesuffix(".md") + ".ics"


def uid(entry: Entry, occurrence: Occurrence) -> str:
    """``veranstaltungen/2016-07-13-qualitaetsforum-1@wissensportal-hpv-mv``."""
    return f"{entry.src_uri.removesuffix('.md')}-{occurrence.number}@{UID_DOMAIN}"


def entry_calendar(
    entry: Entry, *, language: str, page_url: str, stamp: datetime.datetime, site_name: str
) -> bytes:
    """The calendar file of one entry (one VEVENT per date); empty bytes without a date."""
    if not entry.dated:
        return b""
    calendar = _calendar(name=f"{entry.title(language)} – {site_name}")
    for occurrence in entry.occurrences:
        calendar.add_component(
            _event(entry, occurrence, language=language, page_url=page_url, stamp=stamp)
        )
    return _finish(calendar)


def feed_calendar(
    entries: Iterable[tuple[Entry, str]],
    *,
    language: str,
    stamp: datetime.datetime,
    site_name: str,
) -> bytes:
    """Every date of every `(entry, page_url)` in one calendar to subscribe to."""
    name = f"{label('events', 'calendar_name', language=language)} – {site_name}"
    calendar = _calendar(name=name)
    # Subscribers' applications look again once a day, as often as the site is built.
    calendar.add("refresh-interval", datetime.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "P1D")
    for entry, page_url in sorted(entries, key=lambda item: item[0].src_uri):
        for occurrence in entry.occurrences:
            calendar.add_component(
                _event(entry, occurrence, language=language, page_url=page_url, stamp=stamp)
            )
    return _finish(calendar)


def build_stamp(now: datetime.datetime) -> datetime.datetime:
    """DTSTAMP of a build: the start of its day in Berlin, in UTC.

    Calendar files say when their information was last put together; one
    value per day keeps two builds of the same day byte for byte the same
    (``mkdocs serve`` rebuilds, deploys that copy only changed files).
    """
    day = now.astimezone(TIMEZONE).date()
    return datetime.datetime.combine(day, datetime.time(), tzinfo=TIMEZONE).astimezone(datetime.UTC)


def page_url(site_url: str, url: str) -> str:
    """The absolute address of a page from the site's address and its site-relative URL."""
    return posixpath.join(site_url.rstrip("/") + "/", url)


# Helper functions


def _calendar(*, name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)  # RFC 7986
    calendar.add("x-wr-calname", name)  # the same, for applications that predate RFC 7986
    calendar.add("x-wr-timezone", str(TIMEZONE))
    return calendar


def _event(
    entry: Entry,
    occurrence: Occurrence,
    *,
    language: str,
    page_url: str,
    stamp: datetime.datetime,
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid(entry, occurrence))
    event.add("dtstamp", stamp.astimezone(datetime.UTC))
    if occurrence.all_day:
        event.add("dtstart", occurrence.first_day)
        # DTEND of a DATE is exclusive: the day after the last day.
        event.add("dtend", occurrence.last_day + datetime.timedelta(days=1))
    else:
        event.add("dtstart", occurrence.start)
        if occurrence.end != occurrence.start:
            event.add("dtend", occurrence.end)
    event.add("summary", entry.title(language))
    event.add("description", _description(entry, language=language, page_url=page_url))
    if entry.place:
        event.add("location", entry.place)
    event.add("url", page_url, parameters={"VALUE": "URI"})
    event.add("categories", [label("events", entry.kind, language=language)])
    event.add("status", _STATUS.get(entry.status or "", "CONFIRMED"))
    event.add("transp", "OPAQUE")
    return event


def _description(entry: Entry, *, language: str, page_url: str) -> str:
    lines = [entry.description(language)]
    if entry.organiser:
        lines.append(f"{label('events', 'organiser', language=language)}: {entry.organiser}")
    if entry.speakers:
        names = "; ".join(
            f"{speaker.name}, {speaker.organisation}" if speaker.organisation else speaker.name
            for speaker in entry.speakers
        )
        lines.append(f"{label('events', 'speakers', language=language)}: {names}")
    if entry.registration:
        lines.append(f"{label('events', 'registration', language=language)}: {entry.registration}")
    lines.append(page_url)
    return "\n".join(lines)


def _finish(calendar: icalendar.Calendar) -> bytes:
    # One VTIMEZONE for Europe/Berlin, generated from the tz database, for
    # every TZID the events use (none for a calendar of all-day dates).
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())
