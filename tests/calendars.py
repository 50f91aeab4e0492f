"""Calendar files read back as a calendar application would, with RFC 5545's requirements."""

from __future__ import annotations

import icalendar


def parse(data: bytes) -> icalendar.Calendar:
    """Read a calendar file back and check what RFC 5545 requires of it."""
    calendar = icalendar.Calendar.from_ical(data)
    for component in calendar.walk():
        assert not component.errors, component.errors  # the parser's own complaints
    assert {"PRODID", "VERSION"} <= set(calendar) and calendar["VERSION"] == "2.0"
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY"} <= set(event)
        if "DTEND" in event:
            assert event.decoded("dtend") > event.decoded("dtstart")
    used = {str(event["dtstart"].params.get("TZID")) for event in calendar.walk("VEVENT")}
    zones = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    assert used - {"None"} == zones  # every TZID has its VTIMEZONE, and no other
    return calendar
