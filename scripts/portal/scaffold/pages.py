"""New pages in the default language: a plain page, a guide chapter, a publication."""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import Any

from portal.metadata.schemas import raw_schemas
from portal.project import Project
from portal.scaffold.files import (
    ScaffoldError,
    add_page_arguments,
    common_metadata,
    src_uri_of,
    write_page,
)
from portal.scaffold.nav import add_to_nav

_BODY_HINT = (
    "<!-- Schreiben Sie hier den Text der Seite. Zwischenüberschriften mit „## “; "
    "Anleitung: Redaktionshandbuch, „Seiten anlegen und ändern“. -->"
)


def page_arguments(parser: argparse.ArgumentParser) -> None:
    add_page_arguments(
        parser, path_help="Datei unter docs/, z. B. praxisbeispiele/neues-beispiel.md"
    )


def guide_arguments(parser: argparse.ArgumentParser) -> None:
    add_page_arguments(parser, path_help="Datei unter docs/, z. B. einarbeitung/nachbereitung.md")
    parser.add_argument(
        "--stand",
        type=datetime.date.fromisoformat,
        default=None,
        metavar="JJJJ-MM-TT",
        help="Datum der letzten inhaltlichen Änderung (Standard: heute)",
    )


def publication_arguments(parser: argparse.ArgumentParser) -> None:
    add_page_arguments(parser, path_help="Datei unter docs/, z. B. publikationen/neuer-bericht.md")
    schema = raw_schemas()["publication.schema.json"]["properties"]
    parser.add_argument(
        "--art",
        required=True,
        choices=schema["kind"]["enum"],
        metavar="ART",
        help="Art der Publikation: " + ", ".join(schema["kind"]["enum"]),
    )
    parser.add_argument(
        "--status",
        required=True,
        choices=schema["status"]["enum"],
        metavar="STATUS",
        help="Stand der Publikation: " + ", ".join(schema["status"]["enum"]),
    )
    parser.add_argument(
        "--jahr",
        type=int,
        default=None,
        metavar="JJJJ",
        help="Erscheinungsjahr (weglassen, wenn es nicht bekannt ist)",
    )
    parser.add_argument(
        "--verwandt",
        action="append",
        default=[],
        metavar="PFAD",
        help="verwandte Seite, Pfad unter docs/ (mehrfach möglich)",
    )


def create_page(project: Project, args: argparse.Namespace) -> Path:
    return _create(project, args, common_metadata(project, args, page_type="page"))


def create_guide(project: Project, args: argparse.Namespace) -> Path:
    metadata = common_metadata(project, args, page_type="guide")
    metadata["updated"] = args.stand or datetime.date.today()
    return _create(project, args, metadata)


def create_publication(project: Project, args: argparse.Namespace) -> Path:
    metadata = common_metadata(project, args, page_type="publication")
    metadata.update(kind=args.art, year=args.jahr, status=args.status, related=args.verwandt)
    missing = [path for path in args.verwandt if not (project.docs_dir / path).is_file()]
    if missing:
        raise ScaffoldError(
            f"Verwandte Seite „{missing[0]}“ gibt es nicht — nennen Sie Pfade unter docs/, "
            "z. B. einarbeitung/index.md."
        )
    return _create(project, args, metadata)


def _create(project: Project, args: argparse.Namespace, metadata: dict[str, Any]) -> Path:
    src_uri = src_uri_of(project, args.pfad)
    if not project.languages.of_source(src_uri).default:
        raise ScaffoldError(
            f"{src_uri} ist eine Übersetzung — legen Sie zuerst die Seite in der "
            f"Hauptsprache an, dann die Übersetzung mit „new translation“."
        )
    body = f"# {metadata['title']}\n\n{_BODY_HINT}\n"
    path = write_page(project, src_uri, metadata, body)
    print(add_to_nav(project, src_uri))
    return path
