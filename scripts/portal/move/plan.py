"""A move checked in full before anything is written, then written in one go.

`plan_move` refuses (`MoveRefused`, one German sentence with the way out)
when the move cannot be done cleanly, and otherwise returns every new file
text; `apply` writes them. The target is created with ``open(…, "x")``, which
never replaces a file, even one that appeared in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from portal.check.file_names import check_file_names
from portal.move.config_edit import ConfigEdits, edit_config, redirect_entries
from portal.move.front_matter import restamp, rewrite_related
from portal.move.links import rewrite_links
from portal.project import Project
from portal.scaffold.files import slug
from portal.site.model import load_site


class MoveRefused(Exception):
    """The move cannot be done as asked; nothing was changed."""


@dataclass
class MovePlan:
    """Everything a move writes, and what to tell the editor."""

    moved: dict[str, str]
    """Each moved file below docs/ → its new path (the page and its translations)."""
    contents: dict[str, str]
    """New text of each moved file, by its new path."""
    rewritten: dict[str, str]
    """New text of each other page whose links changed, by its path below docs/."""
    link_counts: dict[str, int]
    """Changed links per page (new path for moved ones), ``related`` paths included."""
    restamped: list[str]
    """Translations whose ``translated_from`` now names their source's new text."""
    config: ConfigEdits = field(default_factory=ConfigEdits)


def plan_move(project: Project, old: str, new: str) -> MovePlan:
    """Check the move of the page `old` to `new` (both below docs/) and compute its texts."""
    languages = project.languages
    docs = project.docs_dir
    shown = _docs_shown(project)
    for name in (old, new):
        if not languages.is_source(name):
            raise MoveRefused(
                f"„{name}“ ist keine Seite — geben Sie die Markdown-Datei an, z. B. "
                "einarbeitung/phasen.md (relativ zu docs/); verschoben wurde nichts."
            )
        if name.startswith("../") or name.startswith("/"):
            raise MoveRefused(
                f"„{name}“ liegt nicht unter {shown}/ — Seiten werden nur innerhalb von "
                f"{shown}/ verschoben; verschoben wurde nichts."
            )
        if not languages.of_source(name).default:
            raise MoveRefused(
                f"„{name}“ ist eine Übersetzung — geben Sie die deutsche Datei an "
                f"({languages.default_source(name)}); ihre Übersetzungen ziehen mit um. "
                "Verschoben wurde nichts."
            )
    if old == new:
        raise MoveRefused(f"Alter und neuer Name sind gleich („{old}“) — verschoben wurde nichts.")
    if not (docs / old).is_file():
        raise MoveRefused(
            f"Die Seite {shown}/{old} gibt es nicht — prüfen Sie den Pfad (relativ zu "
            f"{shown}/ oder zum Ordner des Portals); verschoben wurde nichts."
        )
    bad_names = check_file_names([new], docs_shown=shown, languages=languages)
    if bad_names:
        raise MoveRefused(
            f"{bad_names[0].problem} — wählen Sie einen Namen aus Kleinbuchstaben, Ziffern und "
            f"Bindestrichen, z. B. „{_plain_name(new)}“; verschoben wurde nichts."
        )
    moved = {
        languages.translation(old, code): languages.translation(new, code)
        for code in languages.codes
        if (docs / languages.translation(old, code)).is_file()
    }
    sources = list(load_site(project).markdown)
    for target in moved.values():
        if (docs / target).exists():
            raise MoveRefused(
                f"Die Datei {shown}/{target} gibt es schon — wählen Sie einen anderen Namen "
                "oder führen Sie die Seiten von Hand zusammen; verschoben wurde nichts."
            )
    address = languages.page_path(new)
    taken = [src for src in sources if src not in moved and languages.page_path(src) == address]
    if taken:
        raise MoveRefused(
            f"Unter der Adresse /{address} steht schon die Seite {shown}/{taken[0]} — wählen "
            "Sie einen anderen Namen; verschoben wurde nichts."
        )
    config = project.read_config()
    if new in redirect_entries(config):
        raise MoveRefused(
            f"„{new}“ ist in mkdocs.yml unter redirect_maps die alte Adresse einer "
            "Weiterleitung — löschen Sie den Eintrag zuerst oder wählen Sie einen anderen "
            "Namen; verschoben wurde nichts."
        )

    originals: dict[str, str] = {}
    contents: dict[str, str] = {}
    rewritten: dict[str, str] = {}
    counts: dict[str, int] = {}
    for src in sources:
        text = originals[src] = _read(docs / src, shown=f"{shown}/{src}")
        target = moved.get(src, src)
        result = rewrite_links(text, src_uri=src, new_src_uri=target, moves=moved)
        new_text, related = rewrite_related(result.text, moves=moved)
        if src in moved:
            contents[target] = new_text
        elif new_text != text:
            rewritten[src] = new_text
        if result.links + related:
            counts[target] = result.links + related
    restamped = _restamp(originals, contents, rewritten, moved=moved, project=project)
    config_files = {config.path, *config.sources.values()}
    edits = edit_config(
        config, old=old, new=new, shown={path: project.shown(path) for path in config_files}
    )
    return MovePlan(moved, contents, rewritten, counts, restamped, edits)


def apply(project: Project, plan: MovePlan) -> None:
    """Write the plan: new files first (never over a file), then links, config, old files."""
    docs = project.docs_dir
    for new, text in plan.contents.items():
        path = docs / new
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
    for src, text in plan.rewritten.items():
        (docs / src).write_bytes(text.encode("utf-8"))
    for path, text in plan.config.texts.items():
        path.write_bytes(text.encode("utf-8"))
    for old in plan.moved:
        (docs / old).unlink()


# Helper functions


def _restamp(
    originals: dict[str, str],
    contents: dict[str, str],
    rewritten: dict[str, str],
    *,
    moved: dict[str, str],
    project: Project,
) -> list[str]:
    # A source whose links changed would make its up-to-date translations
    # look outdated; their links changed alike, so their stamp follows.
    languages = project.languages

    def now(src: str) -> str:
        target = moved.get(src, src)
        return contents.get(target, rewritten.get(src, originals[src]))

    restamped = []
    for src, before in originals.items():
        after = now(src)
        if after == before or not languages.of_source(src).default:
            continue
        for language in languages.others:
            translation = languages.translation(src, language.code)
            if translation not in originals:
                continue
            stamped = restamp(now(translation), old_source=before, new_source=after)
            if stamped is None:
                continue
            if translation in moved:
                contents[moved[translation]] = stamped
            else:
                rewritten[translation] = stamped
            restamped.append(moved.get(translation, translation))
    return sorted(restamped)


def _read(path: Path, *, shown: str) -> str:
    # Bytes, decoded as they are: line endings and a BOM are written back unchanged.
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise MoveRefused(
            f"{shown} ist nicht in UTF-8 gespeichert — speichern Sie die Datei als UTF-8 "
            "und starten Sie den Befehl erneut; verschoben wurde nichts."
        ) from error


def _docs_shown(project: Project) -> str:
    return project.shown(project.docs_dir)


def _plain_name(src_uri: str) -> str:
    *folders, name = src_uri.removesuffix(".md").split("/")
    return "/".join([*(slug(part) or "ordner" for part in folders), slug(name) or "seite"]) + ".md"
