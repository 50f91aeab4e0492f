"""Front matter: checked for every page at every build, shown to readers.

The checks are plain functions in ``portal.metadata``; this file only
connects them to MkDocs. Findings go to the build through
``portal.mkdocs_adapter.report``, all listed before strict mode stops the
build. Chapters due for review are a notice that does not fail the build,
unless ``extra.fail_on_overdue_review`` is set.
"""

from __future__ import annotations

import dataclasses
from copy import deepcopy
from pathlib import Path
from typing import Any

from jinja2 import Template
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from portal.findings import ConfigurationError
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
from portal.mkdocs_adapter import (
    BuildState,
    build_day,
    configuration_error,
    current_language,
    is_true,
    languages,
    partial,
    project_root,
    report,
)
from portal.roles import DEFAULT_ROLES, Role, roles_from_config

AUDIENCE_LIST_TEMPLATE = "partials/audience-list.html"


class _State:
    """The check's result for one site build: run once, used by every language."""

    def __init__(self) -> None:
        self.result: CheckResult | None = None
        self.roles: tuple[Role, ...] = DEFAULT_ROLES
        """The roles of extra.roles, read with the check (owners, reviewers' labels)."""


_state: BuildState[_State] = BuildState(_State)

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each pass.
# The check runs once per site build, in the pass of the default language;
# the passes of further languages reuse its result.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = _state.of(config)
    if state.result is None:
        state.roles, role_findings = roles_from_config(config.extra.get("roles"))
        try:
            state.result = check_docs(
                Path(config.docs_dir),
                project_root=project_root(config),
                languages=languages(config),
                roles=state.roles,
            )
        except ConfigurationError as error:  # a broken schema: the portal's, not an editor's
            raise configuration_error(error) from error
        report([*role_findings, *state.result.findings], config=config)
        report(
            state.result.overdue(today=build_day()),
            config=config,
            notice=not is_true(config.extra.get("fail_on_overdue_review")),
        )
    return config


# After mkdocs-static-i18n (-100), which chooses the files of this language:
# the overview pages are added to that set, under this language's folder.
@event_priority(-110)
def on_files(files: Files, /, *, config: MkDocsConfig) -> Files:
    result = _state.of(config).result
    if result is None:
        return files
    language = current_language(config).code
    prefix = current_language(config).prefix
    template = partial(config, AUDIENCE_LIST_TEMPLATE)
    pages = result.pages
    # One look-up table for the thousands of entries: mkdocs-static-i18n marks
    # each file of this language's set with the German path it stands for.
    by_source = {
        str(getattr(file, "norm_src_uri", file.src_uri)): file
        for file in files.documentation_pages()
    }
    # Reading order: the nav of mkdocs.yml, German source paths (the nav
    # itself is built only after this event).
    order = _nav_order(config.nav or [])
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
                order=order,
            )
        files.append(file)
    return files


# After mkdocs-static-i18n (50), which points the language switcher at the
# translation of documentation pages but leaves generated pages alone.
@event_priority(-110)
def on_page_context(
    context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    result = _state.of(config).result
    if result is None:
        return context
    language = current_language(config)
    src_uri = page.file.src_uri
    if page.file.generated_by is not None and src_uri.startswith(f"{OVERVIEW_DIR}/"):
        _switcher.of(config).point_at(config, page_path=page.file.dest_uri)
        return context
    record = result.pages.get(src_uri)
    if record is None:
        return context
    urls = {
        value: f"{language.prefix}{OVERVIEW_DIR}/{audience.slug}/"
        for value, audience in AUDIENCES.items()
    }
    context["portal_meta"] = page_meta(
        record,
        language=language.code,
        audience_urls=urls,
        today=build_day(),
        roles=_state.of(config).roles,
    )
    return context


# The switcher entries changed for an overview page are shared by every page
# of the build: put back once the page is written.
@event_priority(-110)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    _switcher.of(config).restore(config)
    return output


# Helper functions


def _overview(
    audience: Audience,
    overview: File,
    *,
    pages: dict[str, PageRecord],
    language: str,
    by_source: dict[str, File],
    template: Template,
    order: list[str],
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

    return overview_markdown(
        audience, pages=pages, language=language, render_list=render_list, order=order
    )


def _nav_order(items: Any) -> list[str]:
    """The source paths of the nav as written in mkdocs.yml, in order."""
    found: list[str] = []
    entries = items if isinstance(items, list) else [items]
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
        elif isinstance(entry, dict):
            for value in entry.values():
                found += _nav_order(value)
    return found


class _Switcher:
    """The language switcher's entries (``extra.alternate``) while one page changes them."""

    def __init__(self) -> None:
        self.saved: Any = None

    def point_at(self, config: MkDocsConfig, *, page_path: str) -> None:
        """Point every entry at the same overview page in its language."""
        alternates = config.extra.get("alternate")
        if not isinstance(alternates, list):
            return
        site = languages(config)
        # The overview page has the same path in every language, under its prefix.
        path = site.strip_prefix(page_path).removesuffix("index.html")
        updated = deepcopy(alternates)
        for alternate in updated:
            code = str(alternate.get("lang"))
            prefix = site.get(code).prefix if code in site.codes else ""
            alternate["link"] = prefix + path
        self.saved = alternates
        _set_alternates(config, updated)

    def restore(self, config: MkDocsConfig) -> None:
        if self.saved is not None:
            _set_alternates(config, self.saved)
            self.saved = None


_switcher: BuildState[_Switcher] = BuildState(_Switcher)


def _set_alternates(config: MkDocsConfig, alternates: Any) -> None:
    # mkdocs-static-i18n sets the attribute, which Jinja reads before the item.
    setattr(config.extra, "alternate", alternates)  # noqa: B010
    config.extra["alternate"] = alternates
