"""Who may import whom: the runtime stays free of test tooling, the benchmark of tests/.

The runtime (``scripts/portal/`` and the hooks) builds and checks the portal
and must run without a browser, a web server or LinkChecker; those live in
the test kit ``scripts/portal_testkit/``, which tests and benchmark share.
The tests' own helpers are imported as top-level modules (``sitebuilder``,
``golden``, …, through pytest's ``pythonpath``), so "from tests/" means any
of those names, and a ``sys.path`` change that would make them importable.
Imports are read with ``ast``: one inside a function counts as well.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from sitebuilder import PROJECT_ROOT

SCRIPTS = PROJECT_ROOT / "scripts"
TESTS = PROJECT_ROOT / "tests"
HOOKS = PROJECT_ROOT / "hooks"
TEST_TOOLING = frozenset({"portal_testkit", "playwright", "linkcheck"})
"""Packages only tests and benchmark need (``linkcheck`` is LinkChecker's)."""


def python_files(*folders: Path) -> list[Path]:
    return sorted(path for folder in folders for path in folder.rglob("*.py"))


def module_name(path: Path, *, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, *, root: Path) -> Iterator[tuple[int, str]]:
    """Every module `path` imports, absolute, with its line; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root=root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            # `from x import y` may import the module x.y: name both.
            yield node.lineno, stem
            for alias in node.names:
                yield node.lineno, f"{stem}.{alias.name}"


def changes_sys_path(path: Path) -> Iterator[int]:
    """Lines that change ``sys.path`` (insert, append, extend, assignment)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in {"insert", "append", "extend"}:
                target = node.func.value
        elif isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next((t for t in targets if isinstance(t, ast.Attribute)), None)
        if (
            isinstance(target, ast.Attribute)
            and target.attr == "path"
            and isinstance(target.value, ast.Name)
            and target.value.id == "sys"
        ):
            yield node.lineno


def importable_test_names() -> set[str]:
    """The names under which the tests' modules and packages can be imported."""
    names = {"tests"}
    for entry in TESTS.iterdir():
        if entry.suffix == ".py":
            names.add(entry.stem)
        elif entry.is_dir() and any(entry.glob("*.py")):
            names.add(entry.name)
    return names


def forbidden_imports(files: Iterable[Path], forbidden: Iterable[str], *, root: Path) -> list[str]:
    """`file:line: module` for each import of a forbidden top-level package.

    `root` is the folder the modules are imported from (on ``sys.path``).
    """
    tops = set(forbidden)
    return [
        f"{path.relative_to(root)}:{line}: {name}"
        for path in files
        for line, name in imported_modules(path, root=root)
        if name.split(".")[0] in tops
    ]


def sys_path_changes(files: Iterable[Path], *, root: Path) -> list[str]:
    return [f"{path.relative_to(root)}:{line}" for path in files for line in changes_sys_path(path)]


# The layout itself


def test_runtime_imports_no_test_tooling() -> None:
    core = python_files(SCRIPTS / "portal")
    hooks = python_files(HOOKS)
    assert len(core) > 50 and hooks  # the runtime was found, not an empty folder
    assert forbidden_imports(core, TEST_TOOLING, root=SCRIPTS) == []
    # MkDocs loads hooks by path: they import from where the core does.
    assert forbidden_imports(hooks, TEST_TOOLING, root=HOOKS) == []


@pytest.mark.parametrize("folder", ["benchmark", "portal_testkit"])
def test_shared_code_imports_nothing_from_tests(folder: str) -> None:
    files = python_files(SCRIPTS / folder)
    assert files
    assert forbidden_imports(files, importable_test_names(), root=SCRIPTS) == []
    assert sys_path_changes(files, root=SCRIPTS) == []


def test_test_module_names_cover_the_helpers() -> None:
    assert {"tests", "sitebuilder", "golden", "conftest", "browser"} <= importable_test_names()


# The checks find what they look for


BAD_MODULE = """\
import os
import playwright.sync_api
from portal_testkit.nginx import serve_with_nginx
from sitebuilder import PROJECT_ROOT
import sys
sys.path.insert(0, "tests")

def later():
    from linkcheck import checker
    from . import sibling
    from ..portal_testkit import chromium
"""


def test_checks_find_imports_anywhere_in_a_module(tmp_path: Path) -> None:
    module = tmp_path / "portal" / "bad.py"
    module.parent.mkdir()
    module.write_text(BAD_MODULE, encoding="utf-8")

    assert forbidden_imports([module], TEST_TOOLING, root=tmp_path) == [
        "portal/bad.py:2: playwright.sync_api",
        "portal/bad.py:3: portal_testkit.nginx",
        "portal/bad.py:3: portal_testkit.nginx.serve_with_nginx",
        "portal/bad.py:9: linkcheck",
        "portal/bad.py:9: linkcheck.checker",
        "portal/bad.py:11: portal_testkit",
        "portal/bad.py:11: portal_testkit.chromium",
    ]
    assert forbidden_imports([module], {"sitebuilder", "tests"}, root=tmp_path) == [
        "portal/bad.py:4: sitebuilder",
        "portal/bad.py:4: sitebuilder.PROJECT_ROOT",
    ]
    assert sys_path_changes([module], root=tmp_path) == ["portal/bad.py:6"]


def test_checks_pass_a_clean_module(tmp_path: Path) -> None:
    module = tmp_path / "portal" / "good.py"
    module.parent.mkdir()
    module.write_text("import os\nfrom portal.csp import HEADER_FILE\n", encoding="utf-8")

    assert forbidden_imports([module], TEST_TOOLING | {"tests"}, root=tmp_path) == []
    assert sys_path_changes([module], root=tmp_path) == []
