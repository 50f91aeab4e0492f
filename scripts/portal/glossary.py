"""The glossary: one YAML file of abbreviations and terms, read with line numbers.

``docs/glossar/abkuerzungen.yml`` is the single source of every abbreviation
and term the portal explains. From it come the glossary page (DE and EN) and,
on every page, the ``*[ASD]: …`` definitions that Python-Markdown's ``abbr``
extension turns into ``<abbr title="…">``. A term without an abbreviation
(„Fachteam“) carries a definition instead and appears on the glossary page
only: an ``<abbr>`` around an ordinary word would tell screen readers it is an
abbreviation. This module knows nothing about MkDocs; the stages
(``portal.stages.prepare``, ``portal.stages.pages``) adapt it to the build.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

# Python-Markdown ships without type information (and the project pins no
# stubs for it); the two base classes below are used exactly as documented.
from markdown import Markdown  # type: ignore[import-untyped]
from markdown.extensions import Extension  # type: ignore[import-untyped]
from markdown.treeprocessors import Treeprocessor  # type: ignore[import-untyped]
from yaml.constructor import SafeConstructor

from portal import yaml_errors
from portal.findings import Finding
from portal.sources import read_text

GLOSSARY_FILE = "glossar/abkuerzungen.yml"
"""Where the glossary lives, relative to ``docs_dir``."""

FIELDS: dict[str, str] = {
    "abbr": "die Abkürzung, z. B. „ASD“ (fehlt bei Begriffen ohne Abkürzung)",
    "term": "der deutsche Begriff, z. B. „Allgemeiner Sozialer Dienst“",
    "definition": "eine kurze deutsche Erklärung, Pflicht bei Begriffen ohne Abkürzung",
    "en": "eine kurze englische Erklärung (optional)",
    "law": "die Rechtsgrundlage, z. B. „§ 36 SGB VIII“ (optional)",
    "unverified": "true, wenn die Auflösung nicht gesichert ist (optional)",
}
REQUIRED = ("term",)
TEXT_FIELDS = ("abbr", "term", "definition", "en", "law")

# Characters that would break the ``*[ABBR]: title`` definition syntax.
_FORBIDDEN_IN_ABBR = re.compile(r"[\[\]\\\n]")


# Umlauts spelt out in anchors, as German URLs write them (#gefaehrdungseinschaetzung).
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


@dataclass(frozen=True)
class GlossaryEntry:
    """One abbreviation or term with its German term and optional details."""

    abbr: str | None
    """None for a term without an abbreviation (it has a definition instead)."""
    term: str
    en: str | None = None
    law: str | None = None
    unverified: bool = False
    line: int = 0
    """1-based line of the entry in the glossary file."""
    definition: str | None = None
    """A short German explanation: required for terms, optional for abbreviations."""

    @property
    def label(self) -> str:
        """What the entry is listed under: the abbreviation, else the term."""
        return self.abbr or self.term

    @property
    def anchor(self) -> str:
        """A stable HTML id for links like ``glossar/index.md#sgb-viii``."""
        slug = self.label.lower().translate(_TRANSLITERATION)
        return re.sub(r"[^a-z0-9]+", "-", slug).strip("-")

    def title(self, *, language: str) -> str:
        """The expansion shown on hover and focus, in the reader's language."""
        english = language == "en"
        text = self.term
        if english and self.en:
            text = f"{text}: {self.en}"
        if self.law:
            text = f"{text} ({self.law})"
        if self.unverified:
            text += " (expansion not confirmed)" if english else " (Auflösung nicht gesichert)"
        return text


# Reading the file


