"""The nearest existing page, file or anchor to a broken target.

A broken link is usually a typo or a renamed heading or page, so the closest
existing name (by difflib's ratio) is usually the one that was meant.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable

# Data

ANCHOR_CUTOFF = 0.5
PATH_CUTOFF = 0.8

# Ids the theme puts on every page (drawer, search, palette toggles, code
# blocks, footnotes): never what an editor meant to link to.
_THEME_ID_PREFIXES = ("__", "fnref", "fn:")


# Functions


def nearest_anchor(fragment: str, ids: Iterable[str]) -> str | None:
    """The page's anchor closest to `fragment`, or None if nothing is close."""
    candidates = [anchor for anchor in ids if not anchor.startswith(_THEME_ID_PREFIXES)]
    matches = difflib.get_close_matches(fragment, candidates, n=1, cutoff=ANCHOR_CUTOFF)
    return matches[0] if matches else None


def nearest_path(path: str, candidates: Iterable[str]) -> str | None:
    """The existing path closest to `path`, or None if nothing is close.

    Paths are compared without the ``index.html`` and suffix every page
    shares, and the file name counts more than the folders around it.
    """
    wanted = _comparable(path)
    by_key: dict[str, str] = {}
    for candidate in candidates:
        by_key.setdefault(_comparable(candidate), candidate)
    matches = difflib.get_close_matches(wanted, list(by_key), n=1, cutoff=PATH_CUTOFF)
    if matches:
        return by_key[matches[0]]
    # Renamed or moved: the same last name in another folder.
    name = posixpath.basename(wanted)
    same_name = [key for key in by_key if posixpath.basename(key) == name]
    return by_key[same_name[0]] if len(same_name) == 1 else None


# Helper functions


def _comparable(path: str) -> str:
    path = path.rstrip("/")
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")].rstrip("/")
    stem, extension = posixpath.splitext(path)
    if extension.lower() in {".html", ".htm", ".md"}:
        path = stem
    return path
