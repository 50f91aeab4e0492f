"""Pages outside the nav belong to the section of their folder.

A page that the nav leaves out on purpose (`not_in_nav` in mkdocs.yml, e.g.
the issues of the newsletter archive) would otherwise be nobody's child: no
tab is marked while it is read, and the sidebar shows only the top level.
This hook makes the section of the page's folder its parent, so that MkDocs
marks that section active while the page is built: the reader sees the tab
and the section's sidebar, as on its overview page, which lists the page.
The sidebar itself stays as short as the nav, whatever the size of the
collection (see ``portal.sections``).
"""

from __future__ import annotations

from collections.abc import Iterable

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
