"""Every table sits in a box that keyboard users can reach: a Python-Markdown extension.

A table wider than the screen scrolls inside its box. Whether it is wider
depends on the width of the screen and on the fonts of the reader's machine,
so the box is made reachable always, not only where a test machine happens
to need it (axe: scrollable-region-focusable, WCAG 2.1.1): a ``<div>`` with
``tabindex="0"``, ``role="region"`` and a name — the heading the table stands
under, or else its header row. The stylesheet gives the box a visible focus
ring and a shadow at the side where more of the table is hidden.

Registered in ``mkdocs.yml`` as ``portal.tables``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

# Python-Markdown ships without type information (and the project pins no
# stubs for it); the classes below are used exactly as documented.
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

WRAPPER_CLASS = "portal-table"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# After "toc" (5), which gives every heading its id, and "attr_list" (8).
PRIORITY = 4


class TableRegionTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Wraps each table in a focusable, named region."""

    def run(self, root: etree.Element) -> None:
        self._count = 0
        self._heading: str | None = None
        self._walk(root)

    def _walk(self, parent: etree.Element) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS and child.get("id"):
                self._heading = child.get("id")
            elif child.tag == "table":
                parent[index] = self._wrap(child)
            elif not (child.tag == "div" and WRAPPER_CLASS in (child.get("class") or "")):
                self._walk(child)

    def _wrap(self, table: etree.Element) -> etree.Element:
        self._count += 1
        box = etree.Element("div", {"class": WRAPPER_CLASS, "role": "region", "tabindex": "0"})
        label = self._heading
        if label is None:
            # No heading above: the header row names the table.
            head = table.find("thead")
            if head is not None:
                label = head.get("id") or f"portal-table-{self._count}-head"
                head.set("id", label)
        if label is not None:
            box.set("aria-labelledby", label)
        box.text = "\n"
        box.tail = table.tail
        table.tail = "\n"
        box.append(table)
        return box


class TableRegionExtension(Extension):  # type: ignore[misc]
    """Registers `TableRegionTreeprocessor` after the heading ids are set."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TableRegionTreeprocessor(md), "portal_tables", PRIORITY)


def makeExtension(**kwargs: object) -> TableRegionExtension:
    """Python-Markdown's entry point for ``markdown_extensions: [portal.tables]``."""
    return TableRegionExtension(**kwargs)
