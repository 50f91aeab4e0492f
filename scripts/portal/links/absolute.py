"""Site-absolute links in Markdown (``/einarbeitung/``): they break under a sub-path.

Readers may get the portal under ``https://amt.example/portal/``; a link
written as ``/einarbeitung/`` then leads to the server's root. The link guard
over the built site cannot tell (on the test server the root is the
portal's), so the Markdown is read here, as MkDocs' own ``absolute_links``
warning does, but with the line and the relative link to write instead.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable

from portal.findings import Finding
from portal.sources import SourceFile

# An inline link or image target, a reference definition, an HTML attribute.
_LINK = re.compile(
    r"\]\(\s*<?(?P<inline>/[^/)\s>][^)\s>]*|/)"
    r"|^\s{0,3}\[[^\]]+\]:\s*<?(?P<reference>/[^/\s>][^\s>]*|/)"
    r"|\b(?:href|src)\s*=\s*[\"'](?P<attribute>/[^/\"'][^\"']*|/)[\"']"
)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).+?\1")


def check_absolute_links(
    source: SourceFile, *, src_uri: str, known_pages: Iterable[str]
) -> list[Finding]:
    """A finding for every link in `source` that starts at the site's root."""
    pages = set(known_pages)
    findings: list[Finding] = []
    fence: str | None = None
    for number, line in enumerate(source.lines, start=1):
        if number < source.body_line:
            continue
        opened = _FENCE.match(line)
        if opened:
            marker = opened.group(1)[0]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence:
            continue
        for match in _LINK.finditer(_INLINE_CODE.sub("", line)):
            link = match.group("inline") or match.group("reference") or match.group("attribute")
            findings.append(
                Finding(
                    source.path,
                    number,
                    f"Der Link „{link}“ beginnt mit „/“ und führt ins Leere, sobald das Portal "
                    "in einem Unterordner des Servers liegt",
                    _fix(link, src_uri=src_uri, pages=pages),
                )
            )
    return findings


def _fix(link: str, *, src_uri: str, pages: set[str]) -> str:
    path, _, fragment = link.partition("#")
    folder = path.strip("/")
    candidates = [f"{folder}/index.md", f"{folder}.md"] if folder else ["index.md"]
    for candidate in candidates:
        if candidate in pages:
            relative = posixpath.relpath(candidate, posixpath.dirname(src_uri) or ".")
            target = relative + (f"#{fragment}" if fragment else "")
            return f"schreiben Sie den Link relativ zur Markdown-Datei: „{target}“."
    return "schreiben Sie den Link relativ zur Markdown-Datei, z. B. „../ordner/seite.md“."
