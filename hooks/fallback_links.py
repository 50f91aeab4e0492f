"""Anchor links on German pages shown to English readers lead to the German target.

A page without translation is built under /en/ too (i18n's
fallback_to_default). A correct German link with an anchor on it,
``[Ablauf](hpg.md#vorbereitung)``, would lead to the English translation of
its target, whose headings have other ids; it is led to the German page
instead, marked ``hreflang="de"``. The logic lives in
``portal.links.fallback``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.links.fallback import anchor_ids, lead_to_anchors
from portal.mkdocs_adapter import BuildState, current_language, file_language, languages

# Every page's content by URL, of all language builds of one site build: the
# default language is built first, so its pages are known when a further
# language's fallback pages are led to them. Anchors are parsed only for
# the targets of such links.
_contents: BuildState[dict[str, str]] = BuildState(dict)
_anchors: BuildState[dict[str, frozenset[str]]] = BuildState(dict)

# Hooks


# on_env: every page of this language build is rendered and none written yet,
# so the anchors of every target are known. Late, after the handlers that
# read the pages' content for other outputs (PDF editions leave fallback
# pages out); the order among them does not matter otherwise.
@event_priority(-50)
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    contents = _contents.of(config)
    anchors = _anchors.of(config)
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    for page in pages:
        contents[page.url] = page.content or ""
        anchors.pop(page.url, None)
    language = current_language(config)
    if language.default:
        return env

    def anchors_of(url: str) -> frozenset[str] | None:
        if url not in contents:
            return None
        if url not in anchors:
            anchors[url] = anchor_ids(contents[url])
        return anchors[url]

    for page in pages:
        if not page.content or not _is_fallback(page, config):
            continue
        page.content = lead_to_anchors(
            page.content,
            page_url=page.url,
            anchors_of=anchors_of,
            languages=languages(config),
            site_url=config.site_url or "",
        )
    return env


# Helper functions


def _is_fallback(page: Page, config: MkDocsConfig) -> bool:
    return file_language(page.file, config) != current_language(config)
