"""The real portal's configuration, read at run time.

The benchmark reads the hooks list, the plugins and the languages from the
project's own mkdocs.yml on every run, so a guard added there is measured
without a change to the benchmark.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

# scripts/portal/bench/project.py → the repository root.
PROJECT_ROOT = Path(__file__).resolve().parents[3]
MKDOCS_YML = PROJECT_ROOT / "mkdocs.yml"


def portal_config() -> dict[str, Any]:
    """The portal's mkdocs.yml as MkDocs' own YAML loader reads it (``!ENV`` and all)."""
    with MKDOCS_YML.open(encoding="utf-8") as stream:
        config: dict[str, Any] = yaml_load(stream)
    return config


def portal_hooks() -> list[Path]:
    """The hook files mkdocs.yml lists, in order, as absolute paths."""
    return [PROJECT_ROOT / str(hook) for hook in portal_config().get("hooks") or []]


def portal_plugins() -> list[Any]:
    """The plugins entry of mkdocs.yml, unchanged (names or one-key mappings)."""
    plugins: list[Any] = list(portal_config().get("plugins") or [])
    return plugins


def language_prefixes() -> dict[str, str]:
    """Locale → folder of its build in the site (``""`` for the default language)."""
    for plugin in portal_plugins():
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = plugin["i18n"].get("languages") or []
            return {
                str(language["locale"]): "" if language.get("default") else f"{language['locale']}/"
                for language in languages
            }
    return {"de": ""}
