"""``new translation``: a translation beside an existing page, made from its current text.

The new file starts as a copy of the source (front matter and body) for the
translator to translate in place; it records the source's version
(`portal.translations.FIELD`), so the translation report can tell when the
source changes later. A recorded subject review is not copied: a review
belongs to the text someone read. The kind is registered in
`portal.commands.new.KINDS`; the page is written by `portal.scaffold.files.write_page`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import frontmatter

from portal.project import Project
from portal.scaffold.files import ScaffoldError, src_uri_of, write_page
from portal.translations import FIELD, source_digest

_NOT_COPIED = ("review", FIELD)

_BODY_HINT = (
    "<!-- Übersetzen Sie title, description und den Text unten; alle anderen Kopfdaten "
    "bleiben wie in der Quelle. Danach: python -m portal translation stamp {path} -->"
)


def translation_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "pfad",
        metavar="PFAD",
        help="die vorhandene Seite unter docs/, z. B. einarbeitung/abschluss.md",
    )
    parser.add_argument(
        "--sprache",
        default=None,
        metavar="SPRACHE",
        help="Sprache der Übersetzung, z. B. en (Standard: die zweite Sprache in mkdocs.yml)",
    )


def create_translation(project: Project, args: argparse.Namespace) -> Path:
    languages = project.languages
    if not languages.others:
        raise ScaffoldError(
            "mkdocs.yml nennt keine zweite Sprache — tragen Sie sie unter "
            "plugins: i18n: languages ein."
        )
    code = args.sprache or languages.others[0].code
    if code not in {language.code for language in languages.others}:
        known = ", ".join(language.code for language in languages.others)
        raise ScaffoldError(
            f"Die Sprache „{code}“ wird nicht gebaut — wählen Sie eine aus: {known}."
        )
    src_uri = languages.default_source(src_uri_of(project, args.pfad))
    source = project.docs_dir / src_uri
    if not source.is_file():
        raise ScaffoldError(
            f"{project.shown(source)} gibt es nicht — nennen Sie die vorhandene Seite, "
            "die übersetzt werden soll (Pfad unter docs/)."
        )
    post = frontmatter.load(str(source))
    metadata = {key: value for key, value in post.metadata.items() if key not in _NOT_COPIED}
    metadata[FIELD] = source_digest(source)
    target_uri = languages.translation(src_uri, code)
    shown = project.shown(project.docs_dir / target_uri)
    body = _BODY_HINT.format(path=shown) + "\n\n" + post.content + "\n"
    path = write_page(project, target_uri, metadata, body)
    print("Die Übersetzung erscheint in der Navigation an der Stelle der Quellseite.")
    return path
