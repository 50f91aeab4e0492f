"""The portal's build stages, run by MkDocs: the one adapter between the engine and the stages.

MkDocs renders; the portal prepares before and finishes after
(``portal.stages``). Each MkDocs event below hands the stages what they
need as plain data (`portal.mkdocs_adapter.page_ref`) and puts back what
they return. Nothing of the portal's logic lives here: replacing the
engine means writing another file like this one.

How mkdocs-static-i18n (priority -100 on most events) builds: the default
language first, then each further language as a nested full build started
from the default build's ``on_post_build``, with the same config object, so
the stages' state lives per site build (`portal.mkdocs_adapter.site_build`).
Handlers run after i18n (below -100) where they need the language of the
pass, before it where they must see a file before the next pass overwrites it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from selectolax.lexbor import LexborHTMLParser

from portal.downloads import file_format
from portal.glossary import FocusableAbbrExtension
from portal.labels import label
from portal.metadata.audiences import OVERVIEW_DIR
from portal.mkdocs_adapter import (
    SiteBuild,
    current_language,
    is_last_language_build,
    is_nested_language_build,
    is_preview,
    languages,
    page_ref,
    project_root,
    report,
    reported_findings,
    site_build,
)
from portal.search import INDEX_PATH, localize_config_script, read_index, relative_root
from portal.search import Language as SearchLanguage
from portal.sources import source_cache
from portal.stages.pages import GeneratedFile
from portal.stages.templates import add_template_filters

NOT_FOUND = "404.html"
CONFIG_SCRIPT_START = '<script id="__config"'

# Whether this process runs `mkdocs serve`: its live-reload code is inline,
# different for every request, so no hash can allow it and the preview's
# pages carry no security policy (nginx and the tests serve built pages).
_serving = False

# Hooks


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


# After i18n (-100), which sets the language of each pass and runs
# on_config again for every further language. The prepare stage runs once
# per site build, in the first pass; the engine's settings are per pass.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = site_build(config)
    language = current_language(config).code
    if not any(isinstance(ext, FocusableAbbrExtension) for ext in config.markdown_extensions):
        # Python-Markdown takes extension objects as well as names.
        config.markdown_extensions.append(FocusableAbbrExtension())
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = label("page", "permalink", language=language)
    if build.preparer.handbook:
        config.extra["portal_handbook"] = build.preparer.handbook
    # The stages report broken links and anchors with line and suggestion
    # (portal.links); MkDocs' own messages about them would be duplicates
    # without a line. Absolute and unrecognised links stay MkDocs' warnings.
    config.validation.links.not_found = logging.INFO
    config.validation.links.anchors = logging.INFO
    return config


# MkDocs reads each page itself and stops the whole build on bytes that are
# not UTF-8; the portal's reader replaces them (the prepare stage has
# reported them at their line).
def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    path = page.file.abs_src_path
    if path is None:
        return None
    return source_cache(project_root(config)).get(Path(path)).text


# After i18n (-100), which chooses the files of this language: the prepare
# stage's generated pages and files join that set, under the language's folder.
@event_priority(-110)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    build = site_build(config)
    language = current_language(config)
    # i18n marks each file of this language's set with the German path it stands for.
    built = {
        str(getattr(file, "norm_src_uri", file.src_uri)): file.url
        for file in files.documentation_pages()
    }
    existing = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
    build.downloads = {
        file.dest_uri: Path(file.abs_src_path)
        for file in files
        if file.abs_src_path and file_format(file.dest_uri) is not None
    }
    pages = build.preparer.overview_pages(language, built=built, existing=existing)
    calendars = build.preparer.calendar_files(language, site_name=config.site_name)
    for generated in [*pages, *calendars]:
        _add(files, config, generated, prefix=language.prefix)
    return files


# After i18n (-100), which gives each language build its own nav: the
# editions' chapters follow its order.
@event_priority(-110)
def on_nav(nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
    site = languages(config)
    order = [site.default_source(page.file.src_uri) for page in nav.pages]
    site_build(config).nav_order[current_language(config).code] = order
    return nav


# Below every plugin's default (0): Markdown that plugins add gets its
# markers expanded and its abbreviations explained too.
@event_priority(-90)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return site_build(config).preparer.expand(
        markdown, page_ref(page, config), site_name=config.site_name
    )


# The finish stage's pass over the rendered content, before the theme frames
# it: search (in on_page_context), the templates and the PDF editions see
# the transformed text.
@event_priority(-100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = site_build(config)

    def size_of(path: str) -> int | None:
        source = build.downloads.get(path)
        return source.stat().st_size if source is not None and source.is_file() else None

    return build.finisher.content(
        html, page_ref(page, config), size_of=size_of, site_name=config.site_name
    )


# Every page of this language build is rendered and none framed yet: the
# editions are laid out (their sizes are shown on pages) and fallback pages'
# anchor links are led to the German targets.
@event_priority(-110)
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    build = site_build(config)
    language = current_language(config)
    env.globals["portal_language"] = language
    env.globals["portal_languages"] = languages(config)
    env.globals["portal_editions"] = _editions_for
    add_template_filters(env)
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    changed = build.finisher.rendered(
        language,
        [(page_ref(page, config), page.content or "") for page in pages],
        order=build.nav_order.get(language.code, []),
        site_name=config.site_name,
    )
    for page in pages:
        if page.url in changed:
            page.content = changed[page.url]
    report(build.finisher.findings, config=config)
    return env


# After i18n (50), which points the language switcher at the translation of
# documentation pages but leaves generated pages alone.
@event_priority(-110)
def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    build = site_build(config)
    context.update(build.preparer.context(page_ref(page, config), site_name=config.site_name))
    if page.file.generated_by is not None and page.file.src_uri.startswith(f"{OVERVIEW_DIR}/"):
        _point_switcher(build, config, page_path=page.file.dest_uri)
    return context


# After the theme has written the page: the switcher is put back, the
# theme's search configuration points at this language's index, the page
# is recorded for the site-wide checks.
@event_priority(-200)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    build = site_build(config)
    _restore_switcher(build, config)
    build.finisher.written(page_ref(page, config))
    return _localize_search(output, page=page, config=config)


# Before i18n (-100) starts the next language's build from its own
# on_post_build, after Material's search plugin (0) has written this
# language's index entries and mkdocs-redirects (0) its pages.
@event_priority(-50)
def _language_built(*, config: MkDocsConfig) -> None:
    build = site_build(config)
    language = current_language(config)
    _keep_not_found(build, config)
    path = Path(config.site_dir, INDEX_PATH)
    if not path.is_file():
        raise PluginError(f"{path} fehlt — das Such-Plugin muss in mkdocs.yml eingetragen sein.")
    index = read_index(path)
    build.search_config = dict(index.get("config") or {})
    build.search_entries[language.code] = list(index.get("docs") or [])
    build.finisher.language_built(language, site_name=config.site_name)


# After i18n (-100): in the last language's build every language is on disk
# (strict mode ends a nested build that warned right after it, so the
# site-wide checks run there, not in the outer build). The outer build ends
# last: the search indexes replace i18n's shared one, then the preview's
# banners show everything reported.
@event_priority(-200)
def _site_built(*, config: MkDocsConfig) -> None:
    build = site_build(config)
    if is_last_language_build(config):
        custom_dir = config.theme.custom_dir
        findings = build.finisher.site_built(
            template_dirs=[Path(custom_dir)] if custom_dir else [], in_pages=not _serving
        )
        report(findings, config=config)
    if is_nested_language_build(config):
        return
    build.finisher.search_indexes(build.search_entries, base_config=build.search_config)
    if is_preview(config):
        build.finisher.preview_banners(reported_findings(config))


# CombinedEvent is typed for plugin methods (with `self`); in a hook module
# MkDocs registers and calls the plain functions, which is what it is for here.
on_post_build = CombinedEvent(_language_built, _site_built)  # type: ignore[arg-type]


# Helper functions


def _add(files: Files, config: MkDocsConfig, generated: GeneratedFile, *, prefix: str) -> None:
    existing = files.get_file_from_path(generated.src_uri)
    if existing is not None:
        if existing.generated_by is None:
            return  # a file the editors put there themselves wins
        files.remove(existing)  # the previous language's file of the same name
    file = File.generated(
        config, generated.src_uri, content=generated.content, inclusion=InclusionLevel.NOT_IN_NAV
    )
    file.dest_uri = prefix + file.dest_uri
    files.append(file)


def _editions_for(page: Any, config: MkDocsConfig) -> list[Any]:
    """The editions a page links, in the language being built (``portal_editions``)."""
    if page is None or getattr(page, "file", None) is None:
        return []
    source = languages(config).default_source(page.file.src_uri)
    return list(site_build(config).finisher.editions_of(source, current_language(config)))


def _keep_not_found(build: SiteBuild, config: MkDocsConfig) -> None:
    """One „page not found“ per language: German at /404.html, English at /en/404.html.

    i18n builds every language into the same folder, so each language's
    404.html would land on the root one and the last language would win.
    """
    page = Path(config.site_dir) / NOT_FOUND
    if not page.is_file():
        return
    language = current_language(config)
    if language.default:
        build.default_not_found = page.read_bytes()
        return
    target = Path(config.site_dir) / language.prefix / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    if build.default_not_found is not None:
        page.write_bytes(build.default_not_found)


def _localize_search(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # Material writes its config script once, near the end of the page:
    # parse only from there, not the whole page with its navigation.
    language = current_language(config)
    start = output.rfind(CONFIG_SCRIPT_START)
    if start < 0:
        return output
    script = LexborHTMLParser(output[start:]).css_first("script#__config")
    if script is None:
        return output
    original = script.text(deep=True)
    # The default language's pages already look for the index at the root.
    search_language = SearchLanguage(
        locale=language.code, prefix=language.prefix, name=language.name
    )
    base = relative_root(page.url, search_language) if language.prefix else None
    localized = localize_config_script(original, base=base)
    return output[:start] + output[start:].replace(original, localized, 1)


def _point_switcher(build: SiteBuild, config: MkDocsConfig, *, page_path: str) -> None:
    """Point the language switcher (``extra.alternate``) at the same overview page."""
    alternates = config.extra.get("alternate")
    if not isinstance(alternates, list):
        return
    site = languages(config)
    # The overview page has the same path in every language, under its prefix.
    path = site.strip_prefix(page_path).removesuffix("index.html")
    updated = [dict(alternate) for alternate in alternates]
    for alternate in updated:
        code = str(alternate.get("lang"))
        prefix = site.get(code).prefix if code in site.codes else ""
        alternate["link"] = prefix + path
    build.saved_alternates = alternates
    _set_alternates(config, updated)


def _restore_switcher(build: SiteBuild, config: MkDocsConfig) -> None:
    # The entries are shared by every page of the build: put back once the page is written.
    if build.saved_alternates is not None:
        _set_alternates(config, build.saved_alternates)
        build.saved_alternates = None


def _set_alternates(config: MkDocsConfig, alternates: Any) -> None:
    # mkdocs-static-i18n sets the attribute, which Jinja reads before the item.
    setattr(config.extra, "alternate", alternates)  # noqa: B010
    config.extra["alternate"] = alternates
