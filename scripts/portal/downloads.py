"""Files to download, shown honestly: format and size after every link to one.

An editor who puts ``docs/material/protokoll.pdf`` under docs/ and links it
writes nothing else: the page shows „Protokoll (PDF, 412 KB)“, in the page's
language. A link to a file that is missing is the link guard's
(``portal.links``), which names the line.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from portal.labels import label

FORMATS = {
    ".pdf": "PDF",
    ".odt": "ODT",
    ".ods": "ODS",
    ".docx": "DOCX",
    ".doc": "DOC",
    ".xlsx": "XLSX",
    ".pptx": "PPTX",
}
"""File endings readers download rather than view, and the format's name."""
META_CLASS = "portal-download-meta"
_LOCAL = "http://portal.local/"
"""A made-up base to resolve relative links against; never requested."""


def file_format(path: str) -> str | None:
    """The format's name for a path or URL (``PDF``), None for anything else."""
    name = urlsplit(path).path.lower()
    for ending, shown in FORMATS.items():
        if name.endswith(ending):
            return shown
    return None


def size_label(size: int, *, language: str) -> str:
    """A size as readers read it: „412 KB“, „1,4 MB“ (1 KB = 1024 bytes, rounded up)."""
    kib = max(1, math.ceil(size / 1024))
    if kib < 1024:
        return f"{kib} KB"
    mib = f"{size / 1024 / 1024:.1f}"
    return f"{mib.replace('.', label('download', 'decimal', language=language))} MB"


def describe(path: str, size: int, *, language: str) -> str:
    """„PDF, 412 KB“ for a file at `path` of `size` bytes."""
    shown = file_format(path) or path.rsplit(".", 1)[-1].upper()
    return label("download", "meta", language=language).format(
        format=shown, size=size_label(size, language=language)
    )


def annotate(
    html: str, *, page_url: str, size_of: Callable[[str], int | None], language: str
) -> str:
    """`html` with „(PDF, 412 KB)“ after every link to a file of the site to download.

    `page_url` is the page's site-relative URL (``publikationen/``); `size_of`
    tells the size of a site-relative file path, None when the site has no
    such file (the link guard reports it). Without such a link the HTML is
    returned unchanged, byte for byte.
    """
    if not any(ending in html.lower() for ending in FORMATS):
        return html
    tree = LexborHTMLParser(html)
    changed = False
    for link in tree.css("a[href]"):
        href = link.attrs["href"] or ""
        if file_format(href) is None or link.attrs.get("data-portal-size") is not None:
            continue
        absolute = urljoin(_LOCAL + page_url, href)
        if not absolute.startswith(_LOCAL):
            continue  # another site's file: its size is not ours to tell
        size = size_of(unquote(urlsplit(absolute).path).lstrip("/"))
        if size is None:
            continue
        meta = LexborHTMLParser(f'<span class="{META_CLASS}"></span>').css_first("span")
        if meta is None:  # pragma: no cover - the parser always finds it
            continue
        meta.insert_child(f"({describe(href, size, language=language)})")
        link.attrs["data-portal-size"] = str(size)
        link.insert_after(meta)
        link.insert_after(" ")
        changed = True
    body = tree.body
    if not changed or body is None:
        return html
    return body.inner_html or html
