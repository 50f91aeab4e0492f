"""The start page's news block: items from several sources, newest first.

Each kind of news (newsletter issues, events, trainings, …) has a provider:
a function that gets a `NewsContext` and returns `NewsItem`s for the language
being built. `portal.news_sources.PROVIDERS` lists them; a new kind of news
is one more function there, not a change to this module or to the template
(``overrides/partials/news.html``, rendered by ``portal.stages.pages``).

An item's URL is site-relative as built (``en/newsletter/ausgaben/ausgabe-001/``),
so that the block can be placed on any page: `entries` makes it relative to
the page that shows it, and marks links into another language with
``hreflang`` (the link guard accepts such a switch only when it is declared).
"""

from __future__ import annotations

import datetime
import posixpath
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from portal.labels import label
from portal.languages import Language, Languages
from portal.metadata.dates import format_date

MARKER = "<!-- portal:news -->"
"""Where a page (the start page of each language) shows the news block."""

LIMIT = 5
"""At most this many items: the block points to the archives, it is none."""


@dataclass(frozen=True)
class NewsItem:
    """One entry of the news block."""

    date: datetime.date
    """The day the item is about: an issue's date, an event's first day."""
    kind: str
    """Its kind, a key of ``LABELS["news"]`` (e.g. ``newsletter``, ``event``)."""
    title: str
    url: str
    """Site-relative URL of the page as built, e.g. ``en/newsletter/ausgaben/ausgabe-001/``."""
    summary: str
    """One or two sentences; may be empty."""
    language: str
    """The language the linked page is written in (German for an untranslated page)."""


@dataclass(frozen=True)
class NewsContext:
    """What a provider knows about the build it provides for."""

    docs_dir: Path
    project_root: Path
    languages: Languages
    language: Language
    """The language being built: items are in it where a translation exists."""
    today: datetime.date


NewsProvider = Callable[[NewsContext], Iterable[NewsItem]]
"""A source of news items, listed in `portal.news_sources.PROVIDERS`."""


@dataclass(frozen=True)
class NewsEntry:
    """An item as the template shows it on one page."""

    iso_date: str
    date_text: str
    kind: str
    """The kind in the reader's language."""
    title: str
    href: str
    hreflang: str
    """The target's language when it differs from the page's, else empty."""
    summary: str


def collect(providers: Iterable[NewsProvider], context: NewsContext) -> list[NewsItem]:
    """Every provider's items, newest first, at most `LIMIT`."""
    items = [item for provider in providers for item in provider(context)]
    items.sort(key=lambda item: (item.date, item.kind, item.title), reverse=True)
    return items[:LIMIT]


def entries(items: Sequence[NewsItem], *, page_url: str, language: str) -> list[NewsEntry]:
    """The items as shown on the page at `page_url` (site-relative) in `language`."""
    return [
        NewsEntry(
            iso_date=item.date.isoformat(),
            date_text=format_date(item.date, language=language),
            kind=label("news", item.kind, language=language),
            title=item.title,
            href=relative_url(item.url, base=page_url),
            hreflang="" if item.language == language else item.language,
            summary=item.summary,
        )
        for item in items
    ]


def relative_url(target: str, *, base: str) -> str:
    """`target` as seen from the page at `base`, both site-relative directory URLs."""
    folder = base if base.endswith("/") or not base else posixpath.dirname(base) + "/"
    relative = posixpath.relpath("/" + target, "/" + folder)
    if target.endswith("/") and not relative.endswith("/"):
        relative += "/"
    return "./" if relative == "./" or relative == "." else relative
