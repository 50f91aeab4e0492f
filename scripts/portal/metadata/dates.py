"""Dates as the front matter holds them, compared, advanced and shown to readers."""

from __future__ import annotations

import calendar
import datetime

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def as_date(value: object) -> datetime.date | None:
    """A date from YAML's date, datetime or ISO text; None when it is none of them."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError:
            return None
    return None


def as_moment(value: object) -> datetime.datetime | datetime.date | None:
    """A date or an aware/naive datetime, for ordering start and end."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        try:
            moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return moment.date() if len(value) == 10 else moment
    return None


def ends_before_start(start: object, end: object) -> bool:
    """True when `end` lies before `start`; unknown or mixed precision compares by day."""
    first, last = as_moment(start), as_moment(end)
    if first is None or last is None:
        return False
    if (
        isinstance(first, datetime.datetime)
        and isinstance(last, datetime.datetime)
        and (first.tzinfo is None) == (last.tzinfo is None)
    ):
        return last < first
    return as_date(last) < as_date(first)  # type: ignore[operator]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def format_date(day: datetime.date, *, language: str) -> str:
    """22.11.2026 on German pages, 22 November 2026 on English ones."""
    if language == "de":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
