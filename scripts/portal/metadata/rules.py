"""Rules a schema cannot express: folder and type, order of dates, uniqueness,
agreement between a German page and its translation, owners from the
configured roles, recorded and due reviews."""

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
from portal.roles import Role

# Which page types belong where. The first entry is the one a message
# suggests. Sections not listed (and files at the top of docs/) hold plain
# pages. A section's index.md is its overview, hence a page as a rule.
FOLDER_TYPES: dict[str, tuple[str, ...]] = {
    # Guide sections also hold pages that are not chapters (project reports).
    "einarbeitung": ("guide", "page"),
    "mentoring": ("guide", "page"),
    "hilfeplanverfahren": ("guide", "page"),
    # Everyday ASD practice: chapters, and templates (Vorlagen) as pages.
    "arbeitshilfen": ("guide", "page"),
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
    "arbeitshilfen": ("page", "guide"),
    "modellprojekt": ("page", "project"),
}
DEFAULT_TYPES: tuple[str, ...] = ("page",)

# Fields that a translation takes over unchanged (values are keys, not text).
SHARED_FIELDS: dict[str, tuple[str, ...]] = {
    "page": (),
    # Not `review`: a review checks the text of one language, and a
    # translation is another text. Each file records its own (or none).
    "guide": ("updated",),
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
    def is_translation(self) -> bool:
        """True for a page in a further language (``x.en.md``), false for its source."""
        return self.src_uri != self.base_uri

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


def check_owner(record: PageRecord, *, roles: Sequence[Role]) -> list[Finding]:
    """The owner is one of the roles the operator configured (extra.roles)."""
    owner = record.data.get("owner")
    if not isinstance(owner, str) or not owner or any(role.de == owner for role in roles):
        return []
    return [
        messages.unknown_role(
            record.path, line=record.line("owner"), value=owner, roles=[r.de for r in roles]
        )
    ]


@dataclass(frozen=True)
class Review:
    """A subject review that really took place, as its front matter records it."""

    date: datetime.date
    by: str
    scope: str
    due: datetime.date


@dataclass(frozen=True)
class ChapterState:
    """What a guide chapter tells readers about its text: Stand and review, if any."""

    updated: datetime.date
    review: Review | None
    """None until a real subject review is recorded."""

    @property
    def changed_since_review(self) -> bool:
        return self.review is not None and self.updated > self.review.date


def chapter_state(record: PageRecord) -> ChapterState | None:
    """Stand and recorded review of a valid guide chapter; None for other pages."""
    if record.page_type != "guide" or not record.valid:
        return None
    data = record.data
    updated = as_date(data.get("updated"))
    if updated is None:
        return None
    entry = data.get("review")
    if not isinstance(entry, Mapping):
        return ChapterState(updated, None)
    reviewed = as_date(entry.get("date"))
    if reviewed is None:
        return ChapterState(updated, None)
    due = as_date(entry.get("due"))
    if due is None:
        due = add_months(reviewed, int(entry.get("interval_months", 12)))
    review = Review(reviewed, str(entry.get("by", "")), str(entry.get("scope", "")), due)
    return ChapterState(updated, review)


def future_reviews(records: Iterable[PageRecord], *, today: datetime.date) -> list[Finding]:
    """Reviews dated after today: a review is recorded once it has taken place."""
    findings = []
    for record in records:
        state = chapter_state(record)
        if state is not None and state.review is not None and state.review.date > today:
            findings.append(
                messages.review_in_future(
                    record.path, line=record.line("review", "date"), day=state.review.date
                )
            )
    return findings


def overdue_reviews(records: Sequence[PageRecord], *, today: datetime.date) -> list[Finding]:
    """Chapters (in any language) whose next review date has passed."""
    findings = []
    for record in records:
        state = chapter_state(record)
        if state is not None and state.review is not None and state.review.due < today:
            findings.append(
                messages.review_overdue(
                    record.path,
                    line=record.line("review"),
                    due=state.review.due,
                    reviewed=state.review.date,
                )
            )
    return findings
