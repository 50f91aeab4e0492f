"""Synthetic newsletter issues for tiny test sites (never real content)."""

from __future__ import annotations

from portal.site.config import load_site_config
from sitebuilder import MKDOCS_YML, page

START_BODY = """\
# Start

## Aktuelles

<!-- portal:news -->

<!-- portal:newsletter:subscribe -->
"""
START_BODY_EN = """\
# Home

## News

<!-- portal:news -->

<!-- portal:newsletter:subscribe -->
"""
ARCHIVE_BODY = """\
# Newsletter

## Archiv

<!-- portal:newsletter:archive -->

## Bestellen

<!-- portal:newsletter:subscribe -->
"""
ARCHIVE_BODY_EN = """\
# Newsletter

## Archive

<!-- portal:newsletter:archive -->

## Subscribe

<!-- portal:newsletter:subscribe -->
"""


def issue(
    number: int,
    date: str,
    title: str,
    *,
    summary: str | None = "Eine Zusammenfassung für den Test.",
    body: str = "Text der Testausgabe.",
) -> str:
    """The Markdown of an issue with valid front matter."""
    summary_line = "" if summary is None else f"summary: {summary}\n"
    front_matter = (
        "---\n"
        f'title: "{title}"\n'
        "description: Eine Testausgabe des Newsletters.\n"
        "type: newsletter\n"
        "audience: [Redaktion]\n"
        "tags: []\n"
        "owner: Redaktion\n"
        f"number: {number}\n"
        f"date: {date}\n"
        f"{summary_line}"
        "---\n"
    )
    return page(title, f"# {title}\n\n{body}", front_matter=front_matter)


def newsletter_pages(issues: dict[str, str]) -> dict[str, str]:
    """A tiny site: start pages with the news block, the archive page, and `issues`
    (file name in docs/newsletter/ausgaben/ → Markdown)."""
    return {
        "index.md": page("Start", START_BODY),
        "index.en.md": page("Home", START_BODY_EN),
        "newsletter/index.md": page("Newsletter", ARCHIVE_BODY),
        "newsletter/index.en.md": page("Newsletter", ARCHIVE_BODY_EN),
        **{f"newsletter/ausgaben/{name}": text for name, text in issues.items()},
    }


NOT_IN_NAV: str = load_site_config(MKDOCS_YML).data["not_in_nav"]
"""The portal's own: the legal pages and the issues stay out of the nav."""
NAV = "  - index.md\n  - newsletter/index.md\n"


FORM_SETTINGS = """\
extra:
  newsletter:
    form_url: {form_url}
    email_field: adresse
    hidden_fields: {{liste: hpv-test, sprache: de}}
    unsubscribe_url: https://listen.example.org/abmelden
"""
"""A list server's public form (a test's own address in browser tests)."""

MAILTO_SETTINGS = """\
extra:
  newsletter:
    subscribe_email: hpv-test-join@listen.example.org
    unsubscribe_email: hpv-test-leave@listen.example.org
"""