def parse_glossary(text: str, *, path: str) -> tuple[list[GlossaryEntry], list[Finding]]:
    """The valid entries of a glossary file and one finding per problem.

    A broken entry is skipped and reported; the others still work, so one
    typo does not take every tooltip of the portal down with it.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = yaml_errors.error_mark(error)
        line = yaml_errors.line_of(mark, text) if mark is not None else 0
        column = mark.column + 1 if mark is not None else 0
        problem = f"Die Datei ist kein gültiges YAML ({yaml_errors.describe(error)})"
        fix = "prüfen Sie Einrückung, Bindestriche und Doppelpunkte in dieser Zeile."
        return [], [Finding(path, line, problem, fix, column)]
    except yaml.YAMLError as error:
        problem = f"Die Datei ist kein gültiges YAML ({yaml_errors.describe(error)})"
        fix = "speichern Sie die Datei als UTF-8 ohne Steuerzeichen."
        return [], [Finding(path, 1, problem, fix)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [
            Finding(
                path,
                _line(root),
                "Die Datei muss eine Liste von Einträgen sein",
                "beginnen Sie jeden Eintrag mit „- abbr: …“ in einer neuen Zeile.",
            )
        ]
    entries: list[GlossaryEntry] = []
    findings: list[Finding] = []
    seen: dict[str, int] = {}
    for node in root.value:
        entry, problems = _parse_entry(node, path=path)
        findings += problems
        if entry is None:
            continue
        if entry.label in seen:
            kind = "Die Abkürzung" if entry.abbr else "Der Begriff"
            findings.append(
                Finding(
                    path,
                    entry.line,
                    f"{kind} „{entry.label}“ steht schon in Zeile {seen[entry.label]}",
                    "führen Sie beide Einträge zu einem zusammen.",
                )
            )
            continue
        seen[entry.label] = entry.line
        entries.append(entry)
    return entries, findings


def load_glossary(file: Path, *, shown: str) -> tuple[list[GlossaryEntry], list[Finding]]:
    """Read and parse the glossary file; `shown` is its path in messages."""
    text, findings = read_text(file, shown=shown)
    if text is None:
        return [], findings
    entries, problems = parse_glossary(text, path=shown)
    return entries, findings + problems


def _parse_entry(node: yaml.Node, *, path: str) -> tuple[GlossaryEntry | None, list[Finding]]:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        return None, [
            Finding(
                path,
                line,
                "Der Eintrag besteht nicht aus Feldern",
                "schreiben Sie ihn als „- abbr: ASD“ mit darunter eingerückten Feldern "
                "„term:“, „en:“ und „law:“.",
            )
        ]
    values: dict[str, object] = {}
    invalid: set[str] = set()
    findings: list[Finding] = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        if key not in FIELDS:
            findings.append(
                Finding(
                    path,
                    _line(key_node),
                    f"Unbekanntes Feld „{key}“",
                    "erlaubt sind " + ", ".join(f"„{name}“" for name in FIELDS) + ".",
                )
            )
            continue
        value = _scalar(value_node)
        problem = _check_field(key, value)
        if problem:
            findings.append(Finding(path, _line(value_node), *problem))
            invalid.add(key)
        else:
            values[key] = value
    for key in REQUIRED:
        if key not in values and key not in invalid:
            findings.append(
                Finding(
                    path,
                    line,
                    f"Im Eintrag fehlt das Feld „{key}“",
                    f"ergänzen Sie „{key}:“ – {FIELDS[key]}.",
                )
            )
    if not ({"abbr", "definition"} & (values.keys() | invalid)):
        # A term without an abbreviation explains nothing on its own.
        findings.append(
            Finding(
                path,
                line,
                "Der Eintrag hat weder eine Abkürzung („abbr“) noch eine Erklärung („definition“)",
                "ergänzen Sie „abbr:“ für eine Abkürzung oder „definition:“ – eine kurze "
                "deutsche Erklärung des Begriffs.",
            )
        )
    if findings:
        return None, findings
    return (
        GlossaryEntry(
            abbr=_optional_text(values.get("abbr")),
            term=str(values["term"]),
            en=_optional_text(values.get("en")),
            law=_optional_text(values.get("law")),
            unverified=values.get("unverified") is True,
            line=line,
            definition=_optional_text(values.get("definition")),
        ),
        [],
    )


def _check_field(key: str, value: object) -> tuple[str, str] | None:
    if key == "unverified":
        if not isinstance(value, bool):
            return (
                f"Das Feld „{key}“ muss true oder false sein",
                "schreiben Sie „unverified: true“.",
            )
        return None
    if not isinstance(value, str) or not value.strip():
        return f"Das Feld „{key}“ muss ein nicht leerer Text sein", f"tragen Sie {FIELDS[key]} ein."
    if key == "abbr" and (_FORBIDDEN_IN_ABBR.search(value) or value != value.strip()):
        return (
            f"Die Abkürzung {value!r} enthält Leerzeichen am Rand oder eines der Zeichen [ ] \\",
            "schreiben Sie sie ohne diese Zeichen.",
        )
    return None


def _scalar(node: yaml.Node) -> object:
    # Only scalars are valid field values; anything else is kept as the node
    # so that the field check reports it as "not a text".
    if isinstance(node, yaml.ScalarNode):
        return SafeConstructor().construct_object(node)
    return node


def _optional_text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def alphabetical(entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The entries in the order of a German dictionary: case and umlauts aside (Ä as A)."""
    return sorted(entries, key=lambda entry: (_collation_key(entry.label), entry.label))


