"""The prepare stage, page by page: expanded Markdown, generated pages and files, template data.

Markers in the sources (``<!-- portal:events -->``, ``<!-- portal:glossary -->``,
…) become Markdown and HTML blocks here, before rendering; what a page's
templates show (its facts of metadata, the feeds of its language) comes
from `PagePreparer.context`. Everything is computed from the prepared site
and a `PageRef`, a plain description of a page in one language's build:
the engine's adapter only says which page it is rendering.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath
from typing import Any

from portal import template_documents as documents
from portal.events.calendar import (
    build_stamp,
    calendar_path,
    entry_calendar,
    feed_calendar,
    page_url,
)
from portal.events.details import page_details
from portal.events.overview import (
    EVENTS_MARKER,
    FEED_FILE,
    TRAININGS_MARKER,
    events_markdown,
    trainings_markdown,
)
from portal.glossary import alphabetical, append_definitions
from portal.handbook import MESSAGES_MARKER, REFERENCE_MARKER, TRANSLATIONS_MARKER
from portal.handbook.messages import messages_markdown
from portal.handbook.reference import reference_markdown
from portal.labels import labels_of
from portal.languages import Language
from portal.metadata.audiences import (
    AUDIENCES,
    OVERVIEW_DIR,
    Audience,
    OverviewEntry,
    index_markdown,
    overview_markdown,
)
from portal.metadata.display import page_meta
from portal.news import MARKER as NEWS_MARKER
from portal.news import NewsContext, collect, entries, relative_url
from portal.news_sources import PROVIDERS
from portal.newsletter.archive import ARCHIVE_MARKER, archive, issue_link, neighbours
from portal.newsletter.feeds import feeds_of
from portal.newsletter.model import is_issue
from portal.newsletter.subscription import SUBSCRIBE_MARKER
from portal.operator import PARTS, missing_operator_fields
from portal.stages.prepare import OPERATOR_MARKER, Prepared
from portal.stages.templates import Templates
from portal.translations.report import markdown_report
from portal.translations.status import translation_states

GLOSSARY_MARKER = "<!-- portal:glossary -->"
HANDBOOK_INDEX = "redaktion/index.md"
PRIVACY_PAGE = "datenschutz.md"
"""The privacy statement, which the sentence on double opt-in links."""
AUDIENCE_LIST_TEMPLATE = "partials/audience-list.html"
FACTS_TEMPLATE = "partials/event-details.html"


@dataclass(frozen=True)
class PageRef:
    """One page in the build of one language, as the stages need to know it."""

    src_uri: str
    """The source file built, relative to docs/ (``x.en.md``; ``x.md`` for a fallback page)."""
    url: str
    """The page's site-relative URL in this build (``en/einarbeitung/``)."""
    dest_uri: str
    language: Language
    """The language of the build the page is part of."""
    written_in: str
    """The language of its text: German for a German page shown to English readers."""
    title: str = ""
    generated_by: str | None = None
    """The engine's or a stage's name for a page without a source file (overviews, 404)."""
    meta: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)
    """The page's front matter, as the engine read it."""

    @property
    def name(self) -> str:
        """The page's own name, whatever its language: „einarbeitungsplan“."""
        dest = PurePosixPath(self.dest_uri)
        return dest.parent.name if dest.name == "index.html" else dest.stem


@dataclass(frozen=True)
class GeneratedFile:
    """A page or file the stages add to one language's build (path below docs/, no prefix)."""

    src_uri: str
    content: str | bytes


