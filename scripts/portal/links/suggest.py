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
_PREFIX_LENGTH = 4

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
    """The existing path most likely meant by `path`, or None if nothing is close.

    Paths are compared without the ``index.html`` and suffix every page
    shares, and the file name counts three times as much as the folders
    around it: a renamed page keeps most of its name (``ablauf`` →
    ``ablauf-hpg``), while its neighbours share only its folder.
    """
    wanted = _comparable(path)
    by_key: dict[str, str] = {}
    for candidate in sorted(candidates):
        by_key.setdefault(_comparable(candidate), candidate)
    scored = [(_likeness(wanted, key), key) for key in by_key]
    best = max(scored, default=(0.0, ""), key=lambda item: item[0])
    if best[0] >= PATH_CUTOFF:
        return by_key[best[1]]
    # Renamed or moved: the same last name in another folder.
    name = posixpath.basename(wanted)
    same_name = [key for key in by_key if posixpath.basename(key) == name]
    return by_key[same_name[0]] if len(same_name) == 1 else None


# Helper functions


def _likeness(wanted: str, key: str) -> float:
    folder, name = posixpath.split(wanted)
    key_folder, key_name = posixpath.split(key)
    if not name or not key_name:
        return difflib.SequenceMatcher(None, wanted, key).ratio()
    name_ratio = difflib.SequenceMatcher(None, name, key_name).ratio()
    if min(len(name), len(key_name)) >= _PREFIX_LENGTH and (
        key_name.startswith(name) or name.startswith(key_name)
    ):
        # Shortened or lengthened on renaming: as likely as a typo.
        name_ratio = max(name_ratio, PATH_CUTOFF + 0.1)
    folder_ratio = difflib.SequenceMatcher(None, folder, key_folder).ratio()
    return (3 * name_ratio + folder_ratio) / 4


def _comparable(path: str) -> str:
    path = path.rstrip("/")
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")].rstrip("/")
    stem, extension = posixpath.splitext(path)
    if extension.lower() in {".html", ".htm", ".md"}:
        path = stem
    return path
