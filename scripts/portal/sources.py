"""Source files as editors wrote them, read once, with line numbers.

MkDocs hands hooks the page body without its front matter and forgets where
each line came from. The checks need both: the raw front matter, to report
YAML errors that MkDocs passes over in silence, and real line numbers, so
that every message points at the line the editor sees in the file.

Editors save files with whatever their editor does: Windows-1252, a UTF-8
byte order mark, an empty file. Reading never fails on that: the problem
becomes a finding at its line, and the text is read as far as it can be, so
the other checks (and the build) still run.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from portal.findings import Finding

# Same fence rule as MkDocs' own front matter parser (mkdocs.utils.meta).
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|\Z)", re.S)
_OPENING_FENCE = re.compile(r"\A-{3}[ \t]*\r?\n")

_SAVE_AS_UTF8 = (
    "speichern Sie die Datei mit der Kodierung „UTF-8“ (im Editor z. B. über "
    "„Speichern unter“ → Kodierung) und prüfen Sie dann die Umlaute."
)


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
    findings: tuple[Finding, ...] = field(default=(), compare=False)
    """Problems of the file as a file: its encoding, emptiness, an unclosed fence."""
    unclosed_front_matter: bool = False
    """True when the file opens a front matter block with ``---`` but never closes it."""

    def line_of(self, needle: str, *, start: int = 1) -> int:
        """First line at or after `start` that contains `needle`; 0 if none does."""
        for number in range(max(start, 1), len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return 0


def parse_source(text: str, *, path: str, findings: tuple[Finding, ...] = ()) -> SourceFile:
    """Split a Markdown text into front matter and body, keeping line numbers."""
    lines = text.splitlines()
    match = _FRONT_MATTER.match(text)
    if match is None:
        unclosed = _OPENING_FENCE.match(text) is not None
        return SourceFile(path, text, None, 0, 1, lines, findings, unclosed)
    body_line = text.count("\n", 0, match.end()) + 1
    return SourceFile(path, text, match.group(1) or "", 2, body_line, lines, findings)


def read_text(file: Path, *, shown: str) -> tuple[str | None, list[Finding]]:
    """A text file's content and the problems of its encoding.

    Never raises for a file that exists: a byte order mark is dropped, bytes
    that are not UTF-8 are replaced (and reported at their line). None only
    when the file cannot be read at all.
    """
    try:
        data = file.read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        finding = Finding(
            shown,
            0,
            f"Die Datei lässt sich nicht lesen ({reason})",
            "prüfen Sie, ob sie existiert und Sie sie öffnen dürfen.",
        )
        return None, [finding]
    findings: list[Finding] = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        findings.append(
            Finding(
                shown,
                1,
                "Die Datei beginnt mit einer unsichtbaren Byte-Order-Markierung (BOM)",
                "speichern Sie die Datei als „UTF-8“ ohne BOM (im Editor unter Kodierung).",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        findings.append(
            Finding(
                shown,
                line,
                f"Die Datei ist nicht als UTF-8 gespeichert (Byte 0x{data[error.start]:02X} "
                "ist kein UTF-8, vermutlich ein Umlaut in Windows-1252 oder Latin-1)",
                _SAVE_AS_UTF8,
                column,
            )
        )
        text = data.decode("utf-8", errors="replace")
    return text, findings


def read_source(file: Path, *, shown: str) -> SourceFile:
    """Read and split one Markdown file; its problems as a file are in `.findings`."""
    text, findings = read_text(file, shown=shown)
    if text is not None and not text.strip():
        findings.append(
            Finding(
                shown,
                1,
                "Die Datei ist leer",
                "schreiben Sie Kopfdaten und Text hinein oder löschen Sie die Datei.",
            )
        )
    return parse_source(text or "", path=shown, findings=tuple(findings))


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
        try:
            mtime = absolute.stat().st_mtime
        except OSError:
            mtime = -1.0
        cached = self._files.get(absolute)
        if cached is not None and cached[0] == mtime:
            return cached[1]
        try:
            shown = absolute.relative_to(self.project_root).as_posix()
        except ValueError:
            shown = absolute.as_posix()
        source = read_source(absolute, shown=shown)
        self._files[absolute] = (mtime, source)
        return source


_caches: dict[Path, SourceCache] = {}


def markdown_files(docs_dir: Path, files: Iterable[str] | None = None) -> list[Path]:
    """The Markdown files below `docs_dir`, sorted: from the site's one walk when given."""
    if files is None:
        return sorted(docs_dir.rglob("*.md"))
    return [docs_dir / uri for uri in sorted(files) if uri.endswith(".md")]


def source_cache(project_root: Path) -> SourceCache:
    """The process-wide cache for one project; `mkdocs serve` keeps it across rebuilds."""
    root = project_root.resolve()
    if root not in _caches:
        _caches[root] = SourceCache(root)
    return _caches[root]
