"""The portal's search index: terms ready for the reader's browser, built once.

Material's search sends every page the text of the whole site and builds a
lunr.js index in the browser; its query adds a wildcard to every word, which
switches lunr's stemmer off, so that „Gespräch“ never meets its stem. The
portal instead builds the index here, at build time, with the rules of
``portal.search.text``: folded stems, the parts of German compounds, and the
glossary's abbreviations, expansions and English terms as synonyms. The
browser (``overrides/assets/javascripts/portal-search.js``) loads it when the
reader starts typing, looks terms up and ranks.

The file, compact JSON::

    {"version": 1, "locale": "de",
     "docs": [[location, title, teaser, [tags]], ...],
     "terms": ["abschluss", ...],              # sorted, for prefix look-ups
     "postings": [[doc, weight, doc, weight, ...], ...]}

``doc`` in a posting list is the distance to the previous one (the first
counts from 0), ``weight`` how strongly the term marks that entry, times 10.
"""

from __future__ import annotations

import html
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from portal.search.text import CompoundSplitter, is_stop_word, stem, vocabulary, words

VERSION = 1
# How strongly a term marks an entry, by where it stands. A title word is
# worth ten of the running text; a tag, half a title. Parts of a compound
# count less than the whole word, so that the whole word ranks first.
TITLE = 10.0
TAG = 5.0
ANCHOR = 8.0
PART = 0.4
SYNONYM = 0.8
# Pages shown in another language than the reader's (untranslated fallbacks)
# count less: a reader's own language first.
FOREIGN = 0.5
TEASER_LENGTH = 300

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SynonymGroup:
    """Words that mean the same in the portal: an abbreviation, its expansion, …"""

    forms: tuple[str, ...]


@dataclass
class IndexOptions:
    """What the index of one language holds beyond the words themselves."""

    locale: str
    synonyms: Sequence[SynonymGroup] = ()
    split_compounds: bool = True
    anchors: Mapping[str, Sequence[str]] = field(default_factory=dict)
    """Words that name a page besides its text, per page URL (as in the entries'
    locations): the link texts other pages use for it, e.g. „child protection“
    for a page only in German, and the facts it marks as keywords (an event's
    place, organiser and speakers)."""
    foreign: Set[str] = frozenset()
    """URLs of pages (as in the entries' locations) that are in another language."""


def plain(text: str) -> str:
    """Index text without HTML tags and entities, on one line."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", text))).strip()


def teaser(text: str, length: int = TEASER_LENGTH) -> str:
    """The start of ``text``, cut at a word, for the result list."""
    if len(text) <= length:
        return text
    cut = text.rfind(" ", 0, length)
    return text[: cut if cut > length // 2 else length].rstrip(" ,;:") + " …"


def build_index(entries: Iterable[Mapping[str, Any]], options: IndexOptions) -> dict[str, Any]:
    """The compact index of one language's entries (Material's ``docs``)."""
    locale = options.locale
    docs: list[list[Any]] = []
    fields: list[tuple[list[str], list[str], list[str], list[str]]] = []
    for entry in entries:
        title = plain(str(entry.get("title", "")))
        text = plain(str(entry.get("text", "")))
        tags = [str(tag) for tag in entry.get("tags", [])]
        location = str(entry["location"])
        anchors = options.anchors.get(location, ()) if "#" not in location else ()
        docs.append([location, title, teaser(text), tags])
        fields.append((words(title), words(text), words(" ".join(tags)), words(" ".join(anchors))))

    splitter = None
    if options.split_compounds and locale == "de":
        splitter = CompoundSplitter(
            vocabulary(" ".join(title + text) for title, text, _, _ in fields)
        )
    synonyms = _synonym_stems(options.synonyms, locale)

    postings: dict[str, dict[int, float]] = defaultdict(dict)
    for number, (title_words, text_words, tag_words, anchor_words) in enumerate(fields):
        weights: defaultdict[str, float] = defaultdict(float)
        for term, count in Counter(_stems(text_words, locale)).items():
            weights[term] += 1.0 + math.log(count)
        for term in set(_stems(title_words, locale)):
            weights[term] += TITLE
        for term in set(_stems(tag_words, locale)):
            weights[term] += TAG
        for term in set(_stems(anchor_words, locale)):
            weights[term] += ANCHOR
        if splitter is not None:
            _add_parts(weights, splitter, title=title_words, text=text_words, locale=locale)
        sequence = _stems(title_words + text_words + tag_words, locale)
        _add_synonyms(weights, synonyms, sequence=sequence)
        scale = FOREIGN if docs[number][0].split("#", 1)[0] in options.foreign else 1.0
        for term, weight in weights.items():
            postings[term][number] = weight * scale

    terms = sorted(postings)
    return {
        "version": VERSION,
        "locale": locale,
        "docs": docs,
        "terms": terms,
        "postings": [_encode(postings[term]) for term in terms],
    }


def _stems(tokens: Iterable[str], locale: str) -> list[str]:
    return [stem(token, locale) for token in tokens if not is_stop_word(token, locale)]


def _add_parts(
    weights: defaultdict[str, float],
    splitter: CompoundSplitter,
    *,
    title: list[str],
    text: list[str],
    locale: str,
) -> None:
    found: defaultdict[str, float] = defaultdict(float)
    for word in set(text):
        for part in splitter.parts(word):
            found[stem(part, locale)] += PART
    for word in set(title):
        for part in splitter.parts(word):
            found[stem(part, locale)] += PART * TITLE
    for term, weight in found.items():
        # A part never outweighs the same word standing on its own.
        weights[term] = max(weights[term], weight) if weights[term] else weight


def _synonym_stems(groups: Iterable[SynonymGroup], locale: str) -> list[list[tuple[str, ...]]]:
    result = []
    for group in groups:
        forms = [tuple(_stems(words(form), locale)) for form in group.forms]
        forms = [form for form in forms if form]
        if len(forms) > 1:
            result.append(forms)
    return result


def _add_synonyms(
    weights: defaultdict[str, float], groups: list[list[tuple[str, ...]]], *, sequence: list[str]
) -> None:
    present = set(sequence)
    for forms in groups:
        matched = [form for form in forms if _contains(sequence, present, form)]
        if not matched:
            continue
        strength = max(weights[term] for form in matched for term in form) * SYNONYM
        for form in forms:
            if form in matched:
                continue
            for term in form:
                weights[term] = max(weights[term], strength)


def _contains(sequence: list[str], present: set[str], form: tuple[str, ...]) -> bool:
    if not all(term in present for term in form):
        return False
    if len(form) == 1:
        return True
    size = len(form)
    return any(tuple(sequence[i : i + size]) == form for i in range(len(sequence) - size + 1))


def _encode(weights: Mapping[int, float]) -> list[int]:
    encoded: list[int] = []
    previous = 0
    for number in sorted(weights):
        encoded += [number - previous, max(1, round(weights[number] * 10))]
        previous = number
    return encoded
