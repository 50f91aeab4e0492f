"""``python -m portal newsletter export NUMMER``: one issue as an e-mail (HTML and text).

Writes ``ausgabe-NNN.SPRACHE.html`` and ``ausgabe-NNN.SPRACHE.txt`` into a
folder (default ``newsletter-export/`` in the checkout), for the mailing
list's form "send HTML with a text part". Links point to ``site_url``: set
``PORTAL_SITE_URL`` to the public address before exporting an issue to send.
The files are checked like an e-mail must be (`check_email`); without a way
to unsubscribe (``extra.newsletter``) nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from portal.commands.common import add_docs_option, project_of
from portal.findings import Finding, print_findings
from portal.newsletter.email import check_email, render_email
from portal.newsletter.subscription import read_subscription, unset_finding
from portal.site.model import load_site

EXPORT_FOLDER = "newsletter-export"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "newsletter",
        help="Newsletter: eine Ausgabe als E-Mail ausgeben",
        description="Werkzeuge für den Newsletter.",
    )
    actions = parser.add_subparsers(dest="aktion", required=True, metavar="AKTION")
    export = actions.add_parser(
        "export",
        help="eine Ausgabe als E-Mail (HTML mit Textteil) schreiben",
        description=(
            "Schreibt eine Ausgabe als eigenständige HTML-E-Mail (CSS in den Elementen, "
            "absolute Links, Link zum Abbestellen) und als reinen Text. Die Links zeigen "
            "auf site_url: vor dem Versand PORTAL_SITE_URL auf die öffentliche Adresse setzen."
        ),
    )
    export.add_argument("nummer", type=int, metavar="NUMMER", help="Nummer der Ausgabe")
    export.add_argument(
        "--sprache",
        default=None,
        metavar="SPRACHE",
        help="Sprache der E-Mail, z. B. de oder en (Standard: die Hauptsprache)",
    )
    export.add_argument(
        "--ziel",
        type=Path,
        default=None,
        metavar="ORDNER",
        help=f"Ordner für die Dateien (Standard: {EXPORT_FOLDER}/ im Portal-Ordner)",
    )
    add_docs_option(export)
    export.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    project = project_of(args)
    languages = project.languages
    language = args.sprache or languages.default.code
    if language not in languages.codes:
        print(
            f"Die Sprache „{language}“ baut das Portal nicht — wählen Sie eine aus: "
            + ", ".join(languages.codes)
            + ".",
            file=sys.stderr,
        )
        return 1
    site = load_site(project)
    site_config = site.config
    shown, line = site.setting_place("newsletter")
    subscription, problems = read_subscription(
        site.settings.extra.get("newsletter"), path=shown, line=line
    )
    if subscription.kind == "unset":
        # An e-mail to a list without a way to leave it is not sent.
        return print_findings(problems or [unset_finding(path=shown, line=line)])
    issues = site.issues
    issue = next((issue for issue in issues if issue.number == args.nummer), None)
    if issue is None:
        known = ", ".join(str(issue.number) for issue in issues) or "keine"
        print(
            f"Eine Ausgabe Nr. {args.nummer} gibt es nicht (vorhanden: {known}) — "
            "nennen Sie die Nummer aus den Kopfdaten (number).",
            file=sys.stderr,
        )
        return 1
    site_name = _site_name(site_config.data, language=language, default=languages.default.code)
    email = render_email(
        issue,
        language=language,
        languages=languages,
        docs_dir=project.docs_dir,
        site_url=site.settings.site_url,
        site_name=site_name,
        subscription=subscription,
    )
    folder = args.ziel or project.root / EXPORT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"ausgabe-{issue.number:03d}.{language}"
    html_file, text_file = folder / f"{stem}.html", folder / f"{stem}.txt"
    findings: list[Finding] = check_email(email.html, path=project.shown(html_file))
    if findings:
        return print_findings(findings)
    html_file.write_text(email.html, encoding="utf-8")
    text_file.write_text(email.text, encoding="utf-8")
    print(f"Betreff: {email.subject}")
    print(f"Geschrieben: {project.shown(html_file)}, {project.shown(text_file)}")
    return 0


# Helper functions


def _site_name(data: dict[str, Any], *, language: str, default: str) -> str:
    """The site's name in `language` (i18n's per-language ``site_name``, else the main one)."""
    name = str(data.get("site_name") or "")
    if language == default:
        return name
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            for item in plugin["i18n"].get("languages") or []:
                if isinstance(item, dict) and item.get("locale") == language:
                    return str(item.get("site_name") or name)
    return name
