"""Search per language, with the portal's own index and worker.

The work is done by plain functions in ``portal.search`` and
``portal.search_index``; this file collects each language build's index
entries, fallback pages and link texts, writes per language a stub for
Material's page script and the real index for the portal's worker, and points
every page at its language's stub and at that worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from portal.glossary import GLOSSARY_FILE, GlossaryEntry, load_glossary
from portal.mkdocs_adapter import current_language
from portal.mkdocs_adapter import languages as site_languages
from portal.search import (
    INDEX_PATH,
    Language,
    keyword_texts,
    language_name,
    link_texts,
    localize_config_script,
    localize_index,
    read_index,
    relative_root,
    stub_index,
    write_index,
)
from portal.search_index import IndexOptions, SynonymGroup, build_index

log = get_plugin_logger(__name__)

CONFIG_SCRIPT_START = '<script id="__config"'


class _State:
    """What the language builds of one site build have collected so far."""

    def __init__(self) -> None:
        self.entries: dict[str, list[dict[str, Any]]] = {}
        self.base_config: dict[str, Any] = {}
        self.fallbacks: dict[str, set[str]] = {}
        # Per language: page URL → the texts of links to it from that language's
        # pages, and the page's own keywords.
        self.anchors: dict[str, dict[str, list[str]]] = {}


_state = _State()

# Hooks


# After mkdocs-static-i18n (-100), which tells the language of this build.
# mkdocs-static-i18n runs on_config again for each further language: only the
# default language's run starts a new site build and forgets the last one.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    languages, current = _languages(config)
    if current == languages[0].locale:
        global _state
        _state = _State()
    _state.entries.pop(current, None)
    _state.fallbacks[current] = set()
    _state.anchors[current] = {}
    return config


# Content as Markdown and the portal's hooks made it, before the theme adds
# navigation: only links that writers set count as words for their targets;
# a page's own keywords are the facts it marks (hooks/events.py) and the
# readers' words its front matter lists under „keywords“.
@event_priority(-110)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Any) -> str:
    _, current = _languages(config)
    anchors = _state.anchors.setdefault(current, {})
    for url, text in link_texts(html, page_url=page.url):
        anchors.setdefault(url, []).append(text)
    anchors.setdefault(page.url, []).extend([*keyword_texts(html), *_front_matter_keywords(page)])
    return html


# After mkdocs-static-i18n (50), which puts the file's and the build's
# language into the context.
@event_priority(-110)
def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    build_locale = context.get("i18n_page_locale")
    file_locale = context.get("i18n_file_locale")
    if build_locale and file_locale and build_locale != file_locale:
        _state.fallbacks.setdefault(str(build_locale), set()).add(page.url)
    return context


# Last of all page events, so every other hook has finished the HTML.
@event_priority(-200)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    languages, current = _languages(config)
    language = _language(languages, current)
    # Material writes its config script once, near the end of the page:
    # parse only from there, not the whole page with its navigation.
    start = output.rfind(CONFIG_SCRIPT_START)
    if start < 0:
        return output
    script = LexborHTMLParser(output[start:]).css_first("script#__config")
    if script is None:
        return output
    original = script.text(deep=True)
    # The default language's pages already look for the index at the root.
    base = relative_root(page.url, language) if language.prefix else None
    localized = localize_config_script(original, base=base)
    return output[:start] + output[start:].replace(original, localized, 1)


# Between Material's search plugin (0), which has just written this language
# build's entries to search/search_index.json, and mkdocs-static-i18n (-100),
# which builds the further languages and then overwrites that file with the
# entries of all languages together.
@event_priority(-50)
def _collect_index(*, config: MkDocsConfig) -> None:
    _, current = _languages(config)
    path = Path(config.site_dir, INDEX_PATH)
    if not path.is_file():
        raise PluginError(
            f"{path} fehlt — das Such-Plugin muss vor hooks/search.py in mkdocs.yml stehen."
        )
    index = read_index(path)
    _state.base_config = dict(index.get("config") or {})
    _state.entries[current] = list(index.get("docs") or [])


# Last of all: mkdocs-static-i18n (-100) has written its shared index, which
# the default language's index replaces here. The further languages' builds
# run inside the default one's, so the default build's run comes last.
@event_priority(-200)
def _write_indexes(*, config: MkDocsConfig) -> None:
    languages, _ = _languages(config)
    glossary = _glossary(config)
    for language in languages:
        entries = _state.entries.get(language.locale)
        if entries is None:
            continue
        fallbacks = _state.fallbacks.get(language.locale, set())
        index = localize_index(
            entries,
            base_config=_state.base_config,
            language=language,
            languages=languages,
            fallback_pages=fallbacks,
            fallback_tag=language_name(languages[0].locale, reader=language.locale),
        )
        anchors = {
            url.removeprefix(language.prefix): texts
            for url, texts in _state.anchors.get(language.locale, {}).items()
            if url.startswith(language.prefix)
        }
        options = IndexOptions(
            locale=language.locale,
            synonyms=_synonyms(glossary, english=language != languages[0]),
            anchors=anchors,
            foreign={url.removeprefix(language.prefix) for url in fallbacks},
        )
        site = Path(config.site_dir)
        write_index(site / language.index_path, stub_index(index, language=language))
        write_index(site / language.portal_index_path, build_index(index["docs"], options))


# CombinedEvent is typed for plugin methods (with `self`); in a hook module
# MkDocs registers and calls the plain functions, which is what it is for here.
on_post_build = CombinedEvent(_collect_index, _write_indexes)  # type: ignore[arg-type]


# Helper functions


def _languages(config: MkDocsConfig) -> tuple[list[Language], str]:
    """The site's built languages (default first) and the language of this build."""
    languages = [
        Language(locale=language.code, prefix=language.prefix, name=language.name)
        for language in site_languages(config)
    ]
    return languages, current_language(config).code


def _front_matter_keywords(page: Page) -> list[str]:
    # The metadata hook has checked the field (portal/schemas: a list of words).
    keywords = page.meta.get("keywords")
    return [str(word) for word in keywords] if isinstance(keywords, list) else []


def _glossary(config: MkDocsConfig) -> list[GlossaryEntry]:
    # hooks/glossary.py reports the file's problems; search takes what it can read.
    path = Path(config.docs_dir, GLOSSARY_FILE)
    if not path.is_file():
        return []
    entries, _ = load_glossary(path, shown=f"docs/{GLOSSARY_FILE}")
    return entries


def _synonyms(entries: list[GlossaryEntry], *, english: bool) -> list[SynonymGroup]:
    """Abbreviation and German term; beyond the default language also the English explanation."""
    groups = []
    for entry in entries:
        # A term without an abbreviation has no second German form.
        forms = [form for form in (entry.abbr, entry.term) if form]
        if english and entry.en:
            forms.append(entry.en)
        if len(forms) > 1:
            groups.append(SynonymGroup(forms=tuple(forms)))
    return groups


def _language(languages: list[Language], locale: str) -> Language:
    for language in languages:
        if language.locale == locale:
            return language
    raise PluginError(f"Die Sprache {locale!r} fehlt in der i18n-Konfiguration von mkdocs.yml.")
