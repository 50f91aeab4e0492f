"""The newsletter's item for the start page's news block: the latest issue."""

from __future__ import annotations

from collections.abc import Iterator

from portal.news import NewsContext, NewsItem
from portal.newsletter.model import load_issues, newest_first


def latest_issue(context: NewsContext) -> Iterator[NewsItem]:
    """The newest issue, in the language being built where it is translated."""
    issues = newest_first(
        load_issues(
            context.docs_dir, project_root=context.project_root, languages=context.languages
        )
    )
    if not issues:
        return
    issue = issues[0]
    text = issue.text(context.language.code)
    yield NewsItem(
        date=issue.date,
        kind="newsletter",
        title=text.title,
        url=context.languages.url(text.src_uri, text.language),
        summary=text.summary,
        language=text.language,
    )
