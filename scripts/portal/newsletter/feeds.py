"""The newsletter's feeds: RSS 2.0 and Atom per language, written with feedgen.

Each language has both feeds in its newsletter folder
(``newsletter/feed.rss.xml`` and ``newsletter/feed.atom.xml``, under ``en/`` for
English). Every URL in them is absolute, made from ``site_url``
(`portal.deployment`: the local address in previews and tests, the public one
in a release build). An issue not translated into the feed's language is
listed with its German title and summary.

Feeds carry the day of each issue, at midnight UTC: the front matter knows
the day, not the hour. The feed's own date is the newest issue's, never the
time of the build, so that a build without a new issue writes the same
bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from portal.labels import label
from portal.languages import Language, Languages
from portal.newsletter.model import INDEX_PAGE, Issue, newest_first

RSS_FILE = "feed.rss.xml"
ATOM_FILE = "feed.atom.xml"
FEED_FOLDER = "newsletter/"
"""Below each language's folder; the feeds sit beside the archive page."""


@dataclass(frozen=True)
class Feed:
    """One feed of one language, as a page's head and the archive link it."""

    kind: str
    """``rss`` or ``atom``."""
    media_type: str
    title: str
    url: str
    """Site-relative, e.g. ``en/newsletter/feed.atom.xml``."""


def feeds_of(language: Language, *, site_name: str) -> list[Feed]:
    """The two feeds of `language` (whether or not they have been written yet)."""
    folder = language.prefix + FEED_FOLDER
    title = f"{site_name}: Newsletter"
    return [
        Feed("rss", "application/rss+xml", f"{title} (RSS)", folder + RSS_FILE),
        Feed("atom", "application/atom+xml", f"{title} (Atom)", folder + ATOM_FILE),
    ]


def render_feeds(
    issues: Sequence[Issue],
    *,
    language: Language,
    languages: Languages,
    site_url: str,
    site_name: str,
) -> dict[str, bytes]:
    """Both feeds of `language`: site-relative file path → content."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    archive_url = urljoin(base, languages.url(INDEX_PAGE, language.code))
    feeds = feeds_of(language, site_name=site_name)
    generator = FeedGenerator()
    generator.id(archive_url)
    generator.title(f"{site_name}: Newsletter")
    generator.description(f"{site_name}: Newsletter")
    generator.language(language.code)
    ordered = newest_first(issues)
    if ordered:
        newest = _moment(ordered[0].date)
        generator.updated(newest)
        generator.lastBuildDate(newest)
    # feedgen keeps entries in the order they are added and writes them
    # newest first only when each is prepended: add the oldest first.
    for issue in reversed(ordered):
        text = issue.text(language.code)
        url = urljoin(base, languages.url(text.src_uri, text.language))
        entry = generator.add_entry()
        entry.id(url)
        entry.guid(url, permalink=True)
        word = label("newsletter", "issue", language=language.code)
        entry.title(f"{word} {issue.number}: {text.title}")
        entry.link(href=url, rel="alternate")
        entry.summary(text.summary or text.title)
        entry.published(_moment(issue.date))
        entry.updated(_moment(issue.date))
    rss, atom = feeds
    alternate = {"href": archive_url, "rel": "alternate"}
    # RSS's channel link is feedgen's last link: the archive page, after "self".
    generator.link([{"href": urljoin(base, atom.url), "rel": "self"}, alternate], replace=True)
    atom_bytes: bytes = generator.atom_str(pretty=True)
    generator.link([{"href": urljoin(base, rss.url), "rel": "self"}, alternate], replace=True)
    rss_bytes: bytes = generator.rss_str(pretty=True)
    return {rss.url: rss_bytes, atom.url: atom_bytes}


def write_feeds(files: dict[str, bytes], *, site_dir: Path) -> None:
    """Write the feeds into the built site; unchanged files are left alone."""
    for relative, content in files.items():
        target = site_dir / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


# Helper functions


def _moment(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)
