"""The portal's own mkdocs.yml, read on every run.

The benchmark takes the hooks and languages from there, so a build of a
corpus runs what the portal's build runs, without a change here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from portal.languages import Languages, load_languages

# scripts/benchmark/portal_config.py → the repository root.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"


def portal_config() -> dict[str, Any]:
    """mkdocs.yml as MkDocs' own YAML loader reads it (``!ENV`` and all)."""
    with MKDOCS_YML.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml_load(stream)
    return config


def portal_hooks() -> tuple[str, ...]:
    """The hooks mkdocs.yml lists, in order, relative to the project root."""
    return tuple(str(hook) for hook in portal_config().get("hooks") or ())


def portal_languages() -> Languages:
    """The built languages, the default one first (portal.languages reads mkdocs.yml)."""
    return load_languages(MKDOCS_YML)
