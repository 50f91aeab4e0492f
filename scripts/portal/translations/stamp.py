"""Record in a translation which version of its source it now matches.

Only the one line ``translated_from: …`` of the front matter is written (or
added before the closing ``---``): the rest of the file stays byte for byte
as the editor left it.
"""

from __future__ import annotations

import re
from pathlib import Path

from portal.project import Project
from portal.scaffold.files import ScaffoldError, src_uri_of
from portal.sources import parse_source
from portal.translations import FIELD, source_digest

_LINE = re.compile(rf"^{FIELD}[ \t]*:.*$", re.M)


def stamp(project: Project, written: str) -> list[Path]:
    """Stamp the translation `written` (or every translation of a default-language page)."""
    languages = project.languages
    src_uri = src_uri_of(project, written)
    source_uri = languages.default_source(src_uri)
    source = project.docs_dir / source_uri
    if not source.is_file():
        raise ScaffoldError(
            f"{project.shown(source)} gibt es nicht — nennen Sie eine Übersetzung "
            "(z. B. einarbeitung/abschluss.en.md) oder ihre Quellseite."
        )
    if languages.of_source(src_uri).default:
        targets = [
            project.docs_dir / languages.translation(source_uri, language.code)
            for language in languages.others
        ]
        targets = [target for target in targets if target.is_file()]
    else:
        targets = [project.docs_dir / src_uri]
    if not targets or not all(target.is_file() for target in targets):
        raise ScaffoldError(
            f"Zu {project.shown(source)} gibt es keine Übersetzung „{written}“ — legen Sie sie mit "
            "„python -m portal new translation“ an."
        )
    digest = source_digest(source)
    for target in targets:
        _write_field(target, digest, shown=project.shown(target))
    return targets


def _write_field(target: Path, digest: str, *, shown: str) -> None:
    raw = target.read_bytes()
    text = raw.decode("utf-8")
    newline = "\r\n" if "\r\n" in text else "\n"
    source = parse_source(text, path=shown)
    if source.front_matter is None:
        raise ScaffoldError(
            f"{shown} hat keine Kopfdaten zwischen „---“-Zeilen — ergänzen Sie sie wie in der "
            "Quellseite."
        )
    lines = text.splitlines(keepends=True)
    closing = next(
        index for index in range(1, len(lines)) if lines[index].rstrip() in {"---", "..."}
    )
    head = "".join(lines[1:closing])
    line = f"{FIELD}: {digest}"
    if _LINE.search(head):
        head = _LINE.sub(line, head, count=1)
    else:
        head += line + newline
    target.write_text(lines[0] + head + "".join(lines[closing:]), encoding="utf-8", newline="")
