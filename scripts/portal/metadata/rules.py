"""Rules a schema cannot express: folder and type, order of dates, uniqueness,
agreement between a German page and its translation, due reviews."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from posixpath import basename
from typing import Any

from portal.findings import Finding
from portal.metadata import messages
from portal.metadata.dates import add_months, as_date, ends_before_start
from portal.metadata.parse import FrontMatter

# Which page types belong where. The first entry is the one a message
# suggests. Sections not listed (and files at the top of docs/) hold plain
# pages. A section's index.md is its overview, hence a page as a rule.
FOLDER_TYPES: dict[str, tuple[str, ...]] = {
    # Guide sections also hold pages that are not chapters (project reports).
    "einarbeitung": ("guide", "page"),
    "mentoring": ("guide", "page"),
    "hilfeplanverfahren": ("guide", "page"),
    "veranstaltungen": ("event",),
    "fortbildungen": ("training",),
    "newsletter": ("newsletter",),
    "publikationen": ("publication",),
    "modellprojekt": ("project", "page"),
}
INDEX_TYPES: dict[str, tuple[str, ...]] = {
    "einarbeitung": ("page", "guide"),
    "mentoring": ("page", "guide"),
    "hilfeplanverfahren": ("page", "guide"),
    "modellprojekt": ("page", "project"),
}
DEFAULT_TYPES: tuple[str, ...] = ("page",)

# Fields that a translation takes over unchanged (values are keys, not text).
SHARED_FIELDS: dict[str, tuple[str, ...]] = {
    "page": (),
    "guide": ("updated", "reviewed", "review_interval_months", "review_due"),
    "event": ("start", "end", "status"),
    "training": ("status", "dates"),
    "newsletter": ("number", "date"),
    "publication": ("kind", "year", "status"),
    "project": ("period", "level"),
}
COMMON_SHARED_FIELDS: tuple[str, ...] = ("type", "audience", "owner")


@dataclass(frozen=True)
class PageRecord:
    """One source page after parsing: what the rules and the templates need."""

    src_uri: str
    """Path below docs/, e.g. ``einarbeitung/woche-1.en.md``."""
    language: str
    base_uri: str
    """The German source of this page (itself for German pages)."""
    front_matter: FrontMatter
    page_type: str | None
    """The declared type when it is a known one, else None."""
    valid: bool
    """True when the page passed its schema: its values have the expected shape."""

    @property
    def path(self) -> str:
        return self.front_matter.source.path

    @property
    def data(self) -> Mapping[str, Any]:
        return self.front_matter.data or {}

    def line(self, *location: str | int) -> int:
        return self.front_matter.line_of(location)


def allowed_types(src_uri: str) -> tuple[str, ...]:
    """The page types that fit the place of a file below docs/ (German or English)."""
    parts = src_uri.split("/")
    if len(parts) == 1:
        return DEFAULT_TYPES
    section = parts[0]
    if basename(src_uri).split(".")[0] == "index":
        return INDEX_TYPES.get(section, DEFAULT_TYPES)
    return FOLDER_TYPES.get(section, DEFAULT_TYPES)


def folder_label(src_uri: str) -> str:
    parts = src_uri.split("/")
    if len(parts) == 1:
        return "oberste Ebene von docs/"
    if basename(src_uri).split(".")[0] == "index":
        return f"Übersichtsseite von {parts[0]}/"
    return f"Ordner {parts[0]}/"


def check_dates_order(record: PageRecord) -> list[Finding]:
    """Ends that lie before their starts (events, training dates, project period)."""
    data = record.data
    pairs: list[tuple[tuple[str | int, ...], object, object]] = []
    if record.page_type == "event":
        pairs.append((("end",), data.get("start"), data.get("end")))
    elif record.page_type == "training":
        for index, entry in enumerate(data.get("dates") or []):
            if isinstance(entry, dict):
                pairs.append((("dates", index, "end"), entry.get("start"), entry.get("end")))
    elif record.page_type == "project":
        period = data.get("period")
        if isinstance(period, dict):
            start, end = period.get("start"), period.get("end")
            if isinstance(start, int) and isinstance(end, int) and end < start:
                return [
                    messages.end_before_start(
                        record.path,
                        line=record.line("period", "end"),
                        location=("period",),
                        start=start,
                        end=end,
                    )
                ]
    return [
        messages.end_before_start(
            record.path,
            line=record.line(*location),
            location=location[:-1],
            start=start,
            end=end,
        )
        for location, start, end in pairs
        if ends_before_start(start, end)
    ]


def check_unique_numbers(records: Iterable[PageRecord]) -> list[Finding]:
    """Each newsletter number once in the archive (translations share their source's)."""
    first: dict[int, PageRecord] = {}
    findings = []
    for record in sorted(records, key=lambda r: r.src_uri):
        if (
            record.page_type != "newsletter"
            or not record.valid
            or record.base_uri != record.src_uri
        ):
            continue
        number = record.data.get("number")
        if not isinstance(number, int):
            continue
        if number in first:
            findings.append(
                messages.duplicate_number(
                    record.path, line=record.line("number"), number=number, other=first[number].path
                )
            )
        else:
            first[number] = record
    return findings


def check_translation(record: PageRecord, source: PageRecord) -> list[Finding]:
    """A translation keeps the type and the key fields of its German source."""
    if source.front_matter.data is None or record.front_matter.data is None:
        return []
    fields = COMMON_SHARED_FIELDS + SHARED_FIELDS.get(source.page_type or "", ())
    findings = []
    for key in fields:
        mine = record.data.get(key, messages.MISSING)
        theirs = source.data.get(key, messages.MISSING)
        if _normalised(mine) == _normalised(theirs):
            continue
        findings.append(
            messages.translation_differs(
                record.path,
                line=record.line(key),
                key=key,
                value=mine,
                source=source.path,
                source_value=theirs,
            )
        )
        if key == "type":
            # Every further field follows from the type: one message is enough.
            break
    return findings


def _normalised(value: object) -> object:
    # The order of audiences is not a difference in meaning.
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return sorted(value)
    return value


def check_related(record: PageRecord, *, known: set[str]) -> list[Finding]:
    related = record.data.get("related") if record.page_type == "publication" else None
    if not isinstance(related, list):
        return []
    return [
        messages.related_missing(record.path, line=record.line("related", index), target=target)
        for index, target in enumerate(related)
        if isinstance(target, str) and target not in known
    ]


@dataclass(frozen=True)
class ReviewDates:
    """The review state of a guide chapter."""

    updated: datetime.date
    reviewed: datetime.date
    due: datetime.date


def review_dates(record: PageRecord) -> ReviewDates | None:
    """Stand, last and next review of a valid guide chapter; None for other pages."""
    if record.page_type != "guide" or not record.valid:
        return None
    data = record.data
    updated, reviewed = as_date(data.get("updated")), as_date(data.get("reviewed"))
    if updated is None or reviewed is None:
        return None
    due = as_date(data.get("review_due"))
    if due is None:
        due = add_months(reviewed, int(data.get("review_interval_months", 12)))
    return ReviewDates(updated, reviewed, due)


def overdue_reviews(records: Sequence[PageRecord], *, today: datetime.date) -> list[Finding]:
    """German guide chapters whose next review date has passed."""
    findings = []
    for record in records:
        dates = review_dates(record)
        if dates is not None and record.language == "de" and dates.due < today:
            findings.append(
                messages.review_overdue(
                    record.path,
                    line=record.line("reviewed"),
                    due=dates.due,
                    reviewed=dates.reviewed,
                )
            )
    return findings