def _collation_key(text: str) -> str:
    # DIN 5007-1, as dictionaries sort: letters with diacritics count as the
    # plain letter, ß as ss; upper and lower case alike.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Using the entries on a page


def used_entries(markdown: str, entries: Iterable[GlossaryEntry]) -> list[GlossaryEntry]:
    """The entries whose abbreviation occurs in `markdown` and that it does not define itself.

    Same word boundaries as the ``abbr`` extension, so a definition is only
    added where it can take effect; a page's own ``*[X]: …`` line wins.
    """
    # Only abbreviations become <abbr>; terms are explained on the glossary page.
    entries = tuple(entry for entry in entries if entry.abbr)
    if not entries:
        return []
    used_pattern, defined_pattern = _patterns(tuple(entry.abbr or "" for entry in entries))
    defined = set(defined_pattern.findall(markdown))
    used = set(used_pattern.findall(markdown)) - defined
    return [entry for entry in entries if entry.abbr in used]


@functools.lru_cache(maxsize=8)
def _patterns(abbreviations: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # One scan per page for all abbreviations, compiled once per glossary:
    # a pattern per entry would scan every page once per entry. Longest
    # first, so "SGB VIII" wins over a shorter entry that starts the same.
    alternatives = "|".join(
        re.escape(abbr) for abbr in sorted(abbreviations, key=len, reverse=True)
    )
    return (
        re.compile(rf"\b({alternatives})\b"),
        re.compile(rf"^\*\[({alternatives})\]", re.M),
    )


def append_definitions(markdown: str, entries: Sequence[GlossaryEntry], *, language: str) -> str:
    """`markdown` with one ``*[ABBR]: title`` line per used entry appended at the end.

    The block goes after a blank line at the very end: never inside a code
    block, a list or a paragraph of the page, and the ``abbr`` extension skips
    code when it wraps the words.
    """
    used = used_entries(markdown, entries)
    if not used:
        return markdown
    lines = [f"*[{entry.abbr}]: {entry.title(language=language)}" for entry in used]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


# Making the expansions reachable by keyboard


class FocusableAbbrTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Give every ``<abbr>`` a tab stop, so its tooltip opens on keyboard focus.

    Inside a link the link already takes the focus, and a second tab stop in
    the same place would only slow keyboard users down.
    """

    def run(self, root: etree.Element) -> None:
        self._walk(root, inside_link=False)

    def _walk(self, element: etree.Element, *, inside_link: bool) -> None:
        for child in element:
            if child.tag == "abbr" and child.get("title") and not inside_link:
                child.set("tabindex", "0")
            self._walk(child, inside_link=inside_link or child.tag == "a")


class FocusableAbbrExtension(Extension):  # type: ignore[misc]
    """Registers `FocusableAbbrTreeprocessor` right after the ``abbr`` extension."""

    def extendMarkdown(self, md: Markdown) -> None:
        # `abbr` wraps the words at priority 7; 6 runs just after it.
        md.treeprocessors.register(FocusableAbbrTreeprocessor(md), "portal_focusable_abbr", 6)
