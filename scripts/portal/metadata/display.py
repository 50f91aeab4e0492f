"""What a page shows of its metadata, prepared for overrides/partials/page-meta.html."""

from __future__ import annotations

import datetime
from typing import Any

from portal.metadata.audiences import AUDIENCES, label
from portal.metadata.dates import format_date
from portal.metadata.rules import PageRecord, review_dates


def page_meta(
    record: PageRecord, *, language: str, audience_urls: dict[str, str], today: datetime.date
) -> dict[str, Any]:
    """Plain values for the template: labels with links, guide dates, the overdue flag."""
    audiences = [
        {"label": label(value, language=language), "url": audience_urls[value]}
        for value in record.data.get("audience") or []
        if isinstance(value, str) and value in AUDIENCES and value in audience_urls
    ]
    meta: dict[str, Any] = {"language": language, "audiences": audiences, "guide": None}
    dates = review_dates(record)
    if dates is not None:
        meta["guide"] = {
            "updated": _day(dates.updated, language),
            "reviewed": _day(dates.reviewed, language),
            "due": _day(dates.due, language),
            "owner": str(record.data.get("owner", "")),
            "overdue": dates.due < today,
        }
    return meta


def _day(day: datetime.date, language: str) -> dict[str, str]:
    return {"iso": day.isoformat(), "text": format_date(day, language=language)}
