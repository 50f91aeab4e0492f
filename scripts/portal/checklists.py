"""Task lists that readers can tick: a Python-Markdown extension.

``pymdownx.tasklist`` renders each ``- [ ]`` item as a display-only checkbox
inside an empty ``<label>``: screen readers hear "checkbox" without a name,
and clicking the text does nothing. This extension, run after it, gives every
box

- an ``id`` and a ``<label for>`` around the item's own text (not the text of
  nested lists), so the box is named and the text toggles it;
- a stable key (``data-portal-task``): the item's explicit id, written with
  ``attr_list`` on a line of its own below the item's text, indented
  (``- [ ] Text`` then ``  { #schluessel }``), or else a short hash of its
  text. Editing one item therefore never moves the progress a reader
  saved for another, and an explicit id keeps it even when the item's own
  text changes.

The boxes stay ``disabled`` in the HTML, so that without JavaScript the list
is a readable list; ``overrides/assets/javascripts/portal-checklists.js``
enables them, keeps the ticks in the reader's browser (localStorage) and adds
progress, reset and a printable summary.

Registered in ``mkdocs.yml`` as ``portal.checklists``.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as etree

# Python-Markdown ships without type information (and the project pins no
# stubs for it); the classes below are used exactly as documented.
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]

LIST_CLASS = "portal-checklist"
TEXT_CLASS = "portal-task-text"
KEY_ATTRIBUTE = "data-portal-task"
ID_PREFIX = "portal-task-"
# Block elements end an item's own text: what follows belongs to nested lists.
BLOCKS = frozenset({"ul", "ol", "p", "div", "blockquote", "pre", "table", "dl"})
# Python-Markdown's placeholder for stashed raw HTML (markdown.util).
PLACEHOLDER = re.compile("^\x02wzxhzdk:(\\d+)\x03")

# After "attr_list" (8), which moves an explicit `{ #id }` onto the item, and
# after pymdownx.tasklist (25), which put the checkbox there; before MkDocs'
# link rewriting (0) does not matter here.
PRIORITY = 7


def task_key(text: str) -> str:
    """A short key for an item without an explicit id: the hash of its text.

    Whitespace is folded, so re-wrapping a line in the source keeps the key.
    """
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:10]


class ChecklistTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Names every task-list checkbox and gives it a stable key."""

    def run(self, root: etree.Element) -> None:
        used: set[str] = set()
        nested: set[etree.Element] = set()
        for element in root.iter():
            if element.tag in ("ul", "ol") and "task-list" in (element.get("class") or ""):
                for inner in element.iter():
                    if inner is not element and inner.tag in ("ul", "ol"):
                        nested.add(inner)
                if element not in nested:
                    element.set("class", f"{element.get('class')} {LIST_CLASS}")
                for item in element.findall("li"):
                    self._name(item, used)

    def _name(self, item: etree.Element, used: set[str]) -> None:
        container = item
        if not (item.text and PLACEHOLDER.match(item.text)):
            first = item[0] if len(item) else None
            if first is None or first.tag != "p" or not PLACEHOLDER.match(first.text or ""):
                return
            container = first
        match = PLACEHOLDER.match(container.text or "")
        if match is None:
            return
        stash_index = int(match.group(1))
        raw = self.md.htmlStash.rawHtmlBlocks[stash_index]
        if 'type="checkbox"' not in raw:
            return
        label = etree.Element("label", {"class": TEXT_CLASS})
        label.text = (container.text or "")[match.end() :].lstrip()
        container.text = match.group(0)
        for child in list(container):
            if child.tag in BLOCKS:
                break
            container.remove(child)
            label.append(child)
        # The item's own text ends here: whitespace before a nested list
        # stays outside the label.
        if len(label):
            last = label[-1]
            tail = last.tail or ""
            last.tail = tail.rstrip()
        else:
            tail = label.text or ""
            label.text = tail.rstrip()
        label.tail = tail[len(tail.rstrip()) :] or None
        container.insert(0, label)

        key = item.get("id") or task_key("".join(label.itertext()))
        unique, count = key, 1
        while unique in used:
            count += 1
            unique = f"{key}-{count}"
        used.add(unique)
        box_id = f"{ID_PREFIX}{unique}"
        label.set("for", box_id)
        checked = " checked" if " checked" in raw else ""
        # The same markup pymdownx.tasklist writes, with id and key added
        # (Material styles .task-list-control and .task-list-indicator).
        self.md.htmlStash.rawHtmlBlocks[stash_index] = (
            '<label class="task-list-control">'
            f'<input type="checkbox" id="{box_id}" {KEY_ATTRIBUTE}="{unique}" disabled{checked}/>'
            '<span class="task-list-indicator"></span></label> '
        )


class ChecklistExtension(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ChecklistTreeprocessor(md), "portal-checklists", PRIORITY)
        md.registerExtension(self)


def makeExtension(**kwargs: object) -> ChecklistExtension:
    return ChecklistExtension(**kwargs)
