"""Redaktionshandbuch: its generated parts, and the footer link to it.

- ``<!-- portal:frontmatter-reference -->`` in a page becomes the reference
  of every front matter field, written from the JSON Schemas
  (`portal.handbook.reference`): the schemas stay the one source.
- ``<!-- portal:translations -->`` becomes the translation report
  (`portal.translations`): what is missing, outdated or not recorded.
- ``<!-- portal:messages -->`` becomes every message of the checks with an
  example, made by the checks' own functions (`portal.handbook.messages`).
- When ``docs/redaktion/index.md`` exists, the footer links it
  (``extra.portal_handbook``, read by ``overrides/partials/copyright.html``);
  the handbook is not in the readers' navigation.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.handbook import MESSAGES_MARKER, REFERENCE_MARKER, TRANSLATIONS_MARKER
from portal.handbook.messages import messages_markdown
from portal.handbook.reference import reference_markdown
from portal.mkdocs_adapter import BuildState, languages, project_root
from portal.project import Project
from portal.translations.report import markdown_report
from portal.translations.status import translation_states

HANDBOOK_INDEX = "redaktion/index.md"

# The report once per site build (every language build shows the same one).
_reports: BuildState[dict[str, str]] = BuildState(dict)


# After mkdocs-static-i18n (-100), which runs on_config again per language.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if (Path(config.docs_dir) / HANDBOOK_INDEX).is_file():
        config.extra["portal_handbook"] = "redaktion/"
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if REFERENCE_MARKER in markdown:
        markdown = markdown.replace(REFERENCE_MARKER, reference_markdown())
    if MESSAGES_MARKER in markdown:
        markdown = markdown.replace(MESSAGES_MARKER, messages_markdown())
    if TRANSLATIONS_MARKER in markdown:
        reports = _reports.of(config)
        if "translations" not in reports:
            project = Project(
                root=project_root(config),
                config_file=Path(config.config_file_path),
                docs_dir=Path(config.docs_dir).resolve(),
                languages=languages(config),
            )
            reports["translations"] = markdown_report(project, translation_states(project))
        markdown = markdown.replace(TRANSLATIONS_MARKER, reports["translations"])
    return markdown
