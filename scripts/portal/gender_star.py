"""The Gendersternchen stays a star: a Python-Markdown extension.

German text writes inclusive forms with a star inside the word: Mentor*innen,
Mentor*in, Kolleg*innen, jede*r, ein*e. Markdown reads the same star as
emphasis, so two such forms in one paragraph turn the text between them
italic and lose both stars (``Mentor<em>innen und Mentor</em>innen``), and
``**Mentor*innen**`` falls apart.

This extension settles it once, where Markdown is read, for every page and
everything else rendered with the site's Markdown configuration: a star with
a letter right before it and a letter right after it is text, exactly as if
the editor had written ``\\*``. Emphasis never needs such a star: it opens
before a word and closes after one (``*Wichtig*``, ``**Mentor*innen**``), and
the portal's HTML check (``portal.emphasis``) rejects emphasis that starts or
ends inside a word anyway. Code spans and code blocks keep their stars
untouched (Markdown handles them before inline patterns).

Registered in ``mkdocs.yml`` as ``portal.gender_star``.
"""

from __future__ import annotations

import re

# Python-Markdown ships without type information (and the project pins no
# stubs for it); the classes below are used exactly as documented.
from markdown import Markdown, util  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.inlinepatterns import InlineProcessor  # type: ignore[import-untyped]

# A letter is a word character that is neither a digit nor "_" (Unicode, so
# umlauts and ß count): Ärzt*innen, Bürger*innen, Gesprächspartner*in.
GENDER_STAR = r"(?<=[^\W\d_])\*(?=[^\W\d_])"
"""A star between two letters, which in German text is the Gendersternchen."""

GENDER_STAR_RE = re.compile(GENDER_STAR)

# Above "em_strong" (60), which would read the star as emphasis, and below
# "backtick" (190) and "escape" (180), so code spans and ``\*`` come first;
# link texts are processed by the patterns after "link" (160), this one included.
PRIORITY = 65


class GenderStarProcessor(InlineProcessor):  # type: ignore[misc]
    """Turns a Gendersternchen into an escaped star, which no later pattern reads."""

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[str, int, int]:
        # The same placeholder Python-Markdown's own escape pattern makes for
        # ``\*``; its "unescape" tree processor turns it back into "*".
        return f"{util.STX}{ord('*')}{util.ETX}", m.start(0), m.end(0)


class GenderStarExtension(Extension):  # type: ignore[misc]
    """Registers `GenderStarProcessor` ahead of Markdown's emphasis."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.inlinePatterns.register(GenderStarProcessor(GENDER_STAR, md), "gender_star", PRIORITY)


def makeExtension(**kwargs: object) -> GenderStarExtension:
    """Python-Markdown's entry point for ``markdown_extensions: [portal.gender_star]``."""
    return GenderStarExtension(**kwargs)
