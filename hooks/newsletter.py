"""Newsletter: the archive on its overview page, number, date and neighbours on each issue.

The overview page asks for the archive with ``<!-- portal:newsletter:archive -->``
(template ``overrides/partials/newsletter-archive.html``); every issue page in
``docs/newsletter/ausgaben/`` gets its number and date under its heading and
links to the previous and next issue at its end
(``overrides/partials/newsletter-issue.html``). The logic lives in
``portal.newsletter``; this file only connects it to MkDocs.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.labels import labels_of
from portal.mkdocs_adapter import (
    BuildState,
    current_language,
    is_default_language_build,
    languages,
    project_root,
    report,
)
from portal.newsletter.archive import ARCHIVE_MARKER, archive, issue_link, neighbours
from portal.newsletter.checks import check_issues
from portal.newsletter.model import Issue, is_issue, load_issues

# The issues of one site build: read once, shared by the language builds.
_issues: BuildState[list[list[Issue]]] = BuildState(list)

# Hooks


# After mkdocs-static-i18n (-100), which runs on_config again for each
# further language: the archive is checked once per site build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if is_default_language_build(config):
        report(check_issues(_issues_of(config), today=datetime.date.today()), config=config)
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    src_uri = page.file.src_uri
    if ARCHIVE_MARKER in markdown:
        markdown = markdown.replace(ARCHIVE_MARKER, _render_archive(page, config))
    if is_issue(src_uri):
        markdown = _decorate_issue(markdown, page, config)
    return markdown


# Helper functions


def _issues_of(config: MkDocsConfig) -> list[Issue]:
    cached = _issues.of(config)
    if not cached:
        cached.append(
            load_issues(
                Path(config.docs_dir),
                project_root=project_root(config),
                languages=languages(config),
            )
        )
    return cached[0]


def _render_archive(page: Page, config: MkDocsConfig) -> str:
    language = current_language(config).code
    years = archive(
        _issues_of(config), language=language, languages=languages(config), page_url=page.url
    )
    template = config.theme.get_env().get_template("partials/newsletter-archive.html")
    words = labels_of("newsletter", language=language)
    return template.render(years=years, language=language, words=words)


def _decorate_issue(markdown: str, page: Page, config: MkDocsConfig) -> str:
    site = languages(config)
    language = current_language(config).code
    issues = _issues_of(config)
    base = site.default_source(page.file.src_uri)
    issue = next((issue for issue in issues if issue.src_uri == base), None)
    if issue is None:
        return markdown  # no usable number or date: the metadata check reports it
    template = config.theme.get_env().get_template("partials/newsletter-issue.html")
    own = issue_link(issue, language=language, languages=site, page_url=page.url)
    words = labels_of("newsletter", language=language)
    meta = template.render(part="meta", issue=own, language=language, words=words)
    around = neighbours(
        issues, page.file.src_uri, language=language, languages=site, page_url=page.url
    )
    nav = template.render(part="neighbours", neighbours=around, language=language, words=words)
    lines = markdown.split("\n")
    heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines.insert(heading + 1, "\n" + meta.strip() + "\n")
    return "\n".join(lines) + "\n\n" + nav.strip() + "\n"
