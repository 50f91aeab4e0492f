"""The whole metadata check over a docs folder: every file parsed once, every rule run."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from portal.findings import Finding
from portal.languages import Languages
from portal.metadata import messages, rules
from portal.metadata.parse import FrontMatter, parse_front_matter
from portal.metadata.rules import PageRecord
from portal.metadata.schemas import TYPES
from portal.metadata.validate import validate
from portal.roles import DEFAULT_ROLES, Role
from portal.sources import SourceFile, markdown_files, source_cache


@dataclass(frozen=True)
class CheckResult:
    """What one run of the check found, and the pages it read."""

    findings: list[Finding]
    """Content errors: strict mode fails on them."""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    """Every Markdown page by its path below docs/."""

    def overdue(self, *, today: datetime.date) -> list[Finding]:
        return rules.overdue_reviews(list(self.pages.values()), today=today)


# Per-file results stay valid as long as the source file object is the same:
# `source_cache` hands out a new one only when the file changed, so a rebuild
# under `mkdocs serve` re-checks just the edited pages.
_records: dict[str, tuple[SourceFile, PageRecord, tuple[Finding, ...]]] = {}


def check_page(
    source: SourceFile, *, src_uri: str, languages: Languages
) -> tuple[PageRecord, tuple[Finding, ...]]:
    """Parse and validate one page on its own (rules across pages come later)."""
    cached = _records.get(source.path)
    if cached is not None and cached[0] is source:
        return cached[1], cached[2]
    language = languages.of_source(src_uri).code
    base_uri = languages.default_source(src_uri)
    front_matter = parse_front_matter(source)
    findings = [*source.findings, *front_matter.findings]
    page_type, valid = None, False
    if front_matter.data is not None:
        page_type, type_findings = _declared_type(front_matter, src_uri=src_uri)
        findings += type_findings
        if page_type is not None:
            schema_findings = validate(front_matter, page_type=page_type)
            findings += schema_findings
            valid = not schema_findings
    record = PageRecord(src_uri, language, base_uri, front_matter, page_type, valid)
    if valid:
        findings += rules.check_dates_order(record)
    result = (record, tuple(findings))
    _records[source.path] = (source, *result)
    return result


def _declared_type(front_matter: FrontMatter, *, src_uri: str) -> tuple[str | None, list[Finding]]:
    assert front_matter.data is not None
    path = front_matter.source.path
    allowed = rules.allowed_types(src_uri)
    if "type" not in front_matter.data:
        return None, [messages.missing_type(path, allowed=allowed)]
    value = front_matter.data["type"]
    line = front_matter.line_of(("type",))
    if not isinstance(value, str) or value not in TYPES:
        return None, [messages.unknown_type(path, line=line, value=value, types=TYPES)]
    if value not in allowed:
        finding = messages.type_not_in_folder(
            path, line=line, value=value, folder=rules.folder_label(src_uri), allowed=allowed
        )
        # The schema of the declared type still runs: its findings help as well.
        return value, [finding]
    return value, []


def check_docs(
    docs_dir: Path,
    *,
    project_root: Path,
    languages: Languages,
    roles: Sequence[Role] = DEFAULT_ROLES,
    today: datetime.date | None = None,
    files: Iterable[str] | None = None,
) -> CheckResult:
    """Check every Markdown file below `docs_dir` (every language) once.

    `roles` are the operator's (``extra.roles``); `today` dates the check of
    reviews, which must lie in the past; `files` are the site's files below
    `docs_dir` when it has walked the folder already.
    """
    cache = source_cache(project_root)
    pages: dict[str, PageRecord] = {}
    findings: list[Finding] = []
    for file in markdown_files(docs_dir, files):
        src_uri = file.relative_to(docs_dir).as_posix()
        record, page_findings = check_page(cache.get(file), src_uri=src_uri, languages=languages)
        pages[src_uri] = record
        findings += page_findings
    findings += check_across(pages, roles=roles, today=today or datetime.date.today())
    return CheckResult(sorted(set(findings)), pages)


def check_across(
    pages: dict[str, PageRecord], *, roles: Sequence[Role], today: datetime.date
) -> list[Finding]:
    """Rules that compare pages or need the settings: numbers, translations,
    related paths, owners, review dates."""
    findings = rules.check_unique_numbers(pages.values())
    findings += rules.future_reviews(pages.values(), today=today)
    known = set(pages)
    for record in pages.values():
        if record.valid:
            findings += rules.check_related(record, known=known)
        findings += rules.check_owner(record, roles=roles)
        source = pages.get(record.base_uri)
        if record.base_uri != record.src_uri and source is not None:
            findings += rules.check_translation(record, source)
    return findings
