"""One format for every problem a check finds in the sources.

Every check of the portal (metadata, links, operator data, …) reports
`Finding`s; editors then read the same shape of message everywhere:
``docs/pfad/seite.md:12: was falsch ist — wie es sich beheben lässt``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


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

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else self.path
        return f"{where}: {self.problem} — {self.fix}"


def format_findings(findings: Iterable[Finding]) -> list[str]:
    """Sorted, de-duplicated messages, so that a build lists each problem once."""
    return [str(finding) for finding in sorted(set(findings))]
