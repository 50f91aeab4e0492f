"""Which nav section a page outside the nav belongs to: the one of its folder.

Large collections (newsletter issues, event documentation, local variants of
a guide) are listed on their section's overview page rather than one by one
in the sidebar: a sidebar of hundreds of entries helps no reader, and Material
writes the sidebar into every page of the section, so the build would grow
with the square of the collection. Such a page still belongs somewhere: to
the section whose overview page sits in the page's folder or the nearest
folder above it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import TypeVar

Section = TypeVar("Section")


def folder_of(src_uri: str) -> str:
    """The folder of a source path relative to docs/, ``""`` for the top level."""
    parent = PurePosixPath(src_uri).parent
    return "" if str(parent) == "." else parent.as_posix()


def owning_section(src_uri: str, sections: Mapping[str, Section]) -> Section | None:
    """The section of the nearest folder of `src_uri` that has one, if any.

    `sections` maps a folder (``"newsletter"``, ``"einarbeitung/lokal"``) to
    its section; the top level has no section, so top-level pages stay
    outside every section.
    """
    folder = PurePosixPath(folder_of(src_uri))
    for candidate in (folder, *folder.parents):
        key = candidate.as_posix()
        if key == ".":
            return None
        if key in sections:
            return sections[key]
    return None
