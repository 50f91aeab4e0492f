"""What the schemas cannot see: a page that promises readers something already over.

The shape of the front matter (dates that are dates, a time with its zone,
an end not before its start, a registration by https or mailto) is checked
by the metadata check against ``event.schema.json`` and
``training.schema.json``. What only the build date tells is checked here:
an event or training whose dates are all past but whose status (or text)
still says it is coming.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

from portal.events.model import OPEN_STATUSES, Entry
from portal.findings import Finding
from portal.metadata.dates import format_date
from portal.metadata.rules import PageRecord

# The words the old hand-kept lists used for offers without a date.
_COMING = re.compile(r"\bTermine? folg(?:t|en)\b", re.IGNORECASE)


def check_entries(
    entries: Iterable[Entry], *, pages: Mapping[str, PageRecord], now: datetime.datetime
) -> list[Finding]:
    """One finding per past event or training that still reads as upcoming."""
    findings: list[Finding] = []
    for entry in entries:
        if not entry.is_past(now):
            continue
        last = entry.occurrences[-1].last_day
        record = pages.get(entry.src_uri)
        if entry.status in OPEN_STATUSES:
            line = record.line("status") if record is not None else 0
            findings.append(_past_but_open(entry, line=line, last=last))
        # The text of each language version: an English page may promise too.
        for record in _versions(entry, pages):
            findings += _coming_in_text(record, last=last)
    return findings


def _past_but_open(entry: Entry, *, line: int, last: datetime.date) -> Finding:
    done = "dokumentiert" if entry.kind == "event" else "abgeschlossen"
    return Finding(
        entry.path,
        line,
        f"Der Status „{entry.status}“ kündigt etwas an, aber der letzte Termin "
        f"({format_date(last, language='de')}) ist vorbei",
        f"setzen Sie „status: {done}“ (oder „Stand unbekannt“, wenn nicht überliefert ist, "
        "ob es stattfand) oder tragen Sie den neuen Termin ein.",
    )


def _coming_in_text(record: PageRecord, *, last: datetime.date) -> list[Finding]:
    source = record.front_matter.source
    findings = []
    # The body only: the front matter's status is the other check's.
    for number in range(source.body_line, len(source.lines) + 1):
        match = _COMING.search(source.lines[number - 1])
        if match is None:
            continue
        findings.append(
            Finding(
                record.path,
                number,
                f"Der Text sagt „{match.group(0)}“, "
                f"aber der letzte Termin ({format_date(last, language='de')}) ist vorbei",
                "beschreiben Sie den Termin in der Vergangenheit oder streichen Sie den Satz.",
            )
        )
    return findings


def _versions(entry: Entry, pages: Mapping[str, PageRecord]) -> list[PageRecord]:
    return [
        record
        for record in pages.values()
        if record.base_uri == entry.src_uri and record.front_matter.data is not None
    ]
