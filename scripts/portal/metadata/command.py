"""``python -m portal metadata``: the build's front matter check, without a build."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from portal.cli import add_docs_option
from portal.metadata.check import check_docs
from portal.roles import roles_from_file


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
    docs_dir: Path = args.docs.resolve()
    # The roles come from the mkdocs.yml next to docs/, as in the build.
    roles, role_findings = roles_from_file(docs_dir.parent / "mkdocs.yml")
    result = check_docs(docs_dir, project_root=docs_dir.parent, roles=roles)
    findings = [*role_findings, *result.findings]
    for finding in findings:
        print(finding)
    print(f"{len(result.pages)} Seiten geprüft, {len(findings)} Probleme.")
    return 1 if findings else 0
