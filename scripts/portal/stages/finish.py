"""The finish stage: the rendered pages transformed in one pass, then the site-wide outputs.

A `Finisher` lives for one site build (every language). The engine's
adapter hands it each page's rendered content (`content`), each language's
rendered pages once all are rendered (`rendered`), each written page
(`written`) and the finished site (`site_built`); the finisher transforms
and collects, writes the outputs that need the whole site and returns its
findings. Nothing here knows the engine.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from portal import template_documents as documents
from portal.csp import form_targets, secure_site
from portal.downloads import annotate, describe
from portal.editions import EDITIONS, in_language, shown_on
from portal.editions.assemble import Chapter, Missing, assemble
from portal.editions.render import FontsMissing, render_pdf
from portal.emphasis import EmphasisProblem, emphasis_problems
from portal.findings import ConfigurationError, Finding
from portal.glossary import GlossaryEntry
from portal.languages import Language
from portal.links import PageInfo, check_site
from portal.links.fallback import anchor_ids, lead_to_anchors
from portal.metadata.dates import as_date
from portal.newsletter.feeds import render_feeds, write_feeds
from portal.preview import banners_by_page, insert_banner
from portal.print_links import mark
from portal.redirects import language_redirects, write_pages
from portal.search import Language as SearchLanguage
from portal.search import (
    keyword_texts,
    language_name,
    link_texts,
    localize_index,
    stub_index,
    write_index,
)
from portal.search.index import IndexOptions, SynonymGroup, build_index
from portal.sources import SourceFile
from portal.stages.pages import PagePreparer, PageRef
from portal.stages.prepare import Prepared

EDITIONS_CACHE = Path(".cache", "editions")
"""Below the project: PDF editions already laid out, by the digest of what went into them."""


@dataclass(frozen=True)
class EditionLink:
    """What a page shows of an edition: its title, file and „PDF, 412 KB“."""

    title: str
    path: str
    meta: str


@dataclass(frozen=True)
class EditionTiming:
    """How long laying out one edition took (the benchmark reads these)."""

    path: str
    size: int
    seconds: float
    cpu_seconds: float


@dataclass
class _Language:
    """What the finish stage collects from one language's pages."""

    chapters: dict[str, Chapter] = field(default_factory=dict)
    missing: dict[str, Missing] = field(default_factory=dict)
    editions: dict[str, EditionLink] = field(default_factory=dict)
    words: dict[str, list[str]] = field(default_factory=dict)
    """Page URL → the texts of links to it, and its own keywords (search)."""
    fallbacks: set[str] = field(default_factory=set)
    """URLs of pages shown in this language that are written in another one."""


