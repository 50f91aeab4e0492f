"""``python -m portal move ALT NEU``: rename or move a page with its translations and links."""

from __future__ import annotations

import argparse
import posixpath
import sys
from pathlib import Path, PurePosixPath
from typing import Any

from portal.commands.common import add_docs_option, project_of
from portal.move.plan import MovePlan, MoveRefused, apply, plan_move
from portal.project import Project


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "move",
        help="Seite umbenennen oder verschieben, mit Übersetzungen, Links und Weiterleitung",
        description=(
            "Benennt eine Seite und ihre Übersetzungen um (oder verschiebt sie in einen anderen "
            "Ordner), passt jeden Link darauf in allen Sprachen und den Eintrag in der "
            "Navigation an und leitet die alten Adressen in allen Sprachen auf die neue um "
            "(redirect_maps in mkdocs.yml). Eine vorhandene Datei wird nie überschrieben; "
            "geht etwas nicht, ändert der Befehl nichts."
        ),
    )
    parser.add_argument(
        "alt",
        metavar="ALT",
        help="die deutsche Seite, relativ zu docs/ oder zum Ordner des Portals, "
        "z. B. einarbeitung/phasen.md",
    )
    parser.add_argument("neu", metavar="NEU", help="ihr neuer Pfad, z. B. einarbeitung/ablauf.md")
    add_docs_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = project_of(args)
    old, new = below_docs(project, args.alt), below_docs(project, args.neu)
    try:
        plan = plan_move(project, old, new)
        apply(project, plan)
    except MoveRefused as refusal:
        print(refusal, file=sys.stderr)
        return 1
    print(summary(project, plan, old=old, new=new), end="")
    return 0


def below_docs(project: Project, written: str) -> str:
    """A page as the editor names it, as a path below docs/.

    Accepted: relative to the current folder (also inside docs/), to the
    checkout (``docs/einarbeitung/phasen.md``) or to docs/
    (``einarbeitung/phasen.md``); without ``.md``, it is added.
    """
    path = Path(written if PurePosixPath(written).suffix else f"{written}.md")
    for base in (Path.cwd(), project.root, project.docs_dir):
        candidate = (base / path).resolve()
        if candidate.exists():
            try:
                return candidate.relative_to(project.docs_dir).as_posix()
            except ValueError:
                continue
    # A new path: below docs/ as written, unless it names docs/ itself.
    for base in (Path.cwd(), project.root):
        try:
            return (base / path).resolve().relative_to(project.docs_dir).as_posix()
        except ValueError:
            continue
    return posixpath.normpath(path.as_posix())


def summary(project: Project, plan: MovePlan, *, old: str, new: str) -> str:
    """What the move changed, for the editor to check (and to commit)."""
    docs = project.shown(project.docs_dir)
    lines = ["Verschoben:"]
    lines += [f"  {docs}/{before} → {docs}/{after}" for before, after in plan.moved.items()]
    total = sum(plan.link_counts.values())
    lines.append(f"Links angepasst: {total} in {len(plan.link_counts)} Dateien")
    lines += [f"  {docs}/{path}: {count}" for path, count in sorted(plan.link_counts.items())]
    if plan.restamped:
        lines.append("Übersetzungen weiter aktuell (translated_from nachgetragen):")
        lines += [f"  {docs}/{path}" for path in plan.restamped]
    lines += plan.config.done
    if not plan.config.todo:
        languages = project.languages
        lines.append("Alte Adressen leiten auf die neuen um:")
        lines += [
            f"  /{languages.url(old, code)} → /{languages.url(new, code)}"
            for code in languages.codes
        ]
    lines += [f"Noch zu tun: {todo}" for todo in plan.config.todo]
    if posixpath.dirname(old) != posixpath.dirname(new):
        lines.append(
            "Die Seite steht in der Navigation an ihrer bisherigen Stelle: verschieben Sie die "
            "Zeile, wenn sie in einen anderen Abschnitt gehört."
        )
    lines.append("Prüfen Sie das Ergebnis mit „make check“ und in der Vorschau („make serve“).")
    return "\n".join(lines) + "\n"
