"""Newsletter issues as typed data, read from their front matter.

An issue is ``docs/newsletter/ausgaben/ausgabe-NNN.md`` (German) with an
optional translation beside it (``ausgabe-NNN.en.md``). Its fields:
``number`` and ``date`` (shared by all languages), ``title`` and
``summary`` (per language). The metadata check (``portal.metadata``)
validates the front matter against ``schemas/newsletter.schema.json``; an
issue whose values do not have the right shape is left out here and
reported there, once.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from portal.languages import Languages
from portal.metadata.dates import as_date
from portal.metadata.parse import FrontMatter, parse_front_matter
from portal.sources import source_cache

ISSUES_FOLDER = "newsletter/ausgaben"
"""Where issues live, below docs/."""

INDEX_PAGE = "newsletter/index.md"
"""The newsletter's overview page: it shows the archive."""


@dataclass(frozen=True)
class IssueText:
    """One language's version of an issue."""

    src_uri: str
    """Path below docs/, e.g. ``newsletter/ausgaben/ausgabe-001.en.md``."""
    path: str
    """Path as editors see it, e.g. ``docs/newsletter/ausgaben/ausgabe-001.en.md``."""
    language: str
    title: str
    summary: str
    front_matter: FrontMatter = field(repr=False, compare=False)

    def line(self, key: str) -> int:
        return self.front_matter.line_of((key,))


@dataclass(frozen=True)
class Issue:
    """One issue of the newsletter with its versions by language code."""

    number: int
    date: datetime.date
    source: IssueText
    """The version in the default language (the German source)."""
    texts: dict[str, IssueText]
    """Every version, the source included, by language code."""

    @property
    def src_uri(self) -> str:
        return self.source.src_uri

    def text(self, language: str) -> IssueText:
        """The version in `language`, or the source when it is not translated."""
        return self.texts.get(language, self.source)


def is_issue(src_uri: str) -> bool:
    """True for an issue's Markdown file (any language), below docs/."""
    return src_uri.startswith(ISSUES_FOLDER + "/") and src_uri.endswith(".md")


def issue_files(docs_dir: Path) -> list[Path]:
    folder = docs_dir / ISSUES_FOLDER
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def load_issues(docs_dir: Path, *, project_root: Path, languages: Languages) -> list[Issue]:
    """Every issue with a usable number and date, oldest first (by date, then number)."""
    cache = source_cache(project_root)
    texts: dict[str, list[IssueText]] = {}
    shared: dict[str, tuple[int, datetime.date]] = {}
    for file in issue_files(docs_dir):
        src_uri = file.relative_to(docs_dir).as_posix()
        front_matter = parse_front_matter(cache.get(file))
        data = front_matter.data or {}
        language = languages.of_source(src_uri)
        base = languages.default_source(src_uri)
        texts.setdefault(base, []).append(
            IssueText(
                src_uri=src_uri,
                path=front_matter.source.path,
                language=language.code,
                title=_text(data.get("title")),
                summary=_text(data.get("summary")),
                front_matter=front_matter,
            )
        )
        number, day = data.get("number"), _date(data.get("date"))
        if language.default and isinstance(number, int) and not isinstance(number, bool) and day:
            shared[base] = (number, day)
    issues = []
    for base, (number, day) in shared.items():
        versions = {text.language: text for text in texts[base]}
        issues.append(Issue(number, day, versions[languages.default.code], versions))
    return sorted(issues, key=lambda issue: (issue.date, issue.number))


def newest_first(issues: Iterable[Issue]) -> list[Issue]:
    return sorted(issues, key=lambda issue: (issue.date, issue.number), reverse=True)


# Helper functions


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _date(value: object) -> datetime.date | None:
    # YAML reads 2026-11-28 as a date; a date with time counts by its day.
    if isinstance(value, datetime.date | str):
        return as_date(value)
    return None
