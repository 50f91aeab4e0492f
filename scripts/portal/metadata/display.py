"""What a page shows of its metadata, prepared for overrides/partials/page-meta.html."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from portal.metadata.audiences import AUDIENCES, label
from portal.metadata.dates import format_date
from portal.metadata.rules import PageRecord, chapter_state
from portal.roles import Role
from portal.roles import label as role_label


def page_meta(
    record: PageRecord,
    *,
    language: str,
    audience_urls: dict[str, str],
    today: datetime.date,
    roles: Sequence[Role],
) -> dict[str, Any]:
    """Plain values for the template: labels with links, Stand, owner and review.

    ``guide.review`` is None until a review is recorded in the front matter:
    the template then says that the chapter has not been reviewed yet.
    """
    audiences = [
        {"label": label(value, language=language), "url": audience_urls[value]}
        for value in record.data.get("audience") or []
        if isinstance(value, str) and value in AUDIENCES and value in audience_urls
    ]
    # Events, trainings and publications say where they stand; the template
    # words the value in the reader's language (portal.labels).
    status = record.data.get("status")
    meta: dict[str, Any] = {
        "language": language,
        "audiences": audiences,
        "guide": None,
        "status": status if isinstance(status, str) else None,
    }
    state = chapter_state(record)
    if state is None:
        return meta
    owner = str(record.data.get("owner", ""))
    guide: dict[str, Any] = {
        "updated": _day(state.updated, language),
        "owner": role_label(owner, language=language, roles=roles),
        "review": None,
    }
    if state.review is not None:
        guide["review"] = {
            "date": _day(state.review.date, language),
            "by": role_label(state.review.by, language=language, roles=roles),
            "scope": state.review.scope,
            "due": _day(state.review.due, language),
            "overdue": state.review.due < today,
            "changed_since": state.changed_since_review,
        }
    meta["guide"] = guide
    return meta


def _day(day: datetime.date, language: str) -> dict[str, str]:
    return {"iso": day.isoformat(), "text": format_date(day, language=language)}