class Finisher:
    """The finish stage of one site build, all languages."""

    def __init__(self, prepared: Prepared, *, preparer: PagePreparer, site_dir: Path) -> None:
        self.prepared = prepared
        self.site = prepared.site
        self.preparer = preparer
        self.site_dir = site_dir
        self.findings: list[Finding] = []
        self.timings: list[EditionTiming] = []
        self._languages: dict[str, _Language] = {}
        self._documents: dict[Path, bytes] = {}
        self._contents: dict[str, str] = {}
        self._anchors: dict[str, frozenset[str]] = {}
        self._pages: dict[str, PageInfo] = {}
        self._sources: dict[str, Path] = {}

    # Page by page

    def content(
        self,
        html: str,
        page: PageRef,
        *,
        size_of: Callable[[str], int | None],
        site_name: str,
    ) -> str:
        """One pass over a page's rendered content, before the theme frames it.

        In this order: the facts of an event (so that every later step sees
        them), the emphasis guard, the DOCX/ODT files of a template, the
        words search weighs, the sizes of downloads, the full addresses print
        shows, and the page as a chapter of a PDF edition, as readers see it.
        """
        html = self.preparer.facts(html, page)
        self.findings += self._emphasis(html, page)
        self._template_documents(html, page, site_name=site_name)
        words = self._language(page.language).words
        for url, text in link_texts(html, page_url=page.url):
            words.setdefault(url, []).append(text)
        keywords = page.meta.get("keywords")
        own = [str(word) for word in keywords] if isinstance(keywords, list) else []
        words.setdefault(page.url, []).extend([*keyword_texts(html), *own])
        if page.written_in != page.language.code:
            self._language(page.language).fallbacks.add(page.url)
        html = annotate(html, page_url=page.url, size_of=size_of, language=page.language.code)
        html = mark(html, page_url=page.url, site_url=self.site.settings.site_url)
        self._chapter(html, page)
        return html

    def rendered(
        self,
        language: Language,
        pages: Sequence[tuple[PageRef, str]],
        *,
        order: Sequence[str],
        site_name: str,
    ) -> dict[str, str]:
        """Every page of `language` is rendered, none framed: editions, then fallback anchors.

        Returns the pages whose content changed, by URL.
        """
        if self.site.settings.pdf:
            self._editions(language, order=order, site_name=site_name)
        for page, content in pages:
            self._contents[page.url] = content
            self._anchors.pop(page.url, None)
        if language.default:
            return {}
        changed = {}
        for page, content in pages:
            if content and page.written_in != language.code:
                changed[page.url] = lead_to_anchors(
                    content,
                    page_url=page.url,
                    anchors_of=self._anchors_of,
                    languages=self.site.languages,
                    site_url=self.site.settings.site_url,
                )
        return changed

    def written(self, page: PageRef) -> None:
        """A page is on disk: remember where it came from for the site-wide checks."""
        source = None if page.generated_by else page.src_uri
        self._pages[page.dest_uri] = PageInfo(source, page.written_in, page.generated_by)
        if source is not None:
            self._sources[page.dest_uri] = (self.site.docs_dir / source).resolve()

    def editions_of(self, source: str, language: Language) -> list[EditionLink]:
        """The editions a page links, in the language being built (for the templates)."""
        links = self._language(language).editions
        return [links[e.section] for e in shown_on(source) if e.section in links]

    # Language by language

    def language_built(self, language: Language, *, site_name: str) -> None:
        """One language's pages are written: its feeds and its template files."""
        if self.site.issues:
            files = render_feeds(
                self.site.issues,
                language=language,
                languages=self.site.languages,
                site_url=self.site.settings.site_url,
                site_name=site_name,
            )
            write_feeds(files, site_dir=self.site_dir)
        for target, content in self._documents.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        self._documents.clear()

    def search_indexes(
        self,
        entries: Mapping[str, list[dict[str, Any]]],
        *,
        base_config: Mapping[str, Any],
    ) -> None:
        """Per language a stub for the theme's page script and the portal's own index."""
        languages = [
            SearchLanguage(locale=language.code, prefix=language.prefix, name=language.name)
            for language in self.site.languages
        ]
        glossary = self.site.glossary.entries
        for language in languages:
            docs = entries.get(language.locale)
            if docs is None:
                continue
            collected = self._languages.get(language.locale, _Language())
            index = localize_index(
                docs,
                base_config=dict(base_config),
                language=language,
                languages=languages,
                fallback_pages=collected.fallbacks,
                fallback_tag=language_name(languages[0].locale, reader=language.locale),
            )
            words = {
                url.removeprefix(language.prefix): texts
                for url, texts in collected.words.items()
                if url.startswith(language.prefix)
            }
            options = IndexOptions(
                locale=language.locale,
                synonyms=_synonyms(glossary, english=language != languages[0]),
                anchors=words,
                foreign={url.removeprefix(language.prefix) for url in collected.fallbacks},
            )
            write_index(self.site_dir / language.index_path, stub_index(index, language=language))
            write_index(
                self.site_dir / language.portal_index_path, build_index(index["docs"], options)
            )

    # The whole site

    def site_built(self, *, template_dirs: Sequence[Path], in_pages: bool) -> list[Finding]:
        """Every language is on disk: redirects, the link guard, the security policy."""
        site = self.site
        config_file = site.project.config_file
        pages, findings = language_redirects(
            site.redirects,
            languages=site.languages,
            docs_dir=site.docs_dir,
            config_shown=site.shown(config_file),
            config_text=site.config.text,
        )
        write_pages(self.site_dir, pages)
        findings += check_site(
            self.site_dir,
            pages=dict(self._pages),
            project_root=site.root,
            docs_dir=site.docs_dir,
            config_file=config_file,
            template_dirs=template_dirs,
            languages=site.languages,
            base_path=urlsplit(site.settings.site_url).path or "/",
            redirects=site.redirects,
        )
        # A newsletter form the policy cannot allow is the setup's error: it stops the build.
        targets = form_targets(site.settings.extra)
        _, policy_findings = secure_site(
            self.site_dir,
            targets=targets,
            sources=self._sources,
            root=site.root,
            in_pages=in_pages,
        )
        # The prepare stage has reported what pages' sources block, each at its
        # own line; the built page can only point at the first such line.
        prepared = {(f.path, f.problem) for f in self.prepared.findings}
        return findings + [f for f in policy_findings if (f.path, f.problem) not in prepared]

    def preview_banners(self, findings: Iterable[Finding]) -> None:
        """The editors' preview: each page shows the findings about its source."""
        shown = {dest: self.site.shown(path) for dest, path in self._sources.items()}
        starts = [f"{language.prefix}index.html" for language in self.site.languages]
        banners = banners_by_page(findings, pages=shown, start_pages=starts)
        for dest, banner in banners.items():
            path = self.site_dir / dest
            if not path.is_file():
                continue
            html = insert_banner(path.read_text(encoding="utf-8"), banner)
            if html is not None:
                path.write_text(html, encoding="utf-8")

    # Helper functions

    def _language(self, language: Language) -> _Language:
        return self._languages.setdefault(language.code, _Language())

    def _anchors_of(self, url: str) -> frozenset[str] | None:
        if url not in self._contents:
            return None
        if url not in self._anchors:
            self._anchors[url] = anchor_ids(self._contents[url])
        return self._anchors[url]

    def _emphasis(self, html: str, page: PageRef) -> list[Finding]:
        problems = emphasis_problems(html)
        if not problems:
            return []
        path = self.site.docs_dir / page.src_uri
        source = self.site.source(page.src_uri) if path.is_file() else None
        shown = source.path if source else page.src_uri
        return [Finding(shown, _line(source, p), p.problem, p.fix) for p in problems]

    def _template_documents(self, html: str, page: PageRef, *, site_name: str) -> None:
        if documents.LINKS_CLASS not in html:
            return
        language = page.written_in
        info = documents.DocumentInfo(
            title=page.title,
            language=language,
            note=documents.note(site_name, language=language),
        )
        blocks = documents.blocks_from_html(html)
        folder = self.site_dir / PurePosixPath(page.dest_uri).parent
        self._documents[folder / documents.file_name(page.name, "docx")] = documents.to_docx(
            blocks, info
        )
        self._documents[folder / documents.file_name(page.name, "odt")] = documents.to_odt(
            blocks, info
        )

    def _chapter(self, html: str, page: PageRef) -> None:
        if not self.site.settings.pdf:
            return
        languages = self.site.languages
        source = languages.default_source(page.src_uri)
        if not any(edition.holds(source) for edition in EDITIONS):
            return
        collected = self._language(page.language)
        if page.written_in == page.language.code:
            collected.chapters[source] = Chapter(
                source=source,
                url=page.url,
                title=page.title or source,
                html=html,
                updated=as_date(page.meta.get("updated")),
            )
        else:
            # A page not yet translated: named on the edition's title page.
            url = urljoin(
                self.site.settings.site_url, languages.url(source, languages.default.code)
            )
            collected.missing[source] = Missing(page.title or source, url)

    def _editions(self, language: Language, *, order: Sequence[str], site_name: str) -> None:
        collected = self._language(language)
        for edition in EDITIONS:
            chapters = [
                collected.chapters[s] for s in order if edition.holds(s) and s in collected.chapters
            ]
            missing = [
                collected.missing[s] for s in order if edition.holds(s) and s in collected.missing
            ]
            if edition.index_source() not in collected.chapters:
                continue
            if not language.default and not in_language(
                len(chapters) + len(missing), len(chapters), index_translated=True
            ):
                continue
            started, cpu = time.perf_counter(), time.process_time()
            html = assemble(
                edition=edition,
                language=language,
                chapters=chapters,
                missing=missing,
                site_name=site_name,
                site_url=self.site.settings.site_url,
            )
            target = self.site_dir / edition.path(language)
            try:
                size = render_pdf(
                    html,
                    base=self.site.docs_dir,
                    target=target,
                    cache_dir=self.site.root / EDITIONS_CACHE,
                )
            except FontsMissing as error:
                raise ConfigurationError(
                    f"Die Schriften der PDF-Ausgaben fehlen ({error}) — "
                    "make install installiert Debians fonts-dejavu-core."
                ) from error
            self.timings.append(
                EditionTiming(
                    edition.path(language),
                    size,
                    time.perf_counter() - started,
                    time.process_time() - cpu,
                )
            )
            collected.editions[edition.section] = EditionLink(
                title=chapters[0].title,
                path=edition.path(language),
                meta=describe(target.name, size, language=language.code),
            )


def _line(source: SourceFile | None, problem: EmphasisProblem) -> int:
    # The rendered words lost their stars; the source still has them right
    # after the word where the emphasis went wrong.
    if source is None:
        return 0
    for needle in (problem.anchor + "*", problem.anchor + "_", problem.anchor):
        line = source.line_of(needle, start=source.body_line)
        if line:
            return line
    return 0


def _synonyms(entries: Iterable[GlossaryEntry], *, english: bool) -> list[SynonymGroup]:
    """Abbreviation and German term; beyond the default language also the English explanation."""
    groups = []
    for entry in entries:
        # A term without an abbreviation has no second German form.
        forms = [form for form in (entry.abbr, entry.term) if form]
        if english and entry.en:
            forms.append(entry.en)
        if len(forms) > 1:
            groups.append(SynonymGroup(forms=tuple(forms)))
    return groups
