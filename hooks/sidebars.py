"""No empty sidebar: a page whose section has nothing else to list hides it.

With navigation tabs, the left sidebar on wide screens lists the pages of the
current tab's section. For the start page, for a section of one page (the
newsletter, the glossary) and for pages outside every section (legal pages,
audience overviews) it would be an empty column. Such a page gets
``hide: [navigation]``, as if its editor had written it: Material then gives
the content that width, and on phones the menu still opens (the drawer
shows the whole navigation regardless).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

# Hooks


# After hooks/sections.py (on_nav), which gives pages outside the nav their
# section, and after mkdocs-static-i18n: the nav is the language's own.
@event_priority(-110)
def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    features = config.theme.get("features") or []
    if "navigation.tabs" in features and _sidebar_is_empty(page, features=features):
        hide = page.meta.get("hide")
        hidden = list(hide) if isinstance(hide, list) else []
        if "navigation" not in hidden:
            page.meta["hide"] = [*hidden, "navigation"]
    return context


# Helper functions


def _sidebar_is_empty(page: Page, *, features: list[str]) -> bool:
    top: StructureItem = page
    while top.parent is not None:
        top = top.parent
    if not isinstance(top, Section):
        return True  # a top-level page, or a page outside every section
    listed = [
        child
        for child in top.children
        if not ("navigation.indexes" in features and isinstance(child, Page) and child.is_index)
    ]
    return not listed
