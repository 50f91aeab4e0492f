"""A page's Markdown as Python-Markdown reads it, line by line, with the source's line numbers.

`prose_lines` leaves out what readers never get as Markdown: the front
matter, fenced code and inline code (a link or an attribute there is text).
`markdown_links` finds the inline links and images of a line with
Python-Markdown's own link parser, so that a target with spaces
(``[x](mein dokument.pdf)``), in angle brackets (``[x](<a b.md> "Titel")``)
or with brackets of its own reads as the build reads it; the attribute list
right after one (``{ hreflang=de }``) with attr_list's own parser.
Indented text is Markdown too (lists, admonitions): indented code blocks are
read as prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions.attr_list import (  # type: ignore[import-untyped]
    AttrListTreeprocessor,
    get_attrs_and_remainder,
)
from markdown.inlinepatterns import LINK_RE, LinkInlineProcessor  # type: ignore[import-untyped]

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
# Where a link or an image may start; "\[" is an escaped bracket, no link.
_LINK_START = re.compile(r"(?<!\\)!?\[")

# The link parser unescapes from the inline stash, which exists only while
# Python-Markdown renders a page: without it, it leaves the text as it is.
_markdown = Markdown()
_markdown.treeprocessors.deregister("inline")
_link_parser = LinkInlineProcessor(LINK_RE, _markdown)


@dataclass(frozen=True)
class MarkdownLink:
    """An inline link or image, ``[Text](ziel "Titel"){ attribute }``."""

    url: str
    """The target as the build writes it into ``href``/``src`` (spaces kept)."""
    image: bool
    attributes: tuple[tuple[str, str | None], ...]
    """From the attribute list right after it, as attr_list assigns them."""
    target: tuple[int, int]
    """Start and end of ``(ziel "Titel")`` in the line."""


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    """The heading's text, with an attribute list at its end (``{ #id }``)."""


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line outside front matter and fenced code (1-based), without inline code."""
    fence: str | None = None
    front_matter = text.startswith("---")
    for number, line in enumerate(text.splitlines(), start=1):
        if front_matter:
            if number > 1 and line.rstrip() in {"---", "..."}:
                front_matter = False
            continue
        opening = _FENCE.match(line)
        if fence is not None:
            if (
                opening is not None
                and opening.group(1)[0] == fence[0]
                and len(opening.group(1)) >= len(fence)
            ):
                fence = None
            continue
        if opening is not None:
            fence = opening.group(1)
            continue
        yield number, _CODE_SPAN.sub("", line)


def heading(line: str) -> Heading | None:
    """The ATX heading (``## Titel``) a prose line is, if it is one."""
    match = _HEADING.match(line)
    return Heading(len(match.group(1)), match.group(2)) if match else None


def markdown_links(line: str) -> list[MarkdownLink]:
    """The inline links and images of a prose line, an image inside a link's text included."""
    links = []
    for start in _LINK_START.finditer(line):
        _, after_text, handled = _link_parser.getText(line, start.end())
        if not handled:
            continue
        url, _, end, handled = _link_parser.getLink(line, after_text)
        if not handled:
            continue
        attributes = []
        attribute_list = AttrListTreeprocessor.INLINE_RE.match(line[end:])
        if attribute_list is not None:
            # attr_list assigns what it can read of an inline list, whatever follows.
            attributes = _pairs(get_attrs_and_remainder(attribute_list.group(1))[0])
        links.append(
            MarkdownLink(
                str(url), start.group().startswith("!"), tuple(attributes), (after_text, end)
            )
        )
    return links


def heading_attributes(text: str) -> list[tuple[str, str | None]] | None:
    """The attributes attr_list gives a heading from the end of its text (``{ #id }``)."""
    return _assigned(AttrListTreeprocessor.HEADER_RE.search(text))


def block_attributes(block: str) -> list[tuple[str, str | None]] | None:
    """The attributes attr_list gives a paragraph from its last line (``{: .klasse }``)."""
    return _assigned(AttrListTreeprocessor.BLOCK_RE.search(block))


# Helper functions


def _assigned(match: re.Match[str] | None) -> list[tuple[str, str | None]] | None:
    # None where there is no list, or where attr_list leaves it as text (a stray "}").
    if match is None:
        return None
    attributes, remainder = get_attrs_and_remainder(match.group(1))
    return None if remainder else _pairs(attributes)


def _pairs(attributes: list[tuple[Any, Any]]) -> list[tuple[str, str | None]]:
    return [(str(key), value if value is None else str(value)) for key, value in attributes]
