"""What a move changes in front matter: ``related`` paths and translations' ``translated_from``.

Both are edited as text, one value at a time, so the rest of the front
matter stays as the editor wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from portal.translations import FIELD, bytes_digest

_STAMP = re.compile(rf"^({FIELD}[ \t]*:[ \t]*)(\S+)", re.M)


def rewrite_related(text: str, *, moves: Mapping[str, str]) -> tuple[str, int]:
    """`text` with every ``related:`` path (relative to docs/) of a moved page renamed."""
    head, body = _split(text)
    if not head or not moves:
        return text, 0
    lines = head.splitlines(keepends=True)
    count = 0
    inside = False
    pattern = re.compile(
        r"(?<![\w/.-])(" + "|".join(re.escape(old) for old in moves) + r")(?![\w/.-])"
    )
    for index, line in enumerate(lines):
        if re.match(r"related[ \t]*:", line):
            inside = True
        elif line[:1] not in {" ", "\t", "-"}:
            inside = False
        if inside:
            lines[index], found = pattern.subn(lambda match: moves[match.group(1)], line)
            count += found
    return "".join(lines) + body, count


def restamp(translation: str, *, old_source: str, new_source: str) -> str | None:
    """A translation that matched its source before the move, matching it after it.

    The move changes links in both languages alike; a translation that was up
    to date stays so. None if the translation was outdated (or has no stamp):
    then it keeps its old one and the report of translations still shows it.
    """
    head, body = _split(translation)
    match = _STAMP.search(head)
    if match is None or match.group(2) != bytes_digest(old_source.encode("utf-8")):
        return None
    new = bytes_digest(new_source.encode("utf-8"))
    return head[: match.start(2)] + new + head[match.end(2) :] + body


def _split(text: str) -> tuple[str, str]:
    # The front matter including both `---` lines, and the rest.
    if not text.lstrip("\ufeff").startswith("---"):
        return "", text
    lines = text.splitlines(keepends=True)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in {"---", "..."}:
            cut = sum(len(line) for line in lines[: index + 1])
            return text[:cut], text[cut:]
    return "", text
