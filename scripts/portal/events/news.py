"""Events and trainings as items of the start page's news block (`portal.news`).

Only dated entries are news: an offer without a documented date is not
announced as news (the start page would promise what nobody knows).
"""

from __future__ import annotations

from collections.abc import Iterator

from portal.events.pages import read_entries
from portal.news import NewsContext, NewsItem


def events_and_trainings(context: NewsContext) -> Iterator[NewsItem]:
    """One item per dated event or training, dated by its first day."""
    entries, _ = read_entries(
        context.docs_dir, project_root=context.project_root, languages=context.languages
    )
    code = context.language.code
    for entry in entries:
        if not entry.dated:
            continue
        translated = code in entry.translated
        yield NewsItem(
            date=entry.occurrences[0].first_day,
            kind=entry.kind,
            title=entry.title(code),
            url=context.languages.url(entry.src_uri, code),
            summary=entry.description(code),
            language=code if translated else context.languages.default.code,
        )
