"""Theme templates copied from Material stay tied to the version they were copied from.

Blocks with ``{{ super() }}`` follow Material's updates by themselves; a
copied template does not. Each copy names the Material version it came from;
when the installed Material is another one, this test fails, and the copy is
compared with the new original and made again.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from sitebuilder import PROJECT_ROOT

OVERRIDES = PROJECT_ROOT / "overrides"
COPIED = re.compile(r"Copied from Material for MkDocs (\d+\.\d+\.\d+), material/templates/(\S+)\.")


def copies() -> list[Path]:
    return sorted(
        path
        for path in OVERRIDES.rglob("*.html")
        if "Copied from Material" in path.read_text(encoding="utf-8")
    )


def test_there_are_copied_templates() -> None:
    names = [path.relative_to(OVERRIDES).as_posix() for path in copies()]
    assert names == [
        "base.html",
        "partials/content.html",
        "partials/javascripts/base.html",
        "partials/javascripts/content.html",
        "partials/logo.html",
        "partials/nav-item.html",
        "partials/path.html",
        "partials/toc.html",
    ]


@pytest.mark.parametrize("copy", copies(), ids=lambda path: path.relative_to(OVERRIDES).as_posix())
def test_copy_names_the_installed_material_version(copy: Path) -> None:
    match = COPIED.search(copy.read_text(encoding="utf-8"))
    assert match is not None, f"{copy}: Herkunftsangabe fehlt oder ist unvollständig"
    copied_from, original = match.groups()
    assert original == copy.relative_to(OVERRIDES).as_posix()
    installed = version("mkdocs-material")
    assert copied_from == installed, (
        f"overrides/{original} ist aus Material {copied_from}, installiert ist {installed} — "
        f"Kopie mit material/templates/{original} vergleichen und neu anlegen"
    )
