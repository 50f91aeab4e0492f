"""One HTML document per edition, made from the pages' HTML as the build made it.

Each chapter is a page's content (``page.content``: the Markdown as the
portal renders it, with every extension). Ids get the chapter's prefix, so
that two chapters may both have a „Checkliste“; a link to a page of the
edition becomes a link inside the PDF, a link to any other page of the portal
its full web address. Headings' permalinks („¶“) are dropped.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from selectolax.lexbor import LexborHTMLParser

from portal.editions import Edition
from portal.labels import label
from portal.languages import Language

TEMPLATE = "edition.html"
HERE = Path(__file__).resolve().parent
_LOCAL = "http://portal.local/"
"""A made-up base to resolve relative links against; never requested."""


@dataclass(frozen=True)
class Chapter:
    source: str
    """The page's Markdown source in the default language (``einarbeitung/index.md``)."""
    url: str
    """The page's site-relative URL in the edition's language (``en/einarbeitung/``)."""
    title: str
    html: str
    updated: date | None


@dataclass(frozen=True)
class Section:
    """A heading of a chapter, for the table of contents."""

    anchor: str
    title: str


@dataclass(frozen=True)
class Missing:
    """A chapter not (yet) in the edition's language: named on the title page."""

    title: str
    url: str


def chapter_id(source: str) -> str:
    """The id of a chapter in the edition: ``einarbeitung/orientierung.md`` → ``k-…``."""
    stem = source.removesuffix(".md").replace("/", "-")
    return "k-" + re.sub(r"[^a-z0-9-]", "-", stem.lower())


def stand(chapters: list[Chapter]) -> date | None:
    """The edition's „Stand“: the latest change of any of its chapters."""
    dates = [chapter.updated for chapter in chapters if chapter.updated is not None]
    return max(dates) if dates else None


def assemble(
    *,
    edition: Edition,
    language: Language,
    chapters: list[Chapter],
    missing: list[Missing],
    site_name: str,
    site_url: str,
) -> str:
    """The edition as one HTML document for WeasyPrint."""
    code = language.code
    by_url = {chapter.url: chapter_id(chapter.source) for chapter in chapters}
    bodies: list[tuple[Chapter, str, str, list[Section]]] = []
    for chapter in chapters:
        prefix = chapter_id(chapter.source)
        body, sections = _rewrite(chapter, prefix, by_url=by_url, site_url=site_url)
        bodies.append((chapter, prefix, body, sections))
    when = stand(chapters)
    shown_date = when.strftime(label("edition", "date-format", language=code)) if when else ""
    section_title = chapters[0].title if chapters else edition.section
    source_url = urljoin(site_url, chapters[0].url if chapters else "")

    def words(key: str, **values: str) -> str:
        return label("edition", key, language=code).format(**values)

    environment = Environment(
        loader=FileSystemLoader(HERE),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE).render(
        language=code,
        title=section_title,
        kind=words("kind", site=site_name),
        document_title=f"{section_title} – {words('kind', site=site_name)}",
        about=words("about", section=section_title, date=shown_date),
        not_the_original=words(f"not:{edition.section}"),
        stand=words("stand", date=shown_date) if when else "",
        source=words("source", url=source_url),
        contents=words("contents"),
        untranslated=words("untranslated"),
        missing=missing,
        chapters=bodies,
        date=when.isoformat() if when else "",
    )


def _rewrite(
    chapter: Chapter, prefix: str, *, by_url: dict[str, str], site_url: str
) -> tuple[str, list[Section]]:
    tree = LexborHTMLParser(chapter.html)
    body = tree.body
    if body is None:
        return "", []
    for node in tree.css("a.headerlink"):
        node.decompose()
    for node in tree.css("[id]"):
        node.attrs["id"] = f"{prefix}--{node.attrs['id']}"
    for node in tree.css("label[for]"):
        node.attrs["for"] = f"{prefix}--{node.attrs['for']}"
    for node in tree.css("[aria-labelledby]"):
        node.attrs["aria-labelledby"] = " ".join(
            f"{prefix}--{ref}" for ref in (node.attrs["aria-labelledby"] or "").split()
        )
    page_base = urljoin(_LOCAL, chapter.url)
    for node in tree.css("a[href]"):
        node.attrs["href"] = _target(
            node.attrs["href"] or "", page_base, prefix, by_url=by_url, site_url=site_url
        )
    sections = [
        Section(f"#{node.attrs['id']}", node.text(deep=True).strip()) for node in tree.css("h2[id]")
    ]
    return body.inner_html or "", sections


def _target(
    href: str, page_base: str, prefix: str, *, by_url: dict[str, str], site_url: str
) -> str:
    if href.startswith("#"):
        return f"#{prefix}--{href[1:]}" if len(href) > 1 else f"#{prefix}"
    absolute = urljoin(page_base, href)
    if not absolute.startswith(_LOCAL):
        return href  # another site, or mailto:
    parts = urlsplit(absolute)
    path = posixpath.normpath(parts.path).lstrip("/")
    url = "" if path == "." else path + ("/" if parts.path.endswith("/") else "")
    target = by_url.get(url)
    if target is not None:
        return f"#{target}--{parts.fragment}" if parts.fragment else f"#{target}"
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    return urljoin(site_url, url) + fragment
