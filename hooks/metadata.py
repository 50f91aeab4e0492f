"""Front matter: checked for every page at every build, shown to readers.

The checks are plain functions in ``portal.metadata``; this file only
connects them to MkDocs. Findings are warnings under ``mkdocs.*``, all
listed before strict mode stops the build. Chapters due for review are a
notice outside that tree unless ``extra.fail_on_overdue_review`` is set.
"""

from __future__ import annotations

import dataclasses
import datetime
from copy import deepcopy
from pathlib import Path
from typing import Any

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portal.metadata import CheckResult, check_docs
from portal.metadata.audiences import (
    AUDIENCES,
    OVERVIEW_DIR,
    Audience,
    OverviewEntry,
    index_markdown,
    overview_markdown,
)
from portal.metadata.display import page_meta
from portal.metadata.rules import PageRecord
from portal.notices import notice_logger
from portal.roles import DEFAULT_ROLES, Role, roles_from_config

log = get_plugin_logger("metadata")
notices = notice_logger("portal.review")

AUDIENCE_LIST_TEMPLATE = "partials/audience-list.html"

# The check runs once per build, in the pass of the default language; the
# passes of further languages (mkdocs-static-i18n runs the whole build again)
# reuse its result, so every finding is listed exactly once. A new build
# (also under `mkdocs serve`) reloads this module and starts afresh.
_result: CheckResult | None = None
# The roles of extra.roles, read with the check (owners, reviewers' labels).
_roles: tuple[Role, ...] = DEFAULT_ROLES

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each pass.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _result, _roles
    language, default, others = _languages(config)
    if _result is None or language == default:
        docs_dir = Path(config.docs_dir)
        _roles, role_findings = roles_from_config(config.extra.get("roles"))
        _result = check_docs(
            docs_dir,
            project_root=Path(config.config_file_path).parent,
            languages=others,
            roles=_roles,
        )
        for finding in [*role_findings, *_result.findings]:
            log.warning(str(finding))
        overdue_log = log if _is_true(config.extra.get("fail_on_overdue_review")) else notices
        for finding in _result.overdue(today=datetime.date.today()):
            overdue_log.warning(str(finding))
    return config


# After mkdocs-static-i18n (-100), which chooses the files of this language:
# the overview pages are added to that set, under this language's folder.
@event_priority(-110)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    if _result is None:
        return files
    language, default, _ = _languages(config)
    prefix = "" if language == default else f"{language}/"
    template = config.theme.get_env().get_template(AUDIENCE_LIST_TEMPLATE)
    pages = _result.pages
    # One look-up table for the thousands of entries: mkdocs-static-i18n marks
    # each file of this language's set with the German path it stands for.
    by_source = {
        str(getattr(file, "norm_src_uri", file.src_uri)): file
        for file in files.documentation_pages()
    }
    audiences: list[Audience | None] = [None, *AUDIENCES.values()]
    for audience in audiences:
        src_uri = f"{OVERVIEW_DIR}/{audience.slug if audience else 'index'}.md"
        if files.get_file_from_path(src_uri) is not None:
            continue  # a page the editors wrote themselves wins
        file = File.generated(config, src_uri, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        file.dest_uri = prefix + file.dest_uri
        # The lists link from the page's final address: known only now.
        if audience is None:
            file.content_string = index_markdown(pages=pages, language=language)
        else:
            file.content_string = _overview(
                audience,
                file,
                pages=pages,
                language=language,
                by_source=by_source,
                template=template,
            )
        files.append(file)
    return files


# After mkdocs-static-i18n (50), which points the language switcher at the
# translation of documentation pages but leaves generated pages alone.
@event_priority(-110)
def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    if _result is None:
        return context
    language, default, _ = _languages(config)
    src_uri = page.file.src_uri
    if page.file.generated_by is not None and src_uri.startswith("zielgruppen/"):
        _point_switcher_at(config, page_path=page.file.dest_uri, default=default)
        return context
    record = _result.pages.get(src_uri)
    if record is None:
        return context
    prefix = "" if language == default else f"{language}/"
    urls = {value: f"{prefix}zielgruppen/{audience.slug}/" for value, audience in AUDIENCES.items()}
    context["portal_meta"] = page_meta(
        record, language=language, audience_urls=urls, today=datetime.date.today(), roles=_roles
    )
    return context


# Helper functions


def _overview(
    audience: Audience,
    overview: File,
    *,
    pages: dict[str, PageRecord],
    language: str,
    by_source: dict[str, File],
    template: Template,
) -> str:
    def render_list(entries: list[OverviewEntry]) -> str:
        listed = []
        for entry in entries:
            target = by_source.get(entry.src_uri)
            if target is None:
                continue  # excluded from the build (exclude_docs, drafts)
            href = target.url_relative_to(overview)
            listed.append({**dataclasses.asdict(entry), "href": href, "lang": entry.language})
        return template.render(entries=listed, language=language)

    return overview_markdown(audience, pages=pages, language=language, render_list=render_list)


def _languages(config: MkDocsConfig) -> tuple[str, str, tuple[str, ...]]:
    """(language of this pass, default language, all other languages)."""
    i18n = config.plugins.get("i18n")
    default = str(getattr(i18n, "default_language", None) or "de")
    current = str(getattr(i18n, "current_language", None) or default)
    languages = getattr(i18n, "all_languages", None) or [default]
    return current, default, tuple(str(lang) for lang in languages if lang != default)


def _point_switcher_at(config: MkDocsConfig, *, page_path: str, default: str) -> None:
    alternates = config.extra.get("alternate")
    if not isinstance(alternates, list):
        return
    # The overview page has the same path in every language, under its prefix.
    path = page_path.split("/", 1)[1] if not page_path.startswith("zielgruppen/") else page_path
    path = path.removesuffix("index.html")
    updated = deepcopy(alternates)
    for alternate in updated:
        lang = alternate.get("lang")
        alternate["link"] = path if lang == default else f"{lang}/{path}"
    # mkdocs-static-i18n sets the attribute, which Jinja reads before the item.
    setattr(config.extra, "alternate", updated)  # noqa: B010
    config.extra["alternate"] = updated


def _is_true(value: Any) -> bool:
    # `!ENV` hands over strings, YAML hands over booleans.
    return value is True or str(value).strip().lower() in {"1", "true", "yes", "ja"}
