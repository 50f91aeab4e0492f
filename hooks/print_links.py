"""Full web addresses for the links of every page's text, for print (``portal.print_links``)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.print_links import mark

# Hooks


# After every hook that adds links to the text (glossary, downloads at
# -150), before the PDF editions (-200), which make links of their own.
@event_priority(-160)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return mark(html, page_url=page.url, site_url=config.site_url or "")
