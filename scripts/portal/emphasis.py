"""Emphasis in rendered HTML starts and ends at word edges; a gender star stays a star.

Markdown turns ``*…*`` into ``<em>`` and ``**…**`` into ``<strong>``. In
German text a star inside a word is the Gendersternchen (``Mentor*innen``);
read as emphasis, it vanishes and turns the text up to the next star italic:
``Mentor<em>innen und Mentor</em>innen``. ``portal.gender_star`` prevents
that where Markdown is read; this module checks the result, in the HTML,
whatever produced it:

- emphasis (``<em>``, ``<strong>``) that starts or ends inside a word — the
  trace of a star read as markup (a gender star gets its own message);
- a star left over as text at the edge of a word (``<em>Mentor</em>innen*``),
  the other half of a pair that went wrong.

It knows nothing about MkDocs: ``portal.stages.finish`` runs it on every page's
content and reports findings with the source line, and the tests run it over
the whole built site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

EMPHASIS_TAGS = ("em", "strong")
# Text inside these is shown as written (code) or is no text at all.
VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea", "template"})

# A star glued to one edge of a word: after a letter and not before one
# ("innen*"), or before a letter and not after one ("*Wort"). Gender stars
# sit between two letters and are left alone.
_STRAY_STAR = re.compile(r"(?<=[^\W_])\*(?![^\W_])|(?<![^\W_])\*(?=[^\W_])")
# \Z, not $: "$" also matches before a final line break, and emphasis that
# opens a source line follows text ending in one ("dazu\n<strong>…").
_WORD_END = re.compile(r"[^\W_][\w*-]*\Z")
_WORD_START = re.compile(r"^[\w*-]*[^\W_]")
# The endings a gender star introduces: Mentor*in, Mentor*innen, jede*r, ein*e.
_GENDER_ENDING = re.compile(r"^(?:in|innen|e|en|er|es|em|r|s|n|m)\b")


@dataclass(frozen=True)
class EmphasisProblem:
    """One problem in rendered text: the words it concerns, what is wrong, the fix."""

    words: str
    """The text around the problem as readers see it, e.g. „Mentorinnen“."""
    anchor: str
    """A piece of the Markdown source to find the line by, e.g. „Mentor“."""
    problem: str
    fix: str


def emphasis_problems(html: str) -> list[EmphasisProblem]:
    """Every misplaced emphasis and stray star in `html`, in document order."""
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return []
    problems: list[EmphasisProblem] = []
    for node in root.traverse(include_text=True):
        if _verbatim(node):
            continue
        if node.is_text_node:
            problems += _stray_stars(node.text_content or "")
        elif node.tag in EMPHASIS_TAGS:
            problems += _edges(node)
    return problems


def _verbatim(node: LexborNode) -> bool:
    current: LexborNode | None = node
    while current is not None:
        if current.tag in VERBATIM:
            return True
        current = current.parent
    return False


def _edges(node: LexborNode) -> list[EmphasisProblem]:
    inner = node.text(deep=True)
    before = _neighbour_text(node.prev)
    after = _neighbour_text(node.next)
    head = _WORD_END.search(before)
    tail = _WORD_START.search(after)
    # Markdown makes a single star <em>; a gender star read as markup does too.
    single = node.tag == "em"
    problems: list[EmphasisProblem] = []
    if head and inner[:1].isalnum():
        word_start = head.group(0)
        word_end = (_WORD_START.search(inner) or head).group(0)
        # A gender star read as the opening of emphasis: the ending follows it.
        gender = single and inner[:1].islower() and _GENDER_ENDING.match(inner) is not None
        problems.append(_problem(word_start, word_end, gender=gender, edge="beginnt"))
    if tail and inner[-1:].isalnum():
        word_start = (_WORD_END.search(inner) or tail).group(0)
        word_end = tail.group(0)
        # A gender star read as the closing of emphasis: the ending follows it.
        gender = single and after[:1].islower() and _GENDER_ENDING.match(after) is not None
        problems.append(_problem(word_start, word_end, gender=gender, edge="endet"))
    return problems


def _problem(word_start: str, word_end: str, *, gender: bool, edge: str) -> EmphasisProblem:
    if gender:
        return EmphasisProblem(
            words=word_start + word_end,
            anchor=word_start,
            problem=(
                f"Das Gendersternchen in „{word_start}*{word_end}“ wurde als Hervorhebung "
                "gelesen: das Sternchen fehlt, Text ist kursiv oder fett"
            ),
            fix=(
                "die Markdown-Erweiterung portal.gender_star muss in mkdocs.yml unter "
                "markdown_extensions stehen; im Text ist nichts zu ändern."
            ),
        )
    return EmphasisProblem(
        words=word_start + word_end,
        anchor=word_start,
        problem=f"Eine Hervorhebung {edge} mitten im Wort „{word_start + word_end}“",
        fix="setzen Sie * und ** nur vor den Anfang und hinter das Ende ganzer Wörter.",
    )


def _neighbour_text(node: LexborNode | None) -> str:
    # The text right next to the emphasis, whether a text node or an element
    # (<a>, <abbr>) stands there; a block boundary ends the word.
    if node is None:
        return ""
    if node.is_text_node:
        return node.text_content or ""
    if node.tag in {"br", "p", "div", "li", "ul", "ol", "table", "td", "th", "tr"}:
        return ""
    return node.text(deep=True)


def _stray_stars(text: str) -> list[EmphasisProblem]:
    problems: list[EmphasisProblem] = []
    for match in _STRAY_STAR.finditer(text):
        start = text.rfind(" ", 0, match.start()) + 1
        end = text.find(" ", match.end())
        words = text[start : end if end >= 0 else len(text)].strip()
        problems.append(
            EmphasisProblem(
                words=words,
                anchor=words,
                problem=f"Ein Sternchen steht als Zeichen im Text: „{words}“",
                fix=(
                    "schließen Sie jede Hervorhebung im selben Absatz (*…* oder **…**), "
                    "ein Sternchen als Zeichen steht frei, mit Leerzeichen davor und danach."
                ),
            )
        )
    return problems
