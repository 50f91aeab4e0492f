"""The site a build would make, read from the Markdown sources alone.

The link guard (`portal.links.check`) judges links against built pages: the
set of files, each page's anchors and links. Building takes the time of a
Markdown rendering per page and language; for ``check`` the same shape is
derived from the sources directly:

- every page in every language at the place i18n builds it (a missing
  translation falls back to the default language's page);
- anchors from headings, slugged as mkdocs.yml's ``toc`` extension does
  (``pymdownx.slugs.slugify``, lower case, ``_1`` for repeats), explicit
  ``{#id}``/``id="…"``, footnotes and the glossary's entries;
- links as Python-Markdown reads them (`portal.check.prose`: a target with
  spaces or in angle brackets is one) and as MkDocs rewrites them: a link to
  an existing Markdown file of the page's language (or the default's)
  becomes the URL of its page, a link to an existing file becomes relative
  to the page's folder in the site, anything else stays as written, as in
  the build.

Links in code (fenced blocks, inline code) are text, not links.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from markdown.blockprocessors import ReferenceProcessor  # type: ignore[import-untyped]
from pymdownx.slugs import slugify  # type: ignore[import-untyped]

from portal.check.prose import heading, markdown_links, prose_lines
from portal.glossary import GLOSSARY_FILE, load_glossary
from portal.languages import Languages
from portal.links.check import SiteScan
from portal.links.extract import CONTENT, Link, PageScan
from portal.links.mapping import PageInfo, infer_pages
from portal.links.resolve import is_external
from portal.metadata.audiences import AUDIENCES, OVERVIEW_DIR
from portal.sources import SourceCache

GLOSSARY_MARKER = "<!-- portal:glossary -->"

# As configured in mkdocs.yml (markdown_extensions: toc: slugify); the test
# comparing `check` with a build shows when the two part ways.
_slug = slugify(case="lower")

_ATTR_LIST = re.compile(r"\{:?([^{}]*)\}\s*$")
_ATTR_ID = re.compile(r"(?:^|\s)#([^\s}]+)")
_HTML_ID = re.compile(r"""<[^>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
_INLINE_ID = re.compile(r"\{:?[^{}]*?(?:^|\s|\{)#([\w:.-]+)[^{}]*\}")
_REFERENCE = ReferenceProcessor.RE
_HTML_LINK = re.compile(r"""<(a|img)\s[^>]*?\b(href|src)\s*=\s*["']([^"']*)["']([^>]*)>""")
_HREFLANG = re.compile(r"""hreflang\s*=\s*["']?([\w-]+)""")
_FOOTNOTE = re.compile(r"\[\^([^\]]+)\]")
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")


@dataclass(frozen=True)
class SourcesSite:
    """The site as the link guard sees it, and which source made each page."""

    scan: SiteScan
    pages: dict[str, PageInfo]


def read_sources_site(
    docs_dir: Path,
    *,
    cache: SourceCache,
    languages: Languages,
    excluded: Iterable[str] = (),
    files: Iterable[str] | None = None,
) -> SourcesSite:
    """Every page of every language, with its anchors and its links as the build writes them.

    `files` are the site's files below `docs_dir` when it has walked the folder already.
    """
    skip = set(excluded)
    docs_files = (
        sorted(files)
        if files is not None
        else sorted(
            path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*") if path.is_file()
        )
    )
    sources = {uri for uri in docs_files if languages.is_source(uri) and uri not in skip}
    pages = {
        dest: info
        for dest, info in infer_pages(docs_dir, languages=languages).items()
        if info.src_uri in sources
    }
    assets = [uri for uri in docs_files if not languages.is_source(uri) and uri not in skip]
    files = set(pages) | set(assets)
    # Generated pages (portal.stages.pages): the audiences' overviews.
    for slug in ["index", *(audience.slug for audience in AUDIENCES.values())]:
        for language in languages:
            files.add(languages.dest_path(f"{OVERVIEW_DIR}/{slug}.md", language.code))
    glossary_ids = _glossary_ids(docs_dir, cache=cache)
    parsed: dict[str, tuple[frozenset[str], list[tuple[str, str, str | None]]]] = {}
    site = SiteScan(frozenset(files))
    for dest, info in pages.items():
        assert info.src_uri is not None
        if info.src_uri not in parsed:
            text = cache.get(docs_dir / info.src_uri).text
            ids, links = _read_page(text)
            if GLOSSARY_MARKER in text:
                ids |= glossary_ids
            parsed[info.src_uri] = (ids, links)
        ids, links = parsed[info.src_uri]
        page_url = dest[: -len("index.html")]
        built = tuple(
            Link(
                _as_built(
                    url,
                    src_uri=info.src_uri,
                    page_url=page_url,
                    sources=sources,
                    files=files,
                    languages=languages,
                    tree=languages.of_url(dest).code,
                ),
                attribute,
                CONTENT,
                "img" if attribute == "src" else "a",
                hreflang,
            )
            for url, attribute, hreflang in links
        )
        site.pages[dest] = PageScan(ids, built, False, languages.of_url(dest).code)
    return SourcesSite(site, pages)


def heading_ids(headings: Iterable[str]) -> list[str]:
    """The ids the ``toc`` extension gives a page's headings, in order."""
    seen: set[str] = set()
    ids = []
    for text in headings:
        ids.append(_unique(_slug(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", text), "-"), seen))
    return ids


# Helper functions


def _read_page(text: str) -> tuple[frozenset[str], list[tuple[str, str, str | None]]]:
    ids: set[str] = set()
    seen: set[str] = set()
    links: list[tuple[str, str, str | None]] = []
    references: dict[str, str] = {}
    used_references: list[str] = []
    for _, plain in prose_lines(text):
        found = heading(plain)
        if found is not None:
            title = found.text
            attributes = _ATTR_LIST.search(title)
            explicit = _ATTR_ID.search(attributes.group(1)) if attributes else None
            if attributes:
                title = title[: attributes.start()].rstrip()
            if explicit is not None:
                ids.add(explicit.group(1))
                seen.add(explicit.group(1))
            else:
                slug = _slug(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", title), "-")
                ids.add(_unique(slug, seen))
        ids.update(_HTML_ID.findall(plain))
        ids.update(_INLINE_ID.findall(plain))
        for name in _FOOTNOTE.findall(plain):
            ids.update({f"fn:{name}", f"fnref:{name}"})
        reference = _REFERENCE.match(plain)
        if reference is not None and not reference.group(1).startswith("^"):
            # As Python-Markdown reads a definition: `[name]: <ziel>` without spaces.
            references[reference.group(1).strip().lower()] = (
                reference.group(2).lstrip("<").rstrip(">")
            )
            continue
        for link in markdown_links(plain):
            hreflang = dict(link.attributes).get("hreflang")
            links.append((link.url, "src" if link.image else "href", hreflang))
        for match in _HTML_LINK.finditer(plain):
            html_hreflang = _HREFLANG.search(match.group(4))
            links.append(
                (match.group(3), match.group(2), html_hreflang.group(1) if html_hreflang else None)
            )
        used_references += [name.lower() for name in re.findall(r"\]\[([^\]]+)\]", plain)]
    for name in used_references:
        if name in references:
            links.append((references[name], "href", None))
    return frozenset(ids), links


def _unique(slug: str, seen: set[str]) -> str:
    # Python-Markdown's toc.unique: a repeated id gets "_1", "_2", …
    candidate, number = slug, 0
    while candidate in seen or not candidate:
        number += 1
        candidate = f"{slug}_{number}"
    seen.add(candidate)
    return candidate


def _as_built(
    url: str,
    *,
    src_uri: str,
    page_url: str,
    sources: set[str],
    files: set[str],
    languages: Languages,
    tree: str,
) -> str:
    if not url or url.startswith(("#", "/")) or is_external(url):
        return url
    path, hash_mark, fragment = url.partition("#")
    path, query_mark, query = path.partition("?")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), unquote(path)))
    suffix = (f"?{query}" if query_mark else "") + (f"#{fragment}" if hash_mark else "")
    language = languages.of_source(target)
    # i18n builds a language from its own sources and the default language's:
    # a link to another language's source (`seite.en.md` on a German page) is
    # no page there, and MkDocs leaves it as written.
    if target in sources and (language.default or language.code == tree):
        built = languages.url(languages.default_source(target), tree)
        relative = posixpath.relpath(built or ".", page_url or ".")
        return ("./" if relative == "." else relative + "/") + suffix
    if target in files:
        return posixpath.relpath(target, page_url or ".") + suffix
    return url


def _glossary_ids(docs_dir: Path, *, cache: SourceCache) -> frozenset[str]:
    file = docs_dir / GLOSSARY_FILE
    if not file.is_file():
        return frozenset()
    entries, _ = load_glossary(file, shown=GLOSSARY_FILE)
    return frozenset(entry.anchor for entry in entries)
