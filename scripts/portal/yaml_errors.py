"""Where a YAML error starts, and what it means in German.

PyYAML reports where it gave up (`problem_mark`); editors need the line
where the mistake starts. For an unclosed quote or bracket that is where it
opened (`context_mark`): PyYAML only notices at the end of the file. Front
matter and the glossary file both use this, so their messages agree.
"""

from __future__ import annotations

import yaml

# Contexts whose mark is the opening of something never closed.
_OPENED_AT = (
    "while scanning a quoted scalar",
    "while parsing a flow sequence",
    "while parsing a flow mapping",
    "while scanning a simple key",
)

_GERMAN = {
    "mapping values are not allowed in this context": (
        "ein Doppelpunkt an dieser Stelle ist nicht erlaubt"
    ),
    "mapping values are not allowed here": "ein Doppelpunkt an dieser Stelle ist nicht erlaubt",
    "did not find expected key": "die Einrückung passt nicht zu den Zeilen davor",
    "could not find expected ':'": "hier fehlt ein Doppelpunkt",
    "found character that cannot start any token": (
        "dieses Zeichen kann keinen Wert beginnen (Tabulator oder @, `)"
    ),
    "found character '\\t' that cannot start any token": "Tabulator statt Leerzeichen",
    "did not find expected ',' or ']'": "eine eckige Klammer wird nicht geschlossen",
    "did not find expected ',' or '}'": "eine geschweifte Klammer wird nicht geschlossen",
    "expected ',' or ']', but got '<stream end>'": "eine eckige Klammer wird nicht geschlossen",
    "expected ',' or '}', but got '<stream end>'": (
        "eine geschweifte Klammer wird nicht geschlossen"
    ),
    "found unexpected end of stream": "ein Anführungszeichen wird nicht geschlossen",
    "found undefined alias": "unbekannter Verweis mit „*“",
    "did not find expected '-' indicator": (
        "ein Listeneintrag ist anders eingerückt als die anderen"
    ),
    "did not find expected node content": "hier fehlt ein Wert",
}


def error_mark(error: yaml.MarkedYAMLError) -> yaml.Mark | None:
    """The position where the mistake starts, as the editor would look for it."""
    if error.context_mark is not None and str(error.context or "").startswith(_OPENED_AT):
        return error.context_mark
    return error.problem_mark or error.context_mark


def line_of(mark: yaml.Mark, text: str, *, offset: int = 0) -> int:
    """The 1-based line of `mark` in `text`, counted as editors count lines.

    YAML also breaks lines at NEL and the Unicode line separators, which
    editors show inside a line: only \\n, \\r\\n and a lone \\r count here.
    `offset` is the number of lines before `text` in its file.
    """
    before = text[: mark.index]
    return offset + before.count("\n") + before.count("\r") - before.count("\r\n") + 1


def describe(error: yaml.YAMLError) -> str:
    """The problem in German, or PyYAML's words where no translation exists."""
    if isinstance(error, yaml.MarkedYAMLError):
        problem = str(error.problem or error.context or "")
        return _GERMAN.get(problem, problem or "unlesbar")
    return "unlesbar"
