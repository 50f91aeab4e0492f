"""The providers of the start page's news block (see `portal.news`).

One entry per kind of news; the block shows the newest items of all of them.
"""

from __future__ import annotations

from portal.events.news import events_and_trainings
from portal.news import NewsProvider
from portal.newsletter.news import latest_issue

PROVIDERS: list[NewsProvider] = [
    latest_issue,
    events_and_trainings,
]
