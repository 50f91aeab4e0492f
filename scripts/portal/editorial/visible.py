"""The text of a source file as readers see it, with every other character blanked.

Masked characters become spaces and line breaks stay, so that a position in
the result is the same position, on the same line, as in the file.
"""

from __future__ import annotations

import re

from portal.sources import SourceFile

# Front matter fields that readers see (title and description); the rest are keys.
_SHOWN_FIELD = re.compile(r"(?:title|description):[ \t]*")
_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_HIDDEN = (
    re.compile(r"<!--.*?-->", re.S),  # HTML comments (also the operator markers)
    re.compile(r"`[^`\n]+`"),  # inline code
    re.compile(r"\]\([^)\n]*\)"),  # link and image targets
    re.compile(r"\{[^{}\n]*\}"),  # attribute lists such as { hreflang=de }
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # HTML tags
    re.compile(r"https?://\S+"),  # bare addresses
)


def visible_text(source: SourceFile) -> str:
    """`source.text` with everything readers do not read blanked out."""
    lines = source.text.split("\n")
    body_start = source.body_line - 1 if source.front_matter is not None else 0
    for index in range(body_start):
        lines[index] = _shown_value(lines[index])
    fence: str | None = None
    for index in range(body_start, len(lines)):
        match = _FENCE.match(lines[index])
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            lines[index] = _blank(lines[index])
        elif fence is not None:
            if match and match.group(1).startswith(fence):
                fence = None
            lines[index] = _blank(lines[index])
    text = "\n".join(lines)
    for pattern in _HIDDEN:
        text = pattern.sub(lambda match: _blank(match.group(0)), text)
    return text


def line_at(text: str, position: int) -> int:
    """1-based line of a position in the text."""
    return text.count("\n", 0, position) + 1


def _shown_value(line: str) -> str:
    match = _SHOWN_FIELD.match(line)
    if match is None:
        return _blank(line)
    return _blank(match.group(0)) + line[match.end() :]


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)
