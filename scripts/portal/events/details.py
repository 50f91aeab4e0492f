"""What the page of an event or training shows about it, for partials/event-details.html."""

from __future__ import annotations

from typing import Any

from portal.events.display import format_occurrence, iso
from portal.events.model import Entry
from portal.events.overview import dates_text
from portal.labels import label


def page_details(entry: Entry, *, language: str, calendar_url: str | None) -> dict[str, Any]:
    """Plain values for the template; unknown facts say „nicht überliefert“, once each.

    `calendar_url` is the site-relative address of the entry's ``.ics`` file
    (None without a date: no file, no link).
    """
    unknown = label("events", "not_recorded", language=language)
    event = entry.kind == "event"
    rows: list[dict[str, Any]] = []
    dates: list[dict[str, str | None]]
    if entry.dated:
        dates = [
            {"iso": iso(item.start), "text": format_occurrence(item, language=language)}
            for item in entry.occurrences
        ]
    else:
        dates = [{"iso": None, "text": dates_text(entry, language=language)}]
    rows.append(
        {"label": label("events", "date" if event else "dates", language=language), "dates": dates}
    )
    # Place, organiser and speakers are what readers search an event by
    # („Güstrow“, „Krause“): the template marks them as the page's keywords.
    rows.append(
        {
            "label": label("events", "place", language=language),
            "text": entry.place or unknown,
            "keyword": bool(entry.place),
        }
    )
    if event or entry.organiser:
        rows.append(
            {
                "label": label("events", "organiser", language=language),
                "text": entry.organiser or unknown,
                "keyword": bool(entry.organiser),
            }
        )
    if not event:
        rows.append(
            {
                "label": label("events", "target_group", language=language),
                "text": entry.target_group or unknown,
            }
        )
        rows.append(
            {
                "label": label("events", "modules", language=language),
                "list": [
                    f"{module.title}: {module.description}" if module.description else module.title
                    for module in entry.modules
                ],
                "text": unknown,
            }
        )
    if event or entry.speakers:
        rows.append(
            {
                "label": label("events", "speakers", language=language),
                "list": [
                    f"{speaker.name}, {speaker.organisation}"
                    if speaker.organisation
                    else speaker.name
                    for speaker in entry.speakers
                ],
                "text": unknown,
                "keyword": bool(entry.speakers),
            }
        )
    if event or entry.programme:
        rows.append(
            {
                "label": label("events", "programme", language=language),
                "list": [
                    " · ".join(
                        part
                        for part in (
                            item.time and _time(item.time, language),
                            item.title,
                            item.speaker,
                        )
                        if part
                    )
                    for item in entry.programme
                ],
                "text": unknown,
                "ordered": True,
            }
        )
    return {
        "language": language,
        "heading": label("events", "details", language=language),
        "rows": rows,
        "calendar_url": calendar_url,
        "calendar_label": label("events", "add_to_calendar", language=language),
        "registration": entry.registration,
        "registration_label": label("events", "register", language=language),
    }


def _time(value: str, language: str) -> str:
    return label("events", "clock_time", language=language).format(value.replace("-", "–"))
