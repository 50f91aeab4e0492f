"""Operator details: warn while they are unset, render them on the legal pages.

A page asks for the operator's address with the marker ``<!-- portal:operator -->``
and for one further detail with ``<!-- portal:operator:PART -->`` (PART:
data-protection-officer, log-retention, accessibility-contact); the blocks are
the template ``overrides/partials/operator.html``.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.findings import Finding
from portal.notices import notice_logger
from portal.operator import PARTS, describe_missing, missing_operator_fields

# Missing operator details are a deployment setting, not a content error, so
# this logger sits outside `mkdocs.*` on purpose: strict mode counts only
# warnings there, and a preview or CI build must not fail for want of an
# address nobody on the team knows. `make release-check` makes them required.
# It prints like any other warning of the build (see portal.notices).
log = notice_logger("portal.operator")

# A marker an editor mistyped is a content error: strict mode fails on it.
content_log = get_plugin_logger("operator")

MARKER = re.compile(r"<!-- portal:operator(?::([a-z-]+))? -->")

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
    if "<!-- portal:operator" not in markdown:
        return markdown
    template = config.theme.get_env().get_template("partials/operator.html")
    operator = config.extra.get("operator") or {}
    language = str(config.theme.get("language", "de"))

    def render(match: re.Match[str]) -> str:
        part = match.group(1) or ""
        if part not in PARTS:
            content_log.warning(str(_unknown_part(page, match.group(0))))
            return ""
        complete = not missing_operator_fields(operator, fields=PARTS[part])
        return template.render(operator=operator, part=part, complete=complete, language=language)

    return MARKER.sub(render, markdown)


# Helper functions


def _is_true(value: Any) -> bool:
    # `!ENV` hands over strings, YAML hands over booleans.
    return value is True or str(value).strip().lower() in {"1", "true", "yes", "ja"}


def _unknown_part(page: Page, marker: str) -> Finding:
    path = f"docs/{page.file.src_uri}"
    text = page.file.content_string
    line = text[: text.find(marker)].count("\n") + 1 if marker in text else 0
    allowed = ", ".join(f"<!-- portal:operator{':' + name if name else ''} -->" for name in PARTS)
    return Finding(
        path,
        line,
        f"unbekannte Betreiberangabe „{marker}“",
        f"schreiben Sie eine der Marken {allowed}.",
    )
