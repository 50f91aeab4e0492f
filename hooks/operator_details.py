"""Operator details: warn while they are unset, render them on the legal pages.

A page asks for the operator's address with the marker ``<!-- portal:operator -->``
and for one further detail with ``<!-- portal:operator:PART -->`` (PART:
data-protection-officer, log-retention, accessibility-contact); the blocks are
the template ``overrides/partials/operator.html``.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.deployment import release_address_finding
from portal.findings import Finding
from portal.mkdocs_adapter import (
    current_language,
    is_true,
    languages,
    partial,
    project_root,
    report,
)
from portal.operator import PARTS, missing_finding, missing_operator_fields
from portal.site_config import load_site_config

MARKER = re.compile(r"<!-- portal:operator(?::([a-z-]+))? -->")

# Hooks


# Missing operator details are a deployment setting, not a content error: a
# notice that does not fail a preview or CI build for want of an address
# nobody on the team knows. `make release-check` makes them required.
# After mkdocs-static-i18n (-100); the adapter prints the notice once per build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    release = is_true(config.extra.get("require_operator"))
    site_config = load_site_config(Path(config.config_file_path))
    root = project_root(config)
    findings = []
    missing = missing_operator_fields(config.extra.get("operator"))
    if missing:
        findings.append(
            missing_finding(
                missing,
                path=site_config.shown("extra", root),
                line=site_config.line_of("extra", "operator"),
            )
        )
    if release:
        address = release_address_finding(
            config.site_url or "",
            path=site_config.shown("site_url", root),
            line=site_config.line_of("site_url"),
        )
        findings += [address] if address else []
    # A release build lists every missing detail and then fails (strict mode).
    report(findings, config=config, notice=not release)
    return config


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!-- portal:operator" not in markdown:
        return markdown
    template = partial(config, "partials/operator.html")
    operator = config.extra.get("operator") or {}
    language = current_language(config).code

    def render(match: re.Match[str]) -> str:
        part = match.group(1) or ""
        if part not in PARTS:
            # A marker an editor mistyped is a content error: strict mode fails on it.
            report([_unknown_part(page, match.group(0))], config=config)
            return ""
        complete = not missing_operator_fields(operator, fields=PARTS[part])
        return template.render(
            operator=operator,
            part=part,
            complete=complete,
            language=language,
            default_language=languages(config).default.code,
        )

    return MARKER.sub(render, markdown)


# Helper functions


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
