"""Inline code the Content Security Policy blocks, found in the Markdown sources.

The build looks for ``style`` and ``on…`` attributes and ``javascript:``
links in every built page (`portal.csp`), because the browser would block
them; HTML pasted from Word carries ``style`` on nearly every element
(``<span style="mso-…">``). Here the same scanner reads the sources: a
page's raw HTML as it is written, and, as the elements the build makes of
them, what Markdown turns into attributes: attr_list's lists after links,
images, ATX headings and paragraphs, and link targets. Each finding is
the build's, at the line the attribute stands on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from html import escape

from portal.check.prose import (
    MarkdownLink,
    block_attributes,
    heading,
    heading_attributes,
    markdown_links,
    prose_lines,
)

# The build's wording of a blocked attribute; with no source file to search,
# it keeps the line it is given.
from portal.csp import Blocked, _blocked_finding, inline_code
from portal.findings import Finding
from portal.sources import SourceFile

# First lines of blocks that are no paragraph: attr_list's list at their end
# goes to another element (a list item, a table cell, an admonition's body).
_NOT_A_PARAGRAPH = re.compile(r"^\s{0,3}(?:[-*+]\s|\d+[.)]\s|[#>|<:]|!!!|\?\?\?|\[\^)")
_ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_:][-\w:.]*$")


def check_inline_code(source: SourceFile) -> list[Finding]:
    """Every attribute and link of the page that the portal's policy would block."""
    # Two views of the page, line for line: its raw HTML (the prose without
    # link targets), and the elements Markdown writes at each line.
    as_written = [""] * len(source.lines)
    from_markdown = [""] * len(source.lines)
    block: list[tuple[int, str]] = []
    for number, line in prose_lines(source.text):
        if block and (not line.strip() or block[-1][0] != number - 1):
            _paragraph_attributes(block, from_markdown)
            block = []
        if line.strip():
            block.append((number, line))
        links = markdown_links(line)
        as_written[number - 1] = _without_targets(line, links)
        elements = [_element_of(link) for link in links]
        title = heading(line)
        attributes = heading_attributes(title.text) if title else None
        if title and attributes:
            elements.append(_element(f"h{title.level}", attributes))
        from_markdown[number - 1] = "".join(elements)
    if block:
        _paragraph_attributes(block, from_markdown)
    findings = []
    for lines in (as_written, from_markdown):
        for blocked in inline_code("\n".join(lines)).blocked:
            at = replace(blocked, line=_line_of(blocked, lines))
            findings.append(_blocked_finding(source.path, at, None, None))
    return findings


# Helper functions


def _without_targets(line: str, links: Sequence[MarkdownLink]) -> str:
    # `[x](<a onload.md>)` is no <a> element to the build.
    for link in links:
        start, end = link.target
        line = line[:start] + " " * (end - start) + line[end:]
    return line


def _element_of(link: MarkdownLink) -> str:
    target = ("src", link.url) if link.image else ("href", link.url)
    return _element("img" if link.image else "a", [target, *link.attributes])


def _element(tag: str, attributes: Sequence[tuple[str, str | None]]) -> str:
    written = "".join(
        f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}"
        for name, value in attributes
        if _ATTRIBUTE_NAME.match(name)
    )
    return f"<{tag}{written}>"


def _paragraph_attributes(block: Sequence[tuple[int, str]], elements: list[str]) -> None:
    if len(block) < 2 or _NOT_A_PARAGRAPH.match(block[0][1]):
        return
    attributes = block_attributes("\n".join(line for _, line in block))
    if attributes:
        number = block[-1][0]
        elements[number - 1] += _element("p", attributes)


def _line_of(blocked: Blocked, lines: Sequence[str]) -> int:
    # The scanner names the line an element starts on; the attribute may
    # stand on a later line of it (`<p class="MsoNormal"\n   style="…">`).
    for number in range(blocked.line, len(lines) + 1):
        if blocked.needle in lines[number - 1].lower():
            return number
    return blocked.line
