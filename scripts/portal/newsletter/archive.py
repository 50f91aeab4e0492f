"""The newsletter archive per language, and each issue's previous and next links.

The archive lists every issue, grouped by year, newest first, with date,
number, title and summary; each issue's page links the one before and the
one after it. An issue not translated into the reader's language is listed
with its German text and marked with ``hreflang`` (the link guard accepts
such a switch of language only when it is declared).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from portal.languages import Languages
from portal.metadata.dates import format_date
from portal.news import relative_url
from portal.newsletter.model import Issue, newest_first

ARCHIVE_MARKER = "<!-- portal:newsletter:archive -->"
"""Where the newsletter's overview page shows the archive."""


@dataclass(frozen=True)
class IssueLink:
    """An issue as a link on one page, in the reader's language where translated."""

    number: int
    iso_date: str
    date_text: str
    title: str
    summary: str
    href: str
    hreflang: str
    """The language of the linked text when it is not the page's, else empty."""


@dataclass(frozen=True)
class ArchiveYear:
    year: int
    issues: list[IssueLink]


@dataclass(frozen=True)
class Neighbours:
    """The issues before and after one issue, by date (either may be missing)."""

    previous: IssueLink | None
    next: IssueLink | None


def issue_link(issue: Issue, *, language: str, languages: Languages, page_url: str) -> IssueLink:
    text = issue.text(language)
    return IssueLink(
        number=issue.number,
        iso_date=issue.date.isoformat(),
        date_text=format_date(issue.date, language=language),
        title=text.title,
        summary=text.summary,
        href=relative_url(languages.url(text.src_uri, text.language), base=page_url),
        hreflang="" if text.language == language else text.language,
    )


def archive(
    issues: Sequence[Issue], *, language: str, languages: Languages, page_url: str
) -> list[ArchiveYear]:
    """Every issue by year, newest year and newest issue first."""
    years = []
    for year, group in groupby(newest_first(issues), key=lambda issue: issue.date.year):
        links = [
            issue_link(issue, language=language, languages=languages, page_url=page_url)
            for issue in group
        ]
        years.append(ArchiveYear(year, links))
    return years


def neighbours(
    issues: Sequence[Issue],
    src_uri: str,
    *,
    language: str,
    languages: Languages,
    page_url: str,
) -> Neighbours | None:
    """The issues before and after the one at `src_uri` (any language); None if unknown."""
    base = languages.default_source(src_uri)
    ordered = sorted(issues, key=lambda issue: (issue.date, issue.number))
    for index, issue in enumerate(ordered):
        if issue.src_uri != base:
            continue

        def link(position: int) -> IssueLink | None:
            if not 0 <= position < len(ordered):
                return None
            return issue_link(
                ordered[position], language=language, languages=languages, page_url=page_url
            )

        return Neighbours(link(index - 1), link(index + 1))
    return None
