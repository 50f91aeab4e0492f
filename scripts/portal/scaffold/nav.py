"""A new page in the navigation: added to mkdocs.yml beside its section's pages, or explained.

The entry is inserted as one line after the last nav entry of the same folder,
with that entry's indentation, so the rest of mkdocs.yml (comments, order)
stays exactly as the editor left it. Where that is not possible (no page of
the folder in the nav yet, a nav written in another style) the command says
which line to add instead of guessing.
"""

from __future__ import annotations

import re
from posixpath import dirname

import pathspec

from portal.project import Project
from portal.site.config import load_site_config

_LIST_ITEM = re.compile(r"^(\s*)- ")


def add_to_nav(project: Project, src_uri: str) -> str:
    """Put `src_uri` (a page in the default language) into the nav; say what happened."""
    if not project.languages.of_source(src_uri).default:
        return "Die Übersetzung erscheint in der Navigation an der Stelle ihrer deutschen Seite."
    config = load_site_config(project.config_file)
    left_out = pathspec.GitIgnoreSpec.from_lines(config.patterns("not_in_nav"))
    if left_out.match_file(src_uri):
        overview = f"{src_uri.split('/')[0]}/index.md" if "/" in src_uri else "index.md"
        return (
            "Die Seite gehört bewusst nicht in die Navigation (not_in_nav in mkdocs.yml): "
            f"verlinken Sie sie auf der Übersichtsseite docs/{overview}."
        )
    entries = config.nav_entries()
    if any(entry.target.lstrip("./") == src_uri for entry in entries):
        return "Die Seite steht schon in der Navigation."
    folder = dirname(src_uri)
    siblings = [entry for entry in entries if dirname(entry.target.lstrip("./")) == folder]
    nav_file = config.sources.get("nav", config.path)
    shown = project.shown(nav_file)
    if siblings:
        lines = nav_file.read_text(encoding="utf-8").splitlines(keepends=True)
        after = siblings[-1].line
        match = _LIST_ITEM.match(lines[after - 1]) if 0 < after <= len(lines) else None
        if match is not None:
            lines.insert(after, f"{match.group(1)}- {src_uri}\n")
            nav_file.write_text("".join(lines), encoding="utf-8")
            return (
                f"In die Navigation eingetragen: {shown}, Zeile {after + 1} "
                "(verschieben Sie die Zeile, wenn die Seite weiter oben stehen soll)."
            )
    return f"Tragen Sie die Seite in {shown} unter „nav:“ ein, z. B. als Zeile „- {src_uri}“."
