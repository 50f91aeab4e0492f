"""Operator details: warn while they are unset, render them on the legal pages.

A page asks for the operator block with the marker ``<!-- portal:operator -->``;
the block itself is the template ``overrides/partials/operator.html``.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.notices import notice_logger
from portal.operator import describe_missing, missing_operator_fields

# Missing operator details are a deployment setting, not a content error, so
# this logger sits outside `mkdocs.*` on purpose: strict mode counts only
# warnings there, and a preview or CI build must not fail for want of an
# address nobody on the team knows. `make release-check` makes them required.
# It prints like any other warning of the build (see portal.notices).
log = notice_logger("portal.operator")

MARKER = "<!-- portal:operator -->"

# Hooks


# After mkdocs-static-i18n (-100), which sets the theme language of each
# language build; it runs on_config again for every further language, and
# one warning per build is enough.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if config.theme.get("language", "de") != "de":
        return config
    missing = missing_operator_fields(config.extra.get("operator"))
    if missing:
        message = describe_missing(missing)
        if _is_true(config.extra.get("require_operator")):
            raise PluginError(message)
        log.warning(message)
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    template = config.theme.get_env().get_template("partials/operator.html")
    operator = config.extra.get("operator") or {}
    block = template.render(
        operator=operator,
        complete=not missing_operator_fields(operator),
        language=str(config.theme.get("language", "de")),
    )
    return markdown.replace(MARKER, block)


# Helper functions


def _is_true(value: Any) -> bool:
    # `!ENV` hands over strings, YAML hands over booleans.
    return value is True or str(value).strip().lower() in {"1", "true", "yes", "ja"}
