"""The nav, where it is MkDocs' by nature: sections of pages outside it, no empty sidebars.

- Pages outside the nav belong to the section of their folder. A page that
  the nav leaves out on purpose (`not_in_nav` in mkdocs.yml, e.g. the issues
  of the newsletter archive) would otherwise be nobody's child: no tab is
  marked while it is read, and the sidebar shows only the top level. The
  section of the page's folder becomes its parent, so that MkDocs marks that
  section active: the reader sees the tab and the section's sidebar, as on
  its overview page, which lists the page. The sidebar itself stays as short
  as the nav, whatever the size of the collection (see ``portal.sections``).
- No empty sidebar: with navigation tabs, the left sidebar on wide screens
  lists the pages of the current tab's section. For the start page, for a
  section of one page (the newsletter, the glossary) and for pages outside
  every section (legal pages, audience overviews) it would be an empty
  column. Such a page gets ``hide: [navigation]``, as if its editor had
  written it: Material then gives the content that width, and on phones the
  menu still opens (the drawer shows the whole navigation regardless).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from portal.sections import folder_of, owning_section

# Hooks


# After mkdocs-static-i18n (-100), which hands over the nav of the language
# being built: the sections found here are the ones its pages are shown in.
# MkDocs has created a Page for every file by now, in the nav or not.
@event_priority(-110)
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    sections = _sections_by_folder(nav.items)
    in_nav = {id(page) for page in nav.pages}
    for file in files.documentation_pages():
        page = file.page
        if page is None or id(page) in in_nav or page.parent is not None:
            continue
        page.parent = owning_section(file.src_uri, sections)
    return nav


# After on_nav above, which gives pages outside the nav their
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


def _sections_by_folder(items: Iterable[StructureItem]) -> dict[str, Section]:
    """Folder → the section whose overview page (index.md) lies in it, outermost first."""
    found: dict[str, Section] = {}
    for item in items:
        if not isinstance(item, Section):
            continue
        for child in item.children:
            if isinstance(child, Page) and child.is_index:
                found.setdefault(folder_of(child.file.src_uri), item)
        for folder, section in _sections_by_folder(item.children).items():
            found.setdefault(folder, section)
    return found


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
