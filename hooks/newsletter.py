"""Newsletter: archive, issue pages, subscription, feeds and their autodiscovery links.

- The overview page asks for the archive with ``<!-- portal:newsletter:archive -->``
  (``overrides/partials/newsletter-archive.html``).
- Any page asks for the subscription block with
  ``<!-- portal:newsletter:subscribe -->`` (``newsletter-subscribe.html``), set
  up by the operator in ``extra.newsletter``; every issue gets it at its end.
- Every issue in ``docs/newsletter/ausgaben/`` gets its number and date under
  its heading and links to the previous and next issue
  (``newsletter-issue.html``).
- Each language build writes its RSS and Atom feeds and names them in the
  head of each of its pages (``portal_feeds``, used by ``overrides/main.html``).

The logic lives in ``portal.newsletter``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from portal.labels import labels_of
from portal.mkdocs_adapter import (
    BuildState,
    build_day,
    current_language,
    is_default_language_build,
    is_true,
    languages,
    project_root,
    report,
)
from portal.news import relative_url
from portal.newsletter.archive import ARCHIVE_MARKER, archive, issue_link, neighbours
from portal.newsletter.checks import check_issues
from portal.newsletter.feeds import feeds_of, render_feeds, write_feeds
from portal.newsletter.model import Issue, is_issue, load_issues
from portal.newsletter.subscription import (
    SUBSCRIBE_MARKER,
    Subscription,
    read_subscription,
    unset_finding,
)
from portal.site_config import SiteConfig, load_site_config

PRIVACY_PAGE = "datenschutz.md"
"""The privacy statement, which the sentence on double opt-in links."""


@dataclass
class _State:
    """What one site build knows about the newsletter (all languages share it)."""

    issues: list[Issue] = field(default_factory=list)
    subscription: Subscription = field(default_factory=lambda: Subscription("unset"))
    loaded: bool = False


_states: BuildState[_State] = BuildState(_State)

# Hooks


# After mkdocs-static-i18n (-100), which runs on_config again for each
# further language: the archive and the settings are read and checked once
# per site build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = _states.of(config)
    if state.loaded or not is_default_language_build(config):
        return config
    state.loaded = True
    root = project_root(config)
    state.issues = load_issues(
        Path(config.docs_dir), project_root=root, languages=languages(config)
    )
    report(check_issues(state.issues, today=build_day()), config=config)
    site_config = load_site_config(Path(config.config_file_path))
    path, line = site_config.shown("extra", root), _settings_line(site_config)
    state.subscription, problems = read_subscription(
        config.extra.get("newsletter"), path=path, line=line
    )
    report(problems, config=config)
    if state.subscription.kind == "unset" and not problems:
        # Like the operator's address: a setting of the operation, not a
        # content error. A notice in previews and CI, a failure in a release.
        release = is_true(config.extra.get("require_operator"))
        report([unset_finding(path=path, line=line)], config=config, notice=not release)
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if ARCHIVE_MARKER in markdown:
        markdown = markdown.replace(ARCHIVE_MARKER, _render_archive(page, config))
    if is_issue(page.file.src_uri):
        markdown = _decorate_issue(markdown, page, config)
    if SUBSCRIBE_MARKER in markdown:
        markdown = markdown.replace(SUBSCRIBE_MARKER, _render_subscription(page, config))
    return markdown


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: object
) -> TemplateContext:
    context["portal_feeds"] = _feed_links(page, config)  # type: ignore[typeddict-unknown-key]
    return context


# Before mkdocs-static-i18n (-100) starts the next language's build from its
# own on_post_build, and long before the link guard (-500) looks for the
# feeds that every page's head names.
@event_priority(0)
def on_post_build(*, config: MkDocsConfig) -> None:
    issues = _states.of(config).issues
    if not issues:
        return
    files = render_feeds(
        issues,
        language=current_language(config),
        languages=languages(config),
        site_url=config.site_url or "",
        site_name=config.site_name,
    )
    write_feeds(files, site_dir=Path(config.site_dir))


# Helper functions


def _feed_links(page: Page, config: MkDocsConfig) -> list[dict[str, str]]:
    """The feeds of the language being built, as seen from `page`; none without issues."""
    if not _states.of(config).issues:
        return []
    return [
        {
            "kind": feed.kind,
            "media_type": feed.media_type,
            "title": feed.title,
            "href": relative_url(feed.url, base=page.url),
        }
        for feed in feeds_of(current_language(config), site_name=config.site_name)
    ]


def _render(config: MkDocsConfig, template: str, **context: object) -> str:
    language = current_language(config).code
    words = labels_of("newsletter", language=language)
    env = config.theme.get_env()
    return env.get_template(template).render(language=language, words=words, **context)


def _render_archive(page: Page, config: MkDocsConfig) -> str:
    years = archive(
        _states.of(config).issues,
        language=current_language(config).code,
        languages=languages(config),
        page_url=page.url,
    )
    feeds = _feed_links(page, config)
    return _render(config, "partials/newsletter-archive.html", years=years, feeds=feeds)


def _render_subscription(page: Page, config: MkDocsConfig) -> str:
    code = current_language(config).code
    privacy = relative_url(languages(config).url(PRIVACY_PAGE, code), base=page.url)
    return _render(
        config,
        "partials/newsletter-subscribe.html",
        subscription=_states.of(config).subscription,
        privacy_href=privacy,
    )


def _decorate_issue(markdown: str, page: Page, config: MkDocsConfig) -> str:
    site = languages(config)
    language = current_language(config).code
    issues = _states.of(config).issues
    base = site.default_source(page.file.src_uri)
    issue = next((issue for issue in issues if issue.src_uri == base), None)
    if issue is None:
        return markdown  # no usable number or date: the metadata check reports it
    template = "partials/newsletter-issue.html"
    own = issue_link(issue, language=language, languages=site, page_url=page.url)
    meta = _render(config, template, part="meta", issue=own)
    around = neighbours(
        issues, page.file.src_uri, language=language, languages=site, page_url=page.url
    )
    nav = _render(config, template, part="neighbours", neighbours=around)
    heading = labels_of("newsletter", language=language)["subscribe_heading"]
    lines = markdown.split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines.insert(first + 1, "\n" + meta.strip() + "\n")
    return "\n".join([*lines, "", f"## {heading}", "", SUBSCRIBE_MARKER, "", nav.strip(), ""])


def _settings_line(site_config: SiteConfig) -> int:
    return site_config.line_of("extra", "newsletter") or site_config.line_of("extra")
