"""Subset the self-hosted Fira Sans to the characters the portal uses, as WOFF2.

Run after changing the character set or the source package (npm
``@fontsource/fira-sans``, pinned in package-lock.json; ``make fonts``)::

    .venv/bin/python scripts/subset_fonts.py

The output in ``docs/assets/fonts/`` is committed, so that neither a build
nor a reader's browser needs npm or any other host. Fira Sans is licensed
under the SIL Open Font License 1.1; its licence text is copied beside the
fonts. ``tests/test_fonts.py`` checks that every character of the pages is
in the subset, so a new character (a new quotation mark, say) fails a test
rather than falling back to the system font unnoticed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SOURCE = PROJECT_ROOT / "node_modules" / "@fontsource" / "fira-sans"
TARGET = PROJECT_ROOT / "docs" / "assets" / "fonts"

# Latin letters and German, and the typographic punctuation of German and
# English texts: „…“ and “…”, ‚…‘, dashes, ellipsis, §, €, arrows.
UNICODES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1: umlauts, ß, §, ©, «», non-breaking space
    (0x0152, 0x0153),  # Œ œ
    (0x2010, 0x2015),  # hyphens and dashes
    (0x2018, 0x201E),  # quotation marks ‘ ’ ‚ “ ” „
    (0x2020, 0x2022),  # † ‡ •
    (0x2026, 0x2026),  # …
    (0x2030, 0x2030),  # ‰
    (0x2039, 0x203A),  # ‹ ›
    (0x20AC, 0x20AC),  # €
    (0x2122, 0x2122),  # ™
    (0x2190, 0x2193),  # arrows; the source's Latin file has only ↑ ↓ (menu paths use ›)
)
"""Code point ranges kept in the subset (inclusive)."""


@dataclass(frozen=True)
class Face:
    """One font file: the weight and style of the @font-face rule that loads it."""

    weight: int
    style: str

    @property
    def source(self) -> Path:
        return SOURCE / "files" / f"fira-sans-latin-{self.weight}-{self.style}.woff2"

    @property
    def target(self) -> Path:
        return TARGET / f"fira-sans-{self.weight}-{self.style}.woff2"


# KERN's weights: 400 for text, 600 for headings and strong text
# (--kern-typography-font-weight-heading-default, -body-strong).
FACES = (Face(400, "normal"), Face(400, "italic"), Face(600, "normal"))


def code_points() -> list[int]:
    return [point for start, end in UNICODES for point in range(start, end + 1)]


def subset_face(face: Face) -> int:
    """Write the subset of `face` and return its size in bytes."""
    options = subset.Options()
    options.flavor = "woff2"
    # Kerning and ligatures stay (they are most of Fira's typographic
    # quality); hinting goes: screens of today do not use it, and it is a
    # third of the file.
    options.layout_features = ["kern", "liga", "calt", "locl", "ccmp", "mark", "mkmk"]
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    font = TTFont(face.source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points())
    subsetter.subset(font)
    face.target.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(face.target), options)
    return face.target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.parse_args(argv)
    missing = [face.source for face in FACES if not face.source.is_file()]
    if missing:
        print(
            f"Quelldatei fehlt: {missing[0]} — `npm ci` installiert @fontsource/fira-sans.",
            file=sys.stderr,
        )
        return 1
    for face in FACES:
        size = subset_face(face)
        print(f"{face.target.relative_to(PROJECT_ROOT)}: {size} Bytes")
    shutil.copyfile(SOURCE / "LICENSE", TARGET / "ofl.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
