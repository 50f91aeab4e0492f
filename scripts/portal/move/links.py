"""Markdown links rewritten for a move: links to the moved page, and the moved page's own.

Only link targets change, nothing else of the text: inline links and images
(``[Text](pfad.md#anker "Titel")``), reference definitions
(``[x]: pfad.md``) and ``href``/``src`` in HTML written into the Markdown.
Code (fenced blocks and inline code) is left as it is: a path there is an
example, not a link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

_FENCE = re.compile(r"^\s*(?:>\s*)*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_INLINE = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^(\s{0,3}\[[^\]\n]+\]:\s*)(<[^>\n]*>|\S+)")
_HTML = re.compile(r"""(\b(?:href|src)=)(["'])([^"'\n]*)\2""")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass(frozen=True)
class Rewritten:
    """A source text after the move, and how many links in it changed."""

    text: str
    links: int


def rewrite_links(
    text: str, *, src_uri: str, new_src_uri: str, moves: Mapping[str, str]
) -> Rewritten:
    """`text` of the page `src_uri`, which is moved to `new_src_uri` (or stays: the same).

    `moves` maps every moved file (paths below docs/) to its new path. A
    link whose target moves is pointed to the new path; when the page itself
    moves to another folder, each of its relative links is written anew
    from there.
    """
    old_folder, new_folder = posixpath.dirname(src_uri), posixpath.dirname(new_src_uri)
    count = 0

    def retarget(url: str) -> str:
        nonlocal count
        bracketed = url.startswith("<") and url.endswith(">")
        inner = url[1:-1] if bracketed else url
        changed = _retarget(inner, old_folder=old_folder, new_folder=new_folder, moves=moves)
        if changed is None or changed == inner:
            return url
        count += 1
        return f"<{changed}>" if bracketed else changed

    lines = text.splitlines(keepends=True)
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is not None:
            if (
                match is not None
                and match.group(1)[0] == fence[0]
                and len(match.group(1)) >= len(fence)
            ):
                fence = None
            continue
        if match is not None:
            fence = match.group(1)
            continue
        lines[index] = _outside_code(line, retarget)
    return Rewritten("".join(lines), count)


# Helper functions


def _outside_code(line: str, retarget: Callable[[str], str]) -> str:
    parts: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_rewrite_plain(line[position : span.start()], retarget))
        parts.append(span.group(0))
        position = span.end()
    parts.append(_rewrite_plain(line[position:], retarget))
    return "".join(parts)


def _rewrite_plain(text: str, retarget: Callable[[str], str]) -> str:
    text = _REFERENCE.sub(lambda m: m.group(1) + retarget(m.group(2)), text)
    text = _INLINE.sub(lambda m: m.group(1) + retarget(m.group(2)), text)
    return _HTML.sub(lambda m: f"{m.group(1)}{m.group(2)}{retarget(m.group(3))}{m.group(2)}", text)


def _retarget(
    url: str, *, old_folder: str, new_folder: str, moves: Mapping[str, str]
) -> str | None:
    path, hash_sign, fragment = url.partition("#")
    if not path or _SCHEME.match(path) or path.startswith("//"):
        return None  # an anchor on the same page, another site, mail
    path, question, query = path.partition("?")
    absolute = path.startswith("/")
    trailing = "/" if path.endswith("/") and path != "/" else ""
    base = "" if absolute else old_folder
    target = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
    if target == ".." or target.startswith("../"):
        return None  # outside docs/: nothing of the site's pages
    moved = moves.get(target, target)
    if moved == target and (absolute or old_folder == new_folder):
        return None
    written = "/" + moved if absolute else posixpath.relpath(moved, new_folder or ".")
    return f"{written}{trailing}{question}{query}{hash_sign}{fragment}"
