"""Format and size after every link to a file to download (``portal.downloads``).

A file under docs/ (PDF, ODT, DOCX …) that a page links is shown as
„Titel (PDF, 412 KB)“ without the editor writing the size; a missing one is
reported by the link guard (``hooks/links.py``).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.downloads import annotate, file_format
from portal.mkdocs_adapter import current_language

# Hooks


# After the other content handlers, before hooks/editions.py (-200), so the
# PDF editions show the sizes too.
@event_priority(-150)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    sources = {
        file.dest_uri: Path(file.abs_src_path)
        for file in files
        if file.abs_src_path and file_format(file.dest_uri) is not None
    }
    if not sources:
        return html

    def size_of(path: str) -> int | None:
        source = sources.get(path)
        return source.stat().st_size if source is not None and source.is_file() else None

    return annotate(
        html, page_url=page.url, size_of=size_of, language=current_language(config).code
    )
