"""Which language build of mkdocs-static-i18n is running.

The plugin builds the default language first, then each further language as
a nested build from its own on_post_build, with the same config object. Hooks
that must act once per build, or only when every language is on disk, ask
here instead of reading the plugin's attributes themselves.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def default_language(config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    if i18n is None or i18n.default_language is None:
        return str(config.theme.get("language", "de"))
    return str(i18n.default_language)


def current_language(config: MkDocsConfig) -> str:
    """The language being built now (the default one before i18n has started)."""
    i18n = _i18n(config)
    if i18n is None or i18n.current_language is None:
        return default_language(config)
    return str(i18n.current_language)


def languages(config: MkDocsConfig) -> list[str]:
    """The built languages, the default one first."""
    i18n = _i18n(config)
    default = default_language(config)
    if i18n is None:
        return [default]
    return [default, *(str(code) for code in i18n.build_languages if code != default)]


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True while i18n runs the build of a further language."""
    return bool(getattr(_i18n(config), "building", False))


def is_last_language_build(config: MkDocsConfig) -> bool:
    """True in the build after which every language is on disk."""
    others = languages(config)[1:]
    if not others:
        return True
    # i18n builds the further languages in the order of its `languages` list.
    return is_nested_language_build(config) and current_language(config) == others[-1]