class PagePreparer:
    """The prepare stage's work on single pages, for every language of one site build."""

    def __init__(self, prepared: Prepared, *, templates: Templates) -> None:
        self.prepared = prepared
        self.site = prepared.site
        self.templates = templates

    # Markdown

    def expand(self, markdown: str, page: PageRef, *, site_name: str) -> str:
        """The page's Markdown with every marker replaced, in the order the blocks need.

        The glossary comes last, so that abbreviations in generated lists are
        explained too.
        """
        markdown = self._operator(markdown, page)
        markdown = self._newsletter(markdown, page, site_name=site_name)
        if NEWS_MARKER in markdown:
            markdown = markdown.replace(NEWS_MARKER, self._news(page))
        if documents.MARKER in markdown:
            markdown = markdown.replace(
                documents.MARKER, documents.links_html(page.name, language=page.written_in)
            )
        markdown = self._handbook(markdown)
        markdown = self._events(markdown, page)
        return self._glossary(markdown, page)

    def _operator(self, markdown: str, page: PageRef) -> str:
        if "<!-- portal:operator" not in markdown:
            return markdown
        operator = self.site.settings.operator
        template = self.templates.get("partials/operator.html")

        def render(match: re.Match[str]) -> str:
            part = match.group(1) or ""
            if part not in PARTS:
                return ""  # reported by the prepare stage
            return template.render(
                operator=operator,
                part=part,
                complete=not missing_operator_fields(operator, fields=PARTS[part]),
                language=page.language.code,
                default_language=self.site.languages.default.code,
            )

        return OPERATOR_MARKER.sub(render, markdown)

    def _newsletter(self, markdown: str, page: PageRef, *, site_name: str) -> str:
        if ARCHIVE_MARKER in markdown:
            years = archive(
                self.site.issues,
                language=page.language.code,
                languages=self.site.languages,
                page_url=page.url,
            )
            block = self._newsletter_block(
                "partials/newsletter-archive.html",
                page,
                years=years,
                feeds=self.feed_links(page, site_name=site_name),
            )
            markdown = markdown.replace(ARCHIVE_MARKER, block)
        if is_issue(page.src_uri):
            markdown = self._decorate_issue(markdown, page)
        if SUBSCRIBE_MARKER in markdown:
            privacy = self.site.languages.url(PRIVACY_PAGE, page.language.code)
            block = self._newsletter_block(
                "partials/newsletter-subscribe.html",
                page,
                subscription=self.prepared.subscription,
                privacy_href=relative_url(privacy, base=page.url),
            )
            markdown = markdown.replace(SUBSCRIBE_MARKER, block)
        return markdown

    def _newsletter_block(self, template: str, page: PageRef, **context: object) -> str:
        language = page.language.code
        words = labels_of("newsletter", language=language)
        return self.templates.render(template, language=language, words=words, **context)

    def _decorate_issue(self, markdown: str, page: PageRef) -> str:
        site = self.site.languages
        language = page.language.code
        base = site.default_source(page.src_uri)
        issue = next((issue for issue in self.site.issues if issue.src_uri == base), None)
        if issue is None:
            return markdown  # no usable number or date: the metadata check reports it
        template = "partials/newsletter-issue.html"
        own = issue_link(issue, language=language, languages=site, page_url=page.url)
        meta = self._newsletter_block(template, page, part="meta", issue=own)
        around = neighbours(
            self.site.issues, page.src_uri, language=language, languages=site, page_url=page.url
        )
        nav = self._newsletter_block(template, page, part="neighbours", neighbours=around)
        heading = labels_of("newsletter", language=language)["subscribe_heading"]
        lines = markdown.split("\n")
        first = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
        lines.insert(first + 1, "\n" + meta.strip() + "\n")
        return "\n".join([*lines, "", f"## {heading}", "", SUBSCRIBE_MARKER, "", nav.strip(), ""])

    def _news(self, page: PageRef) -> str:
        context = NewsContext(
            docs_dir=self.site.docs_dir,
            project_root=self.site.root,
            languages=self.site.languages,
            language=page.language,
            today=self.prepared.today,
        )
        language = page.language.code
        shown = entries(collect(PROVIDERS, context), page_url=page.url, language=language)
        return self.templates.render(
            "partials/news.html",
            entries=shown,
            language=language,
            words=labels_of("news", language=language),
        )

    def _handbook(self, markdown: str) -> str:
        if REFERENCE_MARKER in markdown:
            markdown = markdown.replace(REFERENCE_MARKER, reference_markdown())
        if MESSAGES_MARKER in markdown:
            markdown = markdown.replace(MESSAGES_MARKER, messages_markdown())
        if TRANSLATIONS_MARKER in markdown:
            markdown = markdown.replace(TRANSLATIONS_MARKER, self._translations_report)
        return markdown

    @cached_property
    def _translations_report(self) -> str:
        project = self.site.project
        return markdown_report(project, translation_states(project))

    def _events(self, markdown: str, page: PageRef) -> str:
        if EVENTS_MARKER not in markdown and TRAININGS_MARKER not in markdown:
            return markdown
        entries_, _ = self.site.events
        now = self.prepared.now
        src_uri = self.site.languages.default_source(page.src_uri)
        for marker, write in (
            (EVENTS_MARKER, events_markdown),
            (TRAININGS_MARKER, trainings_markdown),
        ):
            if marker in markdown:
                block = write(entries_, now=now, language=page.written_in, page_src_uri=src_uri)
                markdown = markdown.replace(marker, block)
        return markdown

    def _glossary(self, markdown: str, page: PageRef) -> str:
        glossary = self.site.glossary
        # A German page shown to English readers still reads German: its
        # explanations stay German.
        markdown = append_definitions(markdown, glossary.entries, language=page.written_in)
        if GLOSSARY_MARKER not in markdown or not glossary.found:
            return markdown  # a marker without the file: reported by the prepare stage
        block = self.templates.render(
            "partials/glossary.html",
            # Readers look a term up by its letter; the file keeps the editors' order.
            entries=alphabetical(glossary.entries),
            language=page.written_in,
            default_language=self.site.languages.default.code,
        )
        return markdown.replace(GLOSSARY_MARKER, block)

    # Data for the templates

    def context(self, page: PageRef, *, site_name: str) -> dict[str, Any]:
        """What the page's templates show beyond its text: facts of metadata, feeds."""
        context: dict[str, Any] = {"portal_feeds": self.feed_links(page, site_name=site_name)}
        record = self.prepared.metadata.pages.get(page.src_uri)
        if record is not None and page.generated_by is None:
            language = page.language
            urls = {
                value: f"{language.prefix}{OVERVIEW_DIR}/{audience.slug}/"
                for value, audience in AUDIENCES.items()
            }
            context["portal_meta"] = page_meta(
                record,
                language=language.code,
                audience_urls=urls,
                today=self.prepared.today,
                roles=self.site.roles[0],
            )
        return context

    def feed_links(self, page: PageRef, *, site_name: str) -> list[dict[str, str]]:
        """The feeds of the page's language as seen from it; none without issues."""
        if not self.site.issues:
            return []
        return [
            {
                "kind": feed.kind,
                "media_type": feed.media_type,
                "title": feed.title,
                "href": relative_url(feed.url, base=page.url),
            }
            for feed in feeds_of(page.language, site_name=site_name)
        ]

    @property
    def handbook(self) -> str | None:
        """The footer's link to the editors' handbook, when it exists."""
        return "redaktion/" if (self.site.docs_dir / HANDBOOK_INDEX).is_file() else None

    # Generated pages and files

    def overview_pages(
        self, language: Language, *, built: Mapping[str, str], existing: Iterable[str]
    ) -> list[GeneratedFile]:
        """The audiences' overview pages of one language.

        `built` maps every German source path of this language's build to its
        page URL; pages the editors wrote themselves (`existing`) win.
        """
        taken = set(existing)
        pages = self.prepared.metadata.pages
        order = [entry.target for entry in self.site.nav]
        audiences: list[Audience | None] = [None, *AUDIENCES.values()]
        generated = []
        for audience in audiences:
            src_uri = f"{OVERVIEW_DIR}/{audience.slug if audience else 'index'}.md"
            if src_uri in taken:
                continue
            if audience is None:
                content = index_markdown(pages=pages, language=language.code)
            else:
                own_url = language.prefix + src_uri.removesuffix(".md") + "/"
                content = self._overview(
                    audience, own_url=own_url, language=language.code, built=built, order=order
                )
            generated.append(GeneratedFile(src_uri, content))
        return generated

    def _overview(
        self,
        audience: Audience,
        *,
        own_url: str,
        language: str,
        built: Mapping[str, str],
        order: list[str],
    ) -> str:
        template = self.templates.get(AUDIENCE_LIST_TEMPLATE)

        def render_list(listed_entries: list[OverviewEntry]) -> str:
            listed = []
            for entry in listed_entries:
                url = built.get(entry.src_uri)
                if url is None:
                    continue  # excluded from the build (exclude_docs, drafts)
                href = relative_url(url, base=own_url)
                listed.append({**dataclasses.asdict(entry), "href": href, "lang": entry.language})
            return template.render(entries=listed, language=language)

        return overview_markdown(
            audience,
            pages=self.prepared.metadata.pages,
            language=language,
            render_list=render_list,
            order=order,
        )

    def calendar_files(self, language: Language, *, site_name: str) -> list[GeneratedFile]:
        """Each dated event's ``.ics`` file and the language's calendar of all dates."""
        entries_, _ = self.site.events
        stamp = build_stamp(self.prepared.now)
        site_url = self.site.settings.site_url
        dated = [entry for entry in entries_ if entry.dated]
        urls = {
            entry.src_uri: page_url(site_url, self.site.languages.url(entry.src_uri, language.code))
            for entry in dated
        }
        files = [
            GeneratedFile(
                calendar_path(entry),
                entry_calendar(
                    entry,
                    language=language.code,
                    page_url=urls[entry.src_uri],
                    stamp=stamp,
                    site_name=site_name,
                ),
            )
            for entry in dated
        ]
        feed = feed_calendar(
            [(entry, urls[entry.src_uri]) for entry in dated],
            language=language.code,
            stamp=stamp,
            site_name=site_name,
        )
        return [*files, GeneratedFile(FEED_FILE, feed)]

    def facts(self, html: str, page: PageRef) -> str:
        """An event's or training's facts, right after its heading, as part of its content.

        Search, print and the PDF editions get place, organiser and speakers
        with the text, where the theme puts a page's metadata.
        """
        entries_, _ = self.site.events
        src_uri = self.site.languages.default_source(page.src_uri)
        entry = next((entry for entry in entries_ if entry.src_uri == src_uri), None)
        if entry is None:
            return html
        calendar = page.language.prefix + calendar_path(entry) if entry.dated else None
        details = page_details(
            entry,
            language=page.language.code,
            calendar_url=relative_url(calendar, base=page.url) if calendar else None,
        )
        block = self.templates.render(FACTS_TEMPLATE, portal_event=details)
        heading, end, rest = html.partition("</h1>") if "<h1" in html else ("", "", html)
        return heading + end + block + rest
