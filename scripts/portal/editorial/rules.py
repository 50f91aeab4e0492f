"""The editorial rules, each over one reader-visible text (see `visible`).

Every rule returns `Finding`s in the portal's one format, at the line the
editor sees: ``docs/x.md:12: was falsch ist — wie es richtig ist``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from portal.editorial.terms import Term
from portal.editorial.visible import line_at
from portal.findings import Finding

# Reviews


# Phrases that tell readers a page was checked. A review is recorded in
# front matter (`review:`) and shown by overrides/partials/page-meta.html;
# the text itself never claims one. „Fachlich noch nicht geprüft“ is allowed.
_REVIEW_CLAIMS = re.compile(
    r"\bzuletzt\s+geprüft\b|\bgeprüft\s+am\s+\d|(?<!nicht\s)\bfachlich\s+geprüft\b"
    r"|\bFachredaktion\b|\blast\s+reviewed\b|\breviewed\s+on\s+\d"
    r"|(?<!not\s)\bprofessionally\s+reviewed\b",
    re.I,
)


def review_claims(path: str, text: str) -> list[Finding]:
    return [
        Finding(
            path,
            line_at(text, match.start()),
            f"der Text behauptet eine fachliche Prüfung („{_one_line(match.group(0))}“)",
            "streichen Sie die Angabe: Eine Prüfung, die stattgefunden hat, steht in den "
            "Kopfdaten unter „review:“, und die Seite zeigt sie dann selbst.",
        )
        for match in _REVIEW_CLAIMS.finditer(text)
    ]


# Laws

_SPACE = re.compile(r"[ \t\n\u00a0\u202f]*")
_NUMBER = r"\d+[a-z]?(?: ?\(\d+\))*(?:\s?[–-]\s?\d+[a-z]?)?"
# What may stand between „§“ and the law: numbers, their parts and the words
# that join a chain („§ 36 Abs. 2 und 3“, „§§ 27–35a“, „§ 41 und § 41a“).
_NUMBER_TOKEN = re.compile(_NUMBER + r",?")
_PART_TOKEN = re.compile(
    r"(?:Abs\.|Absatz|S\.|Satz|Nr\.|Nrn\.|Halbs\.|Alt\.|UAbs\.|Buchst\.|lit\.|"
    r"para\.|sentence|no\.)\s(?:" + _NUMBER + r"|[a-z]\b),?"
)
_JOINER_TOKEN = re.compile(r"(?:und|oder|bis|sowie|and|or|to|ff\.|f\.|§§?|[–-])(?=[\s\u00a0])")


def law_references(path: str, text: str, *, laws: Sequence[str]) -> list[Finding]:
    """Every „§“ followed by its number and, after the chain, a law from the list."""
    law_names = [re.compile(re.escape(law) + r"(?![\w-])") for law in laws]
    findings = []
    end_of_chain = 0
    for sign in re.finditer(r"§§?", text):
        if sign.start() < end_of_chain:
            continue  # a later „§“ of a chain already read
        position, numbered, shown_end = sign.end(), False, sign.end()
        while True:
            position = _after_space(text, position)
            if token := _NUMBER_TOKEN.match(text, position):
                numbered, shown_end = True, token.end()
            elif token := _PART_TOKEN.match(text, position):
                shown_end = token.end()
            elif not (token := _JOINER_TOKEN.match(text, position)):
                break
            position = token.end()
        end_of_chain = position
        if numbered and any(name.match(text, position) for name in law_names):
            continue
        shown = text[sign.start() : shown_end].rstrip(",")
        findings.append(
            Finding(
                path,
                line_at(text, sign.start()),
                f"„{_one_line(shown)}“ nennt kein Gesetz",
                "schreiben Sie das Gesetz dazu, z. B. „§ 36 SGB VIII“ oder "
                "„§ 8a Abs. 1 S. 2 SGB VIII“; erlaubte Abkürzungen stehen in "
                "scripts/portal/editorial/terms.yml.",
            )
        )
    return findings


def _after_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


# Gender

_ARTICLE = (
    r"(?:(?:der|den|dem|des|die|ein|einen|einem|eines|eine|Ihr|Ihren|Ihrem|Ihres|Ihre|ihr|"
    r"ihren|ihrem|ihres|ihre|sein|seinen|seinem|seines|seine|jeder|jeden|jedem|jedes|jede|"
    r"kein|keinen|keinem|keines|keine|dieser|diesen|diesem|dieses|diese)\s+)?"
)
_JOIN = r"\s+(?:und|oder|bzw\.|sowie)\s+"
_PLURAL_PAIR = re.compile(r"\b(\w+?)innen" + _JOIN + _ARTICLE + r"(\w+)\b")
_PLURAL_PAIR_REVERSED = re.compile(r"\b(\w+)" + _JOIN + _ARTICLE + r"(\w+?)innen\b")
_SINGULAR_PAIR = re.compile(r"\b(\w+?)in" + _JOIN + _ARTICLE + r"(\w+)\b")
_SINGULAR_PAIR_REVERSED = re.compile(r"\b(\w+)" + _JOIN + _ARTICLE + r"(\w+?)in\b")
_BINNEN_I = re.compile(r"\b([A-ZÄÖÜ][a-zäöüß]+)In(nen)?\b")
_SLASH = re.compile(r"\b(\w+)/-?in(nen)?\b")


def gender_forms(path: str, text: str) -> list[Finding]:
    """Pair forms, Binnen-I and slash forms: the portal writes the Gendersternchen."""
    found: dict[int, tuple[int, str, str]] = {}
    for start, shown, star in _gender_matches(text):
        found.setdefault(start, (start, shown, star))
    return [
        Finding(
            path,
            line_at(text, start),
            f"„{_one_line(shown)}“ mischt ein zweites Gender-System ein",
            f"schreiben Sie mit Gendersternchen („{star}“) oder mit einer neutralen Form "
            "(z. B. „Fachkräfte“, „Mitarbeitende“).",
        )
        for start, shown, star in sorted(found.values())
    ]


def _gender_matches(text: str) -> Iterator[tuple[int, str, str]]:
    for match in _PLURAL_PAIR.finditer(text):
        stem, other = match.group(1), match.group(2)
        if _same_word(stem, other, endings=("", "e", "en", "n", "er")):
            yield match.start(), match.group(0), f"{stem}*innen"
    for match in _PLURAL_PAIR_REVERSED.finditer(text):
        other, stem = match.group(1), match.group(2)
        if _same_word(stem, other, endings=("", "e", "en", "n", "er")):
            yield match.start(), match.group(0), f"{stem}*innen"
    for match in _SINGULAR_PAIR.finditer(text):
        stem, other = match.group(1), match.group(2)
        if _same_word(stem, other, endings=("", "e")):
            yield match.start(), match.group(0), f"{stem}*in"
    for match in _SINGULAR_PAIR_REVERSED.finditer(text):
        other, stem = match.group(1), match.group(2)
        if _same_word(stem, other, endings=("", "e")):
            yield match.start(), match.group(0), f"{stem}*in"
    for match in _BINNEN_I.finditer(text):
        yield match.start(), match.group(0), f"{match.group(1)}*in{match.group(2) or ''}"
    for match in _SLASH.finditer(text):
        yield match.start(), match.group(0), f"{match.group(1)}*in{match.group(2) or ''}"


def _same_word(stem: str, other: str, *, endings: tuple[str, ...]) -> bool:
    """True when `other` is the masculine form of the feminine `stem` („Ärzt“ – „Arzt“)."""
    base, word = _plain(stem), _plain(other)
    return len(base) >= 3 and any(word == base + ending for ending in endings)


def _plain(word: str) -> str:
    return word.lower().translate(str.maketrans("äöü", "aou"))


# English


def german_quotes(path: str, text: str) -> list[Finding]:
    """German quotation marks („…“, ‚…‘) on English pages."""
    return [
        Finding(
            path,
            line_at(text, match.start()),
            "deutsches Anführungszeichen „ in englischem Text",
            "schreiben Sie englische Anführungszeichen: “…” (innen ‘…’).",
        )
        for match in re.finditer(r"[„‚]", text)
    ]


def english_terms(path: str, text: str, *, terms: Sequence[Term]) -> list[Finding]:
    """Words the English pages replace by the chosen term (terms.yml)."""
    findings = []
    for term in terms:
        for match in re.finditer(rf"\b(?:{term.avoid})\b", text, re.I):
            findings.append(
                Finding(
                    path,
                    line_at(text, match.start()),
                    f"„{_one_line(match.group(0))}“ ist nicht der gewählte englische Begriff",
                    f"schreiben Sie „{term.use}“ (Liste: scripts/portal/editorial/terms.yml).",
                )
            )
    return findings


def _one_line(text: str) -> str:
    return " ".join(text.split())
