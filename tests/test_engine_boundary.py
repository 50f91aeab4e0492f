"""The engine stays behind one adapter: MkDocs, Material and static-i18n are known to it alone.

Material for MkDocs ends in May 2027; a second renderer must be possible
without touching the stages. These tests read the imports of every module
(with `ast`, also the imports inside functions) and the hooks of mkdocs.yml.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from portal.site.config import load_site_config

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_redirects")
ADAPTER = {
    ROOT / "hooks" / "stages.py",
    ROOT / "hooks" / "nav.py",
    ROOT / "scripts" / "portal" / "mkdocs_adapter.py",
}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def engine_imports(path: Path) -> set[str]:
    return {
        name
        for name in imported_modules(path)
        if name.split(".")[0] in ENGINE or name == "portal.mkdocs_adapter"
    }


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


@pytest.mark.parametrize(
    "path",
    [p for p in python_files("scripts/portal", "hooks") if p not in ADAPTER],
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_only_the_adapter_knows_the_engine(path: Path) -> None:
    assert engine_imports(path) == set()


def test_the_adapter_is_where_the_engine_is_known() -> None:
    # The check above must have something to tell apart.
    assert {"mkdocs.plugins", "portal.mkdocs_adapter"} <= engine_imports(ROOT / "hooks/stages.py")


def test_mkdocs_yml_lists_the_two_hook_files_of_the_adapter() -> None:
    hooks = load_site_config(ROOT / "mkdocs.yml").data["hooks"]
    assert hooks == ["hooks/stages.py", "hooks/nav.py"]
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == ["nav.py", "stages.py"]
