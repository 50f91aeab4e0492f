"""References to federal law link to their official text: a Python-Markdown extension.

Pages cite law as German practice does — „§ 36 SGB VIII“, „§ 8a Abs. 1
SGB VIII“, „§§ 8a, 8b SGB VIII“, „§ 1666 BGB“, „Art. 6 GG“ — and readers
want the text. Editors write the citation only; this extension links it to
gesetze-im-internet.de, the federal government's official source, for
every page built with the site's Markdown configuration (both languages).

It works on the element tree after the inline patterns, so a citation that
already is a link (``[§ 8a SGB VIII](kinderschutz.md)``), code, and headings
(whose text is the section's own link target) are left alone. A citation of
one paragraph becomes one link; a citation of several („§§ 61, 62 SGB VIII“)
links each number to its paragraph. Laws that gesetze-im-internet.de does
not hold (state law of M-V, EU law such as the DSGVO) stay plain text.

Registered in ``mkdocs.yml`` as ``portal.law_links``; text that is no
Markdown (the glossary's data) uses `link_citations`.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

BASE_URL = "https://www.gesetze-im-internet.de/"

LAWS: dict[str, str] = {
    "SGB I": "sgb_1",
    "SGB II": "sgb_2",
    "SGB III": "sgb_3",
    "SGB IV": "sgb_4",
    "SGB V": "sgb_5",
    "SGB VI": "sgb_6",
    "SGB VII": "sgb_7",
    "SGB VIII": "sgb_8",
    "SGB IX": "sgb_9_2018",
    "SGB X": "sgb_10",
    "SGB XI": "sgb_11",
    "SGB XII": "sgb_12",
    "SGB XIV": "sgb_14",
    "BGB": "bgb",
    "FamFG": "famfg",
    "KKG": "kkg",
    "StGB": "stgb",
    "BDSG": "bdsg_2018",
    "DDG": "ddg",
    "ZPO": "zpo",
    "GG": "gg",
}
"""Citation abbreviation → the law's folder on gesetze-im-internet.de."""

_SPACE = "[ \u00a0\u202f]"
_NUMBER = r"\d+[a-z]?"
# What may follow a paragraph's number, as cited in practice: "Abs. 1",
# "Abs. 2 und 3", "Satz 1", "Nr. 2" ("8a Abs. 1 S. 2").
_DETAIL = (
    rf"(?:{_SPACE}+(?:Abs\.|Absatz){_SPACE}*{_NUMBER}(?:{_SPACE}+(?:und|bis){_SPACE}+\d+\b)?)?"
    rf"(?:{_SPACE}+(?:S\.|Satz){_SPACE}*\d+)?"
    rf"(?:{_SPACE}+(?:Nr\.|Nummer){_SPACE}*\d+)?"
)
_SEPARATOR = rf"{_SPACE}*(?:,|und|bis|oder|sowie|and|to|or|–|-){_SPACE}*(?:§{_SPACE}*)?"
_LAW = "|".join(re.escape(name) for name in sorted(LAWS, key=len, reverse=True))
CITATION = re.compile(
    rf"(?P<sign>§§?|Art\.){_SPACE}*"
    rf"(?P<paragraphs>{_NUMBER}{_DETAIL}(?:{_SEPARATOR}{_NUMBER}{_DETAIL})*)"
    rf"(?:{_SPACE}+ff\.)?"
    rf"{_SPACE}+(?P<law>{_LAW})(?!\w)"
)
"""A citation of one or more paragraphs (or articles) of one law."""

PARAGRAPH = re.compile(rf"(?P<number>{_NUMBER}){_DETAIL}")
"""One paragraph inside a citation's list."""


# Elements whose text is not linked: links (no link in a link), code, and
# headings, whose text is the anchor readers and the table of contents use.
SKIPPED = frozenset({"a", "code", "pre", "kbd", "h1", "h2", "h3", "h4", "h5", "h6", "script"})


@dataclass(frozen=True)
class Link:
    start: int
    end: int
    url: str


def law_url(law: str, number: str, *, article: bool = False) -> str:
    """The official text of paragraph (or article) `number` of `law`."""
    page = f"art_{number}" if article else f"__{number}"
    return f"{BASE_URL}{LAWS[law]}/{page}.html"


def citation_links(text: str) -> list[Link]:
    """Where in `text` a link to the law goes: one per citation, or one per paragraph of it."""
    links: list[Link] = []
    for citation in CITATION.finditer(text):
        law = citation["law"]
        article = citation["sign"] == "Art."
        start, end = citation.span("paragraphs")
        paragraphs = list(PARAGRAPH.finditer(text, start, end))
        if len(paragraphs) == 1:
            url = law_url(law, paragraphs[0]["number"], article=article)
            links.append(Link(citation.start(), citation.end(), url))
            continue
        for index, paragraph in enumerate(paragraphs):
            url = law_url(law, paragraph["number"], article=article)
            # Each link carries its own sign where there is one: "§§ 8a",
            # "§ 37" in "§ 36 und § 37".
            if index == 0:
                first = citation.start()
            else:
                sign = text.rfind("§", paragraphs[index - 1].end(), paragraph.start())
                first = sign if sign != -1 else paragraph.start()
            links.append(Link(first, paragraph.end(), url))
    return links


def link_citations(text: str) -> str:
    """Plain `text` as HTML, escaped, with its citations linked (for text that is no Markdown)."""
    parts: list[str] = []
    position = 0
    for link in citation_links(text):
        parts.append(html.escape(text[position : link.start]))
        parts.append(
            f'<a href="{html.escape(link.url)}" hreflang="de">'
            f"{html.escape(text[link.start : link.end])}</a>"
        )
        position = link.end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def _linked(text: str, links: list[Link]) -> tuple[str, list[etree.Element]]:
    """`text` split into the part before the first link and the link elements with their tails."""
    elements: list[etree.Element] = []
    position = 0
    head = text
    for link in links:
        anchor = etree.Element("a", {"href": link.url, "hreflang": "de"})
        anchor.text = text[link.start : link.end]
        if elements:
            elements[-1].tail = text[position : link.start]
        else:
            head = text[: link.start]
        elements.append(anchor)
        position = link.end
    if elements:
        elements[-1].tail = text[position:]
    return head, elements


class LawLinkProcessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: etree.Element) -> None:
        self._link(root)

    def _link(self, parent: etree.Element) -> None:
        if parent.tag in SKIPPED:
            return
        if parent.text:
            links = citation_links(parent.text)
            if links:
                parent.text, elements = _linked(parent.text, links)
                for offset, element in enumerate(elements):
                    parent.insert(offset, element)
        for child in list(parent):
            if child.tag == "a" and child.get("href", "").startswith(BASE_URL):
                continue
            self._link(child)
            if child.tail:
                links = citation_links(child.tail)
                if links:
                    child.tail, elements = _linked(child.tail, links)
                    at = list(parent).index(child) + 1
                    for offset, element in enumerate(elements):
                        parent.insert(at + offset, element)


class LawLinkExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        # After "inline" (20), which makes the links and code spans this
        # skips, and before "unescape" (0).
        md.treeprocessors.register(LawLinkProcessor(md), "portal_law_links", 15)


def makeExtension(**kwargs: object) -> LawLinkExtension:
    return LawLinkExtension(**kwargs)
