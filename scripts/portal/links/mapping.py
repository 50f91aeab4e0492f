"""Which source made a built page, and on which line of it a link was written.

MkDocs turns ``[Phasen](phasen.md#woche-1)`` into ``href="../phasen/#woche-1"``
and forgets the line. To point editors at the line they wrote, a link is
looked up in its source by the spellings it may have had there: the URL as
rendered (raw HTML and unresolved links keep it), the path of the target's
Markdown file relative to the source, its file name, and the bare fragment.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from portal.languages import Languages
from portal.sources import SourceFile, source_cache

# Data

# Characters that continue a URL: a match followed (or preceded) by one of
# them is part of a longer link, e.g. "#woche-1" inside "#woche-1-4".
_URL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~%#")
_BEFORE_CHARS = _URL_CHARS - {"."}


@dataclass(frozen=True, slots=True)
class PageInfo:
    """Where a built page came from and which language its content is in."""

    src_uri: str | None
    """Path of the Markdown source below docs/, e.g. ``einarbeitung/index.md``."""
    locale: str
    """Language of the content; a German page under /en/ (i18n fallback) says ``de``."""
    generated_by: str | None = None
    """The hook or plugin that generated the page, if it has no file on disk."""


# Functions


def infer_pages(docs_dir: Path, *, languages: Languages) -> dict[str, PageInfo]:
    """Built page path → PageInfo for a suffix-layout docs folder, as i18n builds it.

    The build records this itself (portal.stages.finish); this is for checking a
    site that was built elsewhere. Missing translations fall back to the
    default language's page (fallback_to_default).
    """
    translated: dict[str, dict[str, str]] = {}
    for directory, _, names in os.walk(docs_dir):
        for name in names:
            src_uri = Path(directory, name).relative_to(docs_dir).as_posix()
            if not languages.is_source(src_uri):
                continue
            locale = languages.of_source(src_uri).code
            translated.setdefault(languages.default_source(src_uri), {})[locale] = src_uri
    pages: dict[str, PageInfo] = {}
    default = languages.default.code
    for normalised, by_locale in translated.items():
        for language in languages:
            dest = languages.dest_path(normalised, language.code)
            if language.code in by_locale:
                pages[dest] = PageInfo(by_locale[language.code], language.code)
            elif default in by_locale:
                pages[dest] = PageInfo(by_locale[default], default)
    return pages


def find_line(
    lines: Sequence[str], needles: Iterable[str], *, start: int = 1
) -> tuple[int, str | None]:
    """First (line, needle) at or after `start` where a needle stands as a whole link.

    Needles are tried in order, the most specific first; (0, None) if no
    needle occurs.
    """
    for needle in needles:
        if not needle:
            continue
        for number in range(max(start, 1), len(lines) + 1):
            if _contains_link(lines[number - 1], needle):
                return number, needle
    return 0, None


def source_needles(
    url: str,
    *,
    src_uri: str | None,
    target_src_uri: str | None,
    fragment: str | None,
    languages: Languages,
) -> list[str]:
    """The spellings a rendered URL may have had in the Markdown source, most specific first."""
    suffix = f"#{fragment}" if fragment else ""
    needles = [url]
    if src_uri is not None and target_src_uri is not None:
        relative = posixpath.relpath(target_src_uri, posixpath.dirname(src_uri) or ".")
        # `bar.en.md` is linked as `bar.md` from English pages (i18n finds the
        # translation itself).
        for form in (relative, languages.default_source(relative)):
            needles += [form + suffix, posixpath.basename(form) + suffix]
        if posixpath.basename(target_src_uri).startswith(("index.", "README.")):
            # `[x](../mentoring/)` links the folder of an index page.
            folder = posixpath.dirname(relative)
            needles += [folder + "/" + suffix, folder + suffix] if folder else []
    path = url.split("#", 1)[0].split("?", 1)[0]
    stripped = path.rstrip("/")
    while stripped.startswith(("../", "./")):
        stripped = stripped.split("/", 1)[1]
    needles += [stripped + suffix, posixpath.basename(stripped) + suffix]
    if fragment:
        needles.append(f"#{fragment}")
    else:
        needles.append(stripped)
    return list(dict.fromkeys(needle for needle in needles if needle and needle != "/"))


class SourceLocator:
    """Finds the line of each link in its source, in order of occurrence."""

    def __init__(
        self,
        *,
        project_root: Path,
        docs_dir: Path,
        config_file: Path | None,
        template_dirs: Sequence[Path],
    ) -> None:
        self.project_root = project_root
        self.docs_dir = docs_dir
        self.config_file = config_file
        self.template_dirs = template_dirs
        self._texts: dict[str, SourceFile | None] = {}
        self._last: dict[tuple[str, str], int] = {}

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.project_root).as_posix()
        except ValueError:
            return path.as_posix()

    def in_markdown(self, src_uri: str, needles: Sequence[str]) -> tuple[str, int, str | None]:
        path = self.docs_dir / src_uri
        source = self._markdown(path)
        if source is None:
            return self.shown(path), 0, None
        line, needle = self._next(source.path, source.lines, needles, start=source.body_line)
        return source.path, line, needle

    def in_config(self, needles: Sequence[str], *, section: str) -> tuple[str, int, str | None]:
        """A line of mkdocs.yml at or after the line that opens `section` (``nav:``)."""
        if self.config_file is None:
            return "mkdocs.yml", 0, None
        source = self._plain(self.config_file)
        if source is None:
            return self.shown(self.config_file), 0, None
        start, _ = find_line(source.lines, [section])
        line, needle = self._next(source.path, source.lines, needles, start=max(start, 1))
        return source.path, line, needle

    def in_templates(self, needles: Sequence[str]) -> tuple[str, int, str | None] | None:
        """The first theme override that holds one of the needles, or None."""
        for directory in self.template_dirs:
            for path in sorted(directory.rglob("*.html")):
                source = self._plain(path)
                if source is None:
                    continue
                line, needle = find_line(source.lines, needles)
                if line:
                    return source.path, line, needle
        return None

    # Helper methods

    def _next(
        self, shown: str, lines: Sequence[str], needles: Sequence[str], *, start: int
    ) -> tuple[int, str | None]:
        # The second broken link with the same text sits below the first one:
        # continue after the last hit, and wrap around if there is none.
        key = (shown, "\x00".join(needles))
        previous = self._last.get(key)
        line, needle = (0, None)
        if previous is not None:
            line, needle = find_line(lines, needles, start=previous + 1)
        if not line:
            line, needle = find_line(lines, needles, start=start)
        if line:
            self._last[key] = line
        return line, needle

    def _markdown(self, path: Path) -> SourceFile | None:
        # Keyed by string: hashing Path objects is the slow part at thousands of findings.
        key = str(path)
        if key not in self._texts:
            try:
                self._texts[key] = source_cache(self.project_root).get(path)
            except (OSError, UnicodeDecodeError):
                self._texts[key] = None
        return self._texts[key]

    def _plain(self, path: Path) -> SourceFile | None:
        key = str(path)
        if key not in self._texts:
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                self._texts[key] = None
            else:
                # Templates and mkdocs.yml have no front matter: keep every line.
                self._texts[key] = SourceFile(self.shown(path), text, None, 0, 1, text.splitlines())
        return self._texts[key]


# Helper functions


def _contains_link(line: str, needle: str) -> bool:
    start = line.find(needle)
    while start != -1:
        end = start + len(needle)
        before_ok = start == 0 or line[start - 1] not in _BEFORE_CHARS or needle[0] in "./"
        after_ok = end == len(line) or line[end] not in _URL_CHARS or needle[-1] == "/"
        if before_ok and after_ok:
            return True
        start = line.find(needle, start + 1)
    return False
