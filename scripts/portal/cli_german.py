"""argparse in German: usage line, section titles, help option and error messages.

argparse takes its texts from ``gettext`` through the module-level names
``argparse._`` and ``argparse.ngettext``. The portal ships no compiled
catalogue (a ``.mo`` file would need a build step): `install` points those
two names at the small catalogue below. Texts not listed stay as argparse
has them; they concern programming mistakes, not editors' input.
"""

from __future__ import annotations

import argparse

MESSAGES: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "%(prog)s: error: %(message)s\n": ("%(prog)s: Fehler: %(message)s\nHilfe: %(prog)s --help\n"),
    "the following arguments are required: %s": "es fehlt: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r gibt es nicht, möglich sind: %(choices)s"
    ),
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert %(value)r",
    "expected one argument": "braucht einen Wert",
    "expected at most one argument": "braucht höchstens einen Wert",
    "expected at least one argument": "braucht mindestens einen Wert",
    "ambiguous option: %(option)s could match %(matches)s": (
        "die Option %(option)s ist nicht eindeutig, gemeint sein könnte: %(matches)s"
    ),
    "unexpected option string: %s": "unerwartete Option: %s",
    "ignored explicit argument %r": "überflüssiger Wert %r",
    "not allowed with argument %s": "nicht zusammen mit %s",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "%(parser_name)r gibt es nicht, möglich sind: %(choices)s"
    ),
    "can't open '%(filename)s': %(error)s": "„%(filename)s“ lässt sich nicht öffnen: %(error)s",
}

PLURALS: dict[str, tuple[str, str]] = {
    "expected %s argument": ("braucht %s Wert", "braucht %s Werte"),
}


def german(message: str) -> str:
    return MESSAGES.get(message, message)


def german_plural(singular: str, plural: str, count: int) -> str:
    forms = PLURALS.get(singular)
    if forms is None:
        return singular if count == 1 else plural
    return forms[0] if count == 1 else forms[1]


def install() -> None:
    """Let argparse speak German in this process (only the portal's command line calls it)."""
    argparse._ = german  # type: ignore[attr-defined]
    argparse.ngettext = german_plural  # type: ignore[attr-defined]
