"""What one built HTML page offers and what it points to, from a single parse.

Every page is parsed once with lexbor. Its anchors (element ids and
``<a name>``) are collected from the whole document; its links are collected
region by region, because where a link sits decides where its source is:
the article body comes from the page's Markdown, the navigation from
mkdocs.yml, everything else from a theme template.
"""

from __future__ import annotations

import mmap
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

# Data

CONTENT = "content"
"""The page body, rendered from the page's Markdown source."""
NAVIGATION = "navigation"
"""Tabs, the site navigation and the previous/next footer: built from mkdocs.yml's nav."""
TOC = "toc"
"""The table of contents, built from the page's own headings."""
TEMPLATE = "template"
"""Everything else: head, header, footer, the 404 page's body."""
REDIRECT = "redirect"
"""The target of a redirect page (mkdocs-redirects), named in mkdocs.yml."""

# Regions are taken out of the document one after the other, so that a link
# is counted in the first region that holds it and never twice.
_REGIONS = (
    (CONTENT, "article.md-content__inner"),
    (TOC, ".md-sidebar--secondary"),
    (NAVIGATION, ".md-tabs, .md-sidebar--primary, .md-footer__inner"),
)
_LINKS = "[href], [src], [srcset], [poster]"
_ARTICLE_START = b'<article class="md-content__inner'
_ARTICLE_END = b"</article>"

# Material's primary sidebar holds the whole navigation: at 1,000 pages it is
# nine tenths of every page's bytes, and the same list of pages on every page
# of a language (only the relative spelling of its URLs changes). It is cut out
# at the two fixed openings Material's base.html writes around it, so that it
# is parsed once per language instead of once per page; without both markers
# the page is parsed whole. The closing marker is the first element after the
# sidebar in base.html, and appears nowhere else in a page.
_NAVIGATION_START = b'<div class="md-sidebar md-sidebar--primary"'
_NAVIGATION_ENDS = (b'<div class="md-sidebar md-sidebar--secondary"', b'<div class="md-content"')


class Link(NamedTuple):
    """One URL in one attribute of one element of a built page.

    A named tuple rather than a frozen dataclass: a large site has a hundred
    thousand of them, and a tuple is made several times faster.
    """

    url: str
    attribute: str
    """``href``, ``src``, ``srcset``, ``poster`` or ``refresh`` (a meta refresh)."""
    region: str
    tag: str
    hreflang: str | None
    """The language the link declares for its target; marks a deliberate language change."""


@dataclass(frozen=True, slots=True)
class PageScan:
    """The anchors a page offers and the links it contains."""

    ids: frozenset[str]
    links: tuple[Link, ...]
    is_redirect: bool
    lang: str | None = None
    """The page's ``<html lang>``: the language its theme text is in."""


# Functions


def scan_html(html: str | bytes) -> PageScan:
    """Parse `html` once; return its anchors and every link, each with its region."""
    if isinstance(html, str):
        html = html.encode("utf-8")
    # The article is cut out at Material's fixed markers and parsed on its
    # own, which is cheaper than finding it in the parsed page and taking it
    # out. The last closing tag is the article's: an editor's own <article>
    # in the Markdown closes before it.
    start = html.find(_ARTICLE_START)
    end = html.rfind(_ARTICLE_END) if start != -1 else -1
    if end <= start:
        return _scan(html, article=None)
    end += len(_ARTICLE_END)
    return _scan(html[:start] + html[end:], article=html[start:end])


def _scan(html: bytes, *, article: bytes | None) -> PageScan:
    # lexbor reads UTF-8 bytes as they are; decoding first would only copy them.
    tree = LexborHTMLParser(html)
    ids = _ids(tree)
    links: list[Link] = []
    # Only redirect pages carry a meta refresh: most pages skip the query.
    # (A plain search in a lower-case copy is ten times faster than a
    # case-insensitive regular expression over the page.)
    refresh = _refresh_target(tree) if b"http-equiv" in html.lower() else None
    if refresh is not None:
        links.append(Link(refresh, "refresh", REDIRECT, "meta", None))
    if article is not None:
        content = LexborHTMLParser(article)
        ids |= _ids(content)
        if content.root is not None:
            _collect(content.root, CONTENT, links)
    for region, selector in _REGIONS:
        for container in tree.css(selector):
            _collect(container, region, links)
            container.decompose()
    if tree.root is not None:
        _collect(tree.root, TEMPLATE, links)
    if refresh is not None:
        # The redirect page's own <a> and <link rel=canonical> repeat the
        # refresh target; one finding per broken redirect is enough.
        links = [link for link in links if link.region == REDIRECT]
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") if html_node is not None else None
    return PageScan(frozenset(ids), tuple(links), refresh is not None, lang)


def _ids(tree: LexborHTMLParser) -> set[str]:
    # lexbor keeps a <template>'s content out of the document, like a browser:
    # ids in there cannot be scrolled to, so they are rightly not collected.
    ids: set[str] = set()
    for node in tree.css("[id], a[name]"):
        attributes = node.attributes
        ids.add(attributes.get("id") or "")
        if node.tag == "a":
            ids.add(attributes.get("name") or "")
    ids.discard("")
    return ids


def merge_scans(page: PageScan, navigation: PageScan) -> PageScan:
    """A page cut by split_navigation, with its navigation scanned on its own."""
    return PageScan(
        page.ids | navigation.ids, page.links + navigation.links, page.is_redirect, page.lang
    )


def read_page(path: Path, *, with_navigation: bool) -> tuple[bytes, bytes | None]:
    """A built page's bytes without Material's primary sidebar, and the sidebar.

    The sidebar is None if the page has none; it is returned as ``b""``
    (cut, not copied) unless `with_navigation`. The file is mapped, not
    read: the opening marker is near the top and the closing one is searched
    from the end, so the navigation's bytes are never copied or touched.
    """
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return b"", None
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as html:
            start = html.find(_NAVIGATION_START)
            if start != -1:
                for marker in _NAVIGATION_ENDS:
                    end = html.rfind(marker)
                    if end > start:
                        navigation = html[start:end] if with_navigation else b""
                        return html[:start] + html[end:], navigation
            return html[:], None


def srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` value: ``a.png 1x, b.png 2x`` → ``[a.png, b.png]``."""
    urls = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            urls.append(parts[0])
    return urls


# Helper functions


def _collect(container: LexborNode, region: str, links: list[Link]) -> None:
    for node in container.css(_LINKS):
        attributes = node.attributes
        tag = node.tag or ""
        hreflang = attributes.get("hreflang")
        for attribute in ("href", "src", "poster"):
            value = attributes.get(attribute)
            if value is not None:
                links.append(Link(value, attribute, region, tag, hreflang))
        srcset = attributes.get("srcset")
        if srcset:
            links.extend(Link(url, "srcset", region, tag, hreflang) for url in srcset_urls(srcset))


def _refresh_target(tree: LexborHTMLParser) -> str | None:
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() != "refresh":
            continue
        content = meta.attributes.get("content") or ""
        # "0; url=../neu/" — the URL part may be quoted and its key in any case.
        _, _, rest = content.partition(";")
        key, _, url = rest.strip().partition("=")
        if key.strip().lower() == "url":
            return url.strip().strip("'\"")
    return None
