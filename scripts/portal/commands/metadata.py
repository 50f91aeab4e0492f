"""``python -m portal metadata``: the build's front matter check, without a build."""

from __future__ import annotations

import argparse
from typing import Any

from portal.commands.common import add_docs_option, project_of
from portal.findings import print_findings
from portal.metadata.check import check_docs
from portal.site.model import load_site


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "metadata",
        help="Kopfdaten aller Seiten prüfen (wie der Build)",
        description=(
            "Prüft die Kopfdaten aller Markdown-Seiten gegen die Schemas in "
            "scripts/portal/schemas/ und listet jedes Problem mit Datei und Zeile."
        ),
    )
    add_docs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    # The roles come from the checkout's mkdocs.yml, as in the build.
    roles, role_findings = load_site(project).roles
    result = check_docs(
        project.docs_dir, project_root=project.root, languages=project.languages, roles=roles
    )
    return print_findings([*role_findings, *result.findings], checked=f"{len(result.pages)} Seiten")
