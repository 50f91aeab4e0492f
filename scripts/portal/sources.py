"""Markdown source files as editors wrote them, read once, with line numbers.

MkDocs hands hooks the page body without its front matter and forgets where
each line came from. The checks need both: the raw front matter, to report
YAML errors that MkDocs passes over in silence, and real line numbers, so
that every message points at the line the editor sees in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Same fence rule as MkDocs' own front matter parser (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class SourceFile:
    """One Markdown file: its text, its front matter block and where the body starts."""

    path: str
    """Path as editors see it, relative to the project root, e.g. ``docs/index.md``."""
    text: str
    front_matter: str | None
    """The YAML between the ``---`` fences, or None if the file has no front matter."""
    front_matter_line: int
    """1-based line of the first YAML line (2 when the file has front matter)."""
    body_line: int
    """1-based line where the body starts (1 without front matter)."""
    lines: list[str] = field(repr=False, compare=False)

    def line_of(self, needle: str, *, start: int = 1) -> int:
        """First line at or after `start` that contains `needle`; 0 if none does."""
        for number in range(max(start, 1), len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return 0


def parse_source(text: str, *, path: str) -> SourceFile:
    """Split a Markdown text into front matter and body, keeping line numbers."""
    lines = text.splitlines()
    match = _FRONT_MATTER.match(text)
    if match is None:
        return SourceFile(path, text, None, 0, 1, lines)
    body_line = text.count("\n", 0, match.end()) + 1
    return SourceFile(path, text, match.group(1) or "", 2, body_line, lines)


class SourceCache:
    """Each source file read and split once per build, however many checks ask."""

    def __init__(self, project_root: Path) -> None:
        self.project_root = project_root
        self._files: dict[Path, tuple[float, SourceFile]] = {}
        self._folders: dict[Path, Path] = {}

    def get(self, path: Path) -> SourceFile:
        # Resolving a path asks the file system about each of its parts: once
        # per folder is enough for the thousands of pages of a large site.
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        absolute = folder / path.name
        mtime = absolute.stat().st_mtime
        cached = self._files.get(absolute)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        try:
            shown = str(absolute.relative_to(self.project_root))
        except ValueError:
            shown = str(absolute)
        source = parse_source(absolute.read_text(encoding="utf-8-sig"), path=shown)
        self._files[absolute] = (mtime, source)
        return source


_caches: dict[Path, SourceCache] = {}


def source_cache(project_root: Path) -> SourceCache:
    """The process-wide cache for one project; `mkdocs serve` keeps it across rebuilds."""
    root = project_root.resolve()
    if root not in _caches:
        _caches[root] = SourceCache(root)
    return _caches[root]
