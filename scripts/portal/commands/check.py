"""``python -m portal check``: the fast checks of the sources, as a pre-commit hook too.

Exactly what a build does before MkDocs renders: the site model and the
prepare stage (`portal.stages.prepare`), so that ``check``, the preview and
the build report the same findings for the same sources. What only rendered
pages show (emphasis that went wrong, links in templates and navigation, the
security policy of the theme's pages) is the finish stage's, reported by the
build alone.
"""

from __future__ import annotations

import argparse
import datetime
from dataclasses import dataclass
from typing import Any

from portal.clock import fixed_clock
from portal.commands.common import add_docs_option, project_of
from portal.findings import Finding, print_findings
from portal.project import Project
from portal.site.model import load_site
from portal.stages.prepare import prepare


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "check",
        help="Quellen schnell prüfen, ohne Build (Kopfdaten, Links, Anker, Navigation, …)",
        description=(
            "Prüft die Quellen des Portals im aktuellen Ordner wie der Build, aber ohne zu "
            "bauen: Kopfdaten, Links und Anker zwischen Seiten, Glossar, Navigation, "
            "Weiterleitungen, redaktionelle Regeln und Dateinamen. Rückgabewert 1, wenn "
            "etwas zu beheben ist. Hervorhebungen im fertigen Text und Links in Vorlagen "
            "prüft nur der Build."
        ),
    )
    add_docs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    result = check_project(project_of(args))
    return print_findings(result.findings, checked=f"{result.pages} Seiten")


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]
    pages: int


def check_project(project: Project, *, today: datetime.date | None = None) -> CheckReport:
    """All source checks of `project`; a broken mkdocs.yml is a ConfigurationError."""
    site = load_site(project)
    prepared = prepare(site, clock=fixed_clock(today) if today else None)
    return CheckReport(list(prepared.findings), len(site.markdown))
