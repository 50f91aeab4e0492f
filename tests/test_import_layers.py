"""No import loops between the parts of `portal`: each part builds on those below it.

A part is a top-level module (``portal.cli``) or subpackage (``portal.events``).
The imports are read with `ast`, so every import counts: at module level,
inside functions (a lazy import that dodges a loop still is one), under
``TYPE_CHECKING``, and a module named in a string (imported by name through
``importlib``, as a Markdown extension or as a Jinja ``PackageLoader``).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"

SPLIT: dict[str, str] = {
    # Packages that hold a low layer and a high one side by side, by design.
    "portal.site": (
        "site.config and site.settings read mkdocs.yml below everything (project, "
        "languages, newsletter, scaffold import them), site.model gathers events, "
        "metadata, newsletter and project above them: each module of the package is "
        "a part of its own."
    ),
}
"""A package named here counts module by module; a module named here is a part of its own."""

IGNORED: dict[tuple[str, str], str] = {}
"""Known imports that close a loop, (importing module, imported module), with the way out."""


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    path: Path
    line: int

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported} ({self.path.as_posix()}:{self.line})"


# Helper functions


def modules_of(scripts: Path) -> dict[str, Path]:
    """Every module of the package `portal` below `scripts`, by dotted name."""
    modules = {}
    for path in sorted((scripts / "portal").rglob("*.py")):
        parts = list(path.relative_to(scripts).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imports_of(scripts: Path) -> list[Import]:
    """Every import of one portal module by another, wherever in the file it is written."""
    modules = modules_of(scripts)

    def known(name: str) -> str | None:
        # `from portal.scaffold import pages` imports portal.scaffold.pages;
        # `from portal.scaffold.files import slug` imports portal.scaffold.files.
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    found = []
    for importer, path in modules.items():
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        names: list[tuple[str, int]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names += [(alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                names += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
            elif isinstance(node, ast.Constant) and node.value in modules:
                names.append((node.value, node.lineno))
        for name, line in names:
            imported = known(name) if name.split(".")[0] == "portal" else None
            if imported is not None and imported != importer:
                found.append(Import(importer, imported, path.relative_to(scripts.parent), line))
    return found


def part_of(module: str, split: Iterable[str]) -> str:
    """``portal.x`` for every module in it, unless `split` names the module or its package."""
    top = ".".join(module.split(".")[:2])
    return module if module in split or top in split else top


def find_loop(
    imports: Iterable[Import],
    *,
    split: Iterable[str] = (),
    ignored: Iterable[tuple[str, str]] = (),
) -> list[Import] | None:
    """One loop between parts, as the imports that close it; None when there is none."""
    split, ignored = set(split), set(ignored)
    edges: dict[str, dict[str, Import]] = {}
    for item in imports:
        if (item.importer, item.imported) in ignored:
            continue
        start, end = part_of(item.importer, split), part_of(item.imported, split)
        if start != end:
            edges.setdefault(start, {}).setdefault(end, item)
    done: set[str] = set()

    def visit(part: str, path: list[Import], on_path: Mapping[str, int]) -> list[Import] | None:
        for target, item in sorted(edges.get(part, {}).items()):
            if target in on_path:
                return [*path[on_path[target] :], item]
            if target not in done:
                loop = visit(target, [*path, item], {**on_path, target: len(path) + 1})
                if loop is not None:
                    return loop
        done.add(part)
        return None

    for part in sorted(edges):
        if part not in done:
            loop = visit(part, [], {part: 0})
            if loop is not None:
                return loop
    return None


def described(loop: list[Import] | None) -> str:
    if loop is None:
        return "no loop"
    return "import loop:\n  " + "\n  ".join(str(item) for item in loop)


# Tests


def test_the_parts_of_portal_import_each_other_without_loops() -> None:
    loop = find_loop(imports_of(SCRIPTS), split=SPLIT, ignored=IGNORED)
    assert loop is None, described(loop)


@pytest.mark.parametrize("name", sorted(SPLIT))
def test_each_split_is_still_needed(name: str) -> None:
    loop = find_loop(imports_of(SCRIPTS), split=set(SPLIT) - {name}, ignored=IGNORED)
    assert loop is not None, f"{name} no longer closes a loop: remove it from SPLIT"


def test_a_loop_through_an_import_inside_a_function_is_found(tmp_path: Path) -> None:
    package = tmp_path / "scripts" / "portal"
    (package / "feature").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "feature" / "__init__.py").write_text("")
    (package / "feature" / "kind.py").write_text("from portal.base import helper\n")
    (package / "base.py").write_text(
        "def helper() -> None:\n    from portal.feature import kind\n\n\ndef other() -> None: ...\n"
    )
    loop = find_loop(imports_of(tmp_path / "scripts"))
    assert described(loop) == (
        "import loop:\n"
        "  portal.base -> portal.feature.kind (scripts/portal/base.py:2)\n"
        "  portal.feature.kind -> portal.base (scripts/portal/feature/kind.py:1)"
    )


def test_a_module_imported_by_name_closes_a_loop_too(tmp_path: Path) -> None:
    package = tmp_path / "scripts" / "portal"
    package.mkdir(parents=True)
    (package / "cli.py").write_text('COMMANDS = ["portal.command"]\n')
    (package / "command.py").write_text("from . import cli\n")
    loop = find_loop(imports_of(tmp_path / "scripts"))
    assert described(loop) == (
        "import loop:\n"
        "  portal.cli -> portal.command (scripts/portal/cli.py:1)\n"
        "  portal.command -> portal.cli (scripts/portal/command.py:1)"
    )
