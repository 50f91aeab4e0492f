"""One format for every problem a check finds, and one reporter that prints it.

Every check of the portal (metadata, links, glossary, navigation, operator
data, …) returns `Finding`s, and every finding is printed here, so editors
read the same shape of message in the build, in ``python -m portal`` and in
the tests::

    docs/pfad/seite.md:12: was falsch ist — wie es sich beheben lässt
    docs/pfad/seite.md:12:8: … (with the column, where it is known)

Editors' tools (VS Code, GitLab's CI log) jump to ``datei:zeile:spalte``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO


@dataclass(frozen=True, order=True)
class Finding:
    """A problem in one source file, at one line, with the fix for it."""

    path: str
    """Path of the source file as the editor sees it, e.g. ``docs/index.md``."""
    line: int
    """1-based line in the source file, front matter included; 0 if unknown."""
    problem: str
    """What is wrong, in one German sentence without a final full stop."""
    fix: str
    """What the editor does next, in one German sentence."""
    column: int = 0
    """1-based column of the problem in its line; 0 if unknown."""

    def __str__(self) -> str:
        where = self.path
        if self.line > 0:
            where += f":{self.line}"
            if self.column > 0:
                where += f":{self.column}"
        return f"{where}: {self.problem} — {self.fix}"


class ConfigurationError(Exception):
    """The portal's own setup is broken (a schema, a template): not an editor's mistake.

    The build adapter turns it into MkDocs' PluginError, commands into exit code 2;
    the message is one German sentence naming the file.
    """


def format_findings(findings: Iterable[Finding]) -> list[str]:
    """Sorted, de-duplicated messages, so that every problem is listed once."""
    return [str(finding) for finding in sorted(set(findings))]


def print_findings(
    findings: Iterable[Finding], *, checked: str = "", stream: TextIO | None = None
) -> int:
    """Print every finding and a summary line; the exit code of a check command.

    `checked` says what was looked at (e.g. ``"57 Seiten"``) for the summary.
    """
    out = stream or sys.stdout
    lines = format_findings(findings)
    for line in lines:
        print(line, file=out)
    subject = f"{checked} geprüft: " if checked else ""
    if not lines:
        print(f"{subject}keine Probleme.", file=out)
        return 0
    count = "1 Problem" if len(lines) == 1 else f"{len(lines)} Probleme"
    print(f"{subject}{count}.", file=out)
    return 1
