"""What a translation was made from, and which translations are missing or outdated.

A translation records the German source it was made from in its front matter:
``translated_from: <the first 12 hex digits of the SHA-256 of the source file's bytes>``.
A hash of the file works in CI's shallow clones, where the Git history that
would date the two files is missing; it changes with every change of the
source, so an outdated translation is one whose recorded hash is no longer
the source's. `stamp` records the current hash after a translation is
brought up to date (``python -m portal translation stamp PFAD``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

FIELD = "translated_from"
"""The front matter field of a translation that names its source's version."""

DIGITS = 12


def source_digest(source: Path) -> str:
    """The version of a source file as recorded in its translations."""
    return bytes_digest(source.read_bytes())


def bytes_digest(data: bytes) -> str:
    """The version of a source file's bytes (for a text not yet written)."""
    return hashlib.sha256(data).hexdigest()[:DIGITS]
