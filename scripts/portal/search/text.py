"""The words of the portal's search: folding, tokens, stems and compound parts.

The build (``portal.search.index``) and the reader's browser
(``overrides/assets/javascripts/portal-search.js``) must turn a word into the
same index term, so every rule here has a twin there, line for line; the
browser suite compares both over the portal's whole vocabulary.

- **Folding**: lower case, umlauts and ß as a reader types them without a
  German keyboard („Gespräch“ → ``gesprach``), accents dropped.
- **Stems**: German uses CISTEM (Weissweiler & Fraser, 2017), a stemmer made
  for search that only strips endings, so that the stem of a partly typed word
  is a prefix of the stem of the whole word; without the original's removal of
  a leading „ge-“, which would join „Gespräch“ and „Sprache“. English strips
  the plural „s“ (Harman's S-stemmer). Other languages are folded only.
- **Compounds**: „Kindeswohlgefährdung“ is split at build time into words that
  occur on their own in the portal („Kindeswohl“, „Gefährdung“), so that a
  search for a part finds the whole word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Set

# Characters between words. Hyphens split too („Kinder- und Jugendhilfe“).
WORD = re.compile(r"[^\W_]+")
# German gender-inclusive forms („Mentor*innen“, „Nutzer:in“, „Kolleg_innen“).
GENDER_FORM = re.compile(r"(?<!\w)([^\W_]+)[*:_·](in|innen)(?!\w)")

UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
# Umlauts typed as two letters („Gespraech“): tried when the word itself has no hit.
SPELLED_UMLAUTS = (("ae", "a"), ("oe", "o"), ("ue", "u"))

STOP_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(
        """
        aber als am an auch auf aus bei bin bis bist da dann das dass dem den der des die
        dies diese dieser dieses doch du durch ein eine einem einen einer eines er es fur
        hat hatte ich ihr im in ist ja jede jeder kann man mit nach nicht noch nur ob oder
        sich sie sind so um und uns vom von vor war was wenn wer wie wir wird wo zu zum
        zur uber
        """.split()  # noqa: SIM905 - a word list reads best as words
    ),
    "en": frozenset(
        """
        a an and are as at be by for from has have in is it its of on or that the this to
        was were will with
        """.split()  # noqa: SIM905
    ),
}

# Compound splitting: the shortest part, and the linking letters („Kindes|wohl“,
# „Steuerungs|verantwortung“) between parts.
MIN_PART = 4
LINKS = ("es", "s", "en", "n", "e")


def fold(word: str) -> str:
    """``word`` in lower case, umlauts as base letters, other accents dropped."""
    lowered = word.lower().translate(UMLAUTS)
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


def spelled_umlaut_variant(word: str) -> str:
    """``word`` with „ae“, „oe“ and „ue“ read as umlauts (already folded)."""
    for spelled, base in SPELLED_UMLAUTS:
        word = word.replace(spelled, base)
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text`` in order, gender forms also joined („mentorinnen“)."""
    found = [fold(word) for word in WORD.findall(text)]
    if "in" in text:
        found += [fold(a + b) for a, b in GENDER_FORM.findall(text)]
    return found


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str, locale: str) -> str:
    """The index term of a folded ``word`` in ``locale``."""
    if locale == "de":
        return _cistem(word)
    if locale == "en":
        return _s_stem(word)
    return word


def is_stop_word(word: str, locale: str) -> bool:
    return word in STOP_WORDS.get(locale, frozenset())


def _cistem(word: str) -> str:
    # CISTEM in its case-insensitive form; the replacements keep „sch“, „ei“,
    # „ie“ and double letters whole while endings are stripped.
    word = word.replace("sch", "$").replace("ei", "%").replace("ie", "&")
    word = re.sub(r"(.)\1", r"\1*", word)
    while len(word) > 3:
        if len(word) > 5 and word[-2:] in ("em", "er", "nd"):
            word = word[:-2]
        elif word[-1] in "tesn":
            word = word[:-1]
        else:
            break
    word = re.sub(r"(.)\*", r"\1\1", word)
    return word.replace("%", "ei").replace("&", "ie").replace("$", "sch")


def _s_stem(word: str) -> str:
    if len(word) <= 3:
        return word
    if word.endswith("ies") and not word.endswith(("eies", "aies")):
        return word[:-3] + "y"
    if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
        return word[:-1]
    if word.endswith("s") and not word.endswith(("us", "ss")):
        return word[:-1]
    return word


# Compounds


class CompoundSplitter:
    """Splits folded German compounds into words known from the portal itself.

    A part must be a word of the vocabulary (or, for the first part, a
    compound of such words); the last part at least as long as
    :data:`MIN_PART`, so that endings like „-ung“ never count as words.
    """

    def __init__(self, vocabulary: Iterable[str], *, locale: str = "de") -> None:
        self.locale = locale
        self.known = {word for word in vocabulary if len(word) >= MIN_PART}
        self.known_stems = {stem(word, locale) for word in self.known}
        self._cache: dict[str, tuple[str, ...]] = {}

    def parts(self, word: str) -> tuple[str, ...]:
        """The parts of ``word`` (not the word itself), longest first; () if none."""
        if len(word) < 2 * MIN_PART:
            return ()
        cached = self._cache.get(word)
        if cached is None:
            cached = tuple(sorted(self._split(word), key=lambda part: (-len(part), part)))
            self._cache[word] = cached
        return cached

    def _is_word(self, word: str) -> bool:
        return word in self.known or stem(word, self.locale) in self.known_stems

    def _split(self, word: str) -> set[str]:
        # The longest known last part first; the first part may itself be a
        # compound („Kindes|wohl|gefährdung“).
        for cut in range(MIN_PART - 1, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if not self._is_word(tail):
                continue
            heads = _without_links(head)
            for candidate in heads:
                if len(candidate) >= MIN_PART - 1 and self._is_word(candidate):
                    return {candidate, tail}
            for candidate in heads:
                inner = self._split(candidate) if len(candidate) >= 2 * MIN_PART else set()
                if inner:
                    return {candidate, *inner, tail}
        return set()


def _without_links(head: str) -> list[str]:
    """``head`` and ``head`` without each linking ending it has, the bare form first."""
    forms = [head]
    for link in LINKS:
        if head.endswith(link) and len(head) - len(link) >= MIN_PART - 1:
            forms.append(head[: -len(link)])
    return forms


def vocabulary(texts: Iterable[str], *, exclude: Set[str] = frozenset()) -> set[str]:
    """Every folded word of ``texts`` (numbers and ``exclude`` left out)."""
    found: set[str] = set()
    for text in texts:
        found.update(word for word in words(text) if not word.isdigit())
    return found - set(exclude)
