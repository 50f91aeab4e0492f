"""Template downloads: a page with ``<!-- portal:downloads -->`` is also a DOCX and an ODT file.

The marker becomes a line of links; the page's rendered text becomes the two
files, written next to the built page (``…/einarbeitungsplan/einarbeitungsplan.docx``)
in every language the page is built in. The logic lives in
``portal.template_documents``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal import template_documents as documents
from portal.mkdocs_adapter import BuildState, file_language

# Files still to write in this site build: target path → content. Paths are
# absolute, as each language build has its own idea of dest paths.
_pending: BuildState[dict[Path, bytes]] = BuildState(dict)

# Hooks


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if documents.MARKER not in markdown:
        return markdown
    # A German page shown in the English build as a fallback keeps German words.
    language = file_language(page.file, config).code
    return markdown.replace(documents.MARKER, documents.links_html(_name(page), language=language))


# Last: the files carry the text as readers see it, after every other hook.
@event_priority(-100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if documents.LINKS_CLASS not in html:
        return html
    language = file_language(page.file, config).code
    info = documents.DocumentInfo(
        title=page.title or "",
        language=language,
        note=documents.note(config.site_name, language=language),
    )
    blocks = documents.blocks_from_html(html)
    folder = Path(config.site_dir, PurePosixPath(page.file.dest_uri).parent)
    pending = _pending.of(config)
    pending[folder / documents.file_name(_name(page), "docx")] = documents.to_docx(blocks, info)
    pending[folder / documents.file_name(_name(page), "odt")] = documents.to_odt(blocks, info)
    return html


# Before the link guard (-500), which checks that every linked file is there.
def on_post_build(*, config: MkDocsConfig) -> None:
    pending = _pending.of(config)
    for target, content in pending.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    pending.clear()


# Helper functions


def _name(page: Page) -> str:
    # The page's own name, whatever its language: „einarbeitungsplan“ for
    # …/einarbeitungsplan/index.html (directory URLs) or …/einarbeitungsplan.html.
    dest = PurePosixPath(page.file.dest_uri)
    return dest.parent.name if dest.name == "index.html" else dest.stem
