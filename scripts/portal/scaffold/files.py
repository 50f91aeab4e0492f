"""Writing a new page: front matter with python-frontmatter, checked, never over a file."""

from __future__ import annotations

import argparse
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

import frontmatter

from portal.metadata.check import check_page
from portal.metadata.schemas import common_vocabulary
from portal.project import Project
from portal.roles import roles_from_config
from portal.sources import parse_source


class ScaffoldError(Exception):
    """The page cannot be created as asked: one German sentence with the way out (exit 1)."""


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def slug(text: str) -> str:
    """A file name from a title: ``Phase 6: Nachbereitung`` → ``phase-6-nachbereitung``."""
    ascii_text = (
        unicodedata.normalize("NFKD", text.lower().translate(_UMLAUTS))
        .encode("ascii", "ignore")
        .decode()
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def src_uri_of(project: Project, written: str) -> str:
    """The path below docs/ of a page as an editor names it.

    Accepted: ``einarbeitung/neu.md``, ``einarbeitung/neu``, ``docs/einarbeitung/neu.md``
    (also from inside docs/ or a section folder, relative to the current folder).
    """
    path = Path(written if written.endswith(".md") else f"{written}.md")
    for base in (Path.cwd(), project.root):
        try:
            return (base / path).resolve().relative_to(project.docs_dir).as_posix()
        except ValueError:
            continue
    return PurePosixPath(path.as_posix()).as_posix()


def add_page_arguments(parser: argparse.ArgumentParser, *, path_help: str) -> None:
    """The options every new page shares: path, title, description, audiences, tags, owner."""
    parser.add_argument("pfad", metavar="PFAD", help=path_help)
    parser.add_argument("--titel", required=True, help="Titel der Seite")
    parser.add_argument(
        "--beschreibung",
        required=True,
        help="ein Satz: worum es auf der Seite geht (Suche, Übersichten)",
    )
    parser.add_argument(
        "--zielgruppe",
        action="append",
        required=True,
        choices=common_vocabulary("audienceValue"),
        metavar="ZIELGRUPPE",
        help="für wen die Seite ist (mehrfach möglich): "
        + ", ".join(common_vocabulary("audienceValue")),
    )
    parser.add_argument(
        "--schlagwort",
        action="append",
        default=[],
        choices=common_vocabulary("tag"),
        metavar="SCHLAGWORT",
        help="Schlagwort aus der Liste der Schemas (mehrfach möglich)",
    )
    parser.add_argument(
        "--verantwortlich",
        default=None,
        metavar="ROLLE",
        help="Rolle aus extra.roles in mkdocs.yml (Standard: die erste, meist Redaktion)",
    )


def common_metadata(
    project: Project, args: argparse.Namespace, *, page_type: str
) -> dict[str, Any]:
    """The front matter fields every page has, from the shared options, in the usual order."""
    # mkdocs.yml as read when the checkout was found (the site model sits above
    # the scaffolds, which the features use).
    extra = project.read_config().data.get("extra")
    roles, _ = roles_from_config(extra.get("roles") if isinstance(extra, dict) else None)
    owner = args.verantwortlich or roles[0].de
    return {
        "title": args.titel,
        "description": args.beschreibung,
        "type": page_type,
        "audience": list(dict.fromkeys(args.zielgruppe)),
        "tags": list(dict.fromkeys(args.schlagwort)),
        "owner": owner,
    }


def render_page(metadata: Mapping[str, Any], body: str) -> str:
    """The text of a page: front matter as python-frontmatter writes it, then the body."""
    post = frontmatter.Post(body, **dict(metadata))
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=1000) + "\n"


def write_page(project: Project, src_uri: str, metadata: Mapping[str, Any], body: str) -> Path:
    """Write a new page below docs/ after checking its front matter like the build does.

    Never overwrites: an existing file is a `ScaffoldError`, and so is front
    matter the build would reject (a wrong folder for the type, a bad value).
    """
    target = project.docs_dir / src_uri
    shown = project.shown(target)
    if target.exists():
        raise ScaffoldError(
            f"{shown} gibt es schon — nichts überschrieben. Wählen Sie einen anderen "
            "Dateinamen oder ändern Sie die vorhandene Seite."
        )
    text = render_page(metadata, body)
    _, findings = check_page(
        parse_source(text, path=shown), src_uri=src_uri, languages=project.languages
    )
    if findings:
        details = "; ".join(f"{finding.problem} — {finding.fix}" for finding in sorted(findings))
        raise ScaffoldError(f"{shown} nicht angelegt: {details}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as file:
        file.write(text)
    print(f"Angelegt: {shown}")
    return target
