"""The portal's own partials (``overrides/partials/``), rendered without the engine.

The blocks the stages write into pages (lists, facts, forms) are Jinja
templates in the theme's folder of overrides, so that designers find them
beside the theme's. They use plain Jinja and the portal's filters only, so
any engine's renderer, or none, can render them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, Template

from portal.labels import label
from portal.law_links import link_citations


def _label_filter(value: str, feature: str, language: str) -> str:
    return label(feature, str(value), language=language)


TEMPLATE_FILTERS: dict[str, Callable[..., str]] = {
    # {{ "dokumentiert" | portal_label("status", language) }}: portal.labels
    "portal_label": _label_filter,
    # {{ text | law_links }}: plain text, escaped, citations of law linked
    "law_links": link_citations,
}
"""The portal's Jinja filters, in the page templates and in every partial the stages render."""


def add_template_filters(env: Environment) -> Environment:
    env.filters.update(TEMPLATE_FILTERS)
    return env


class Templates:
    """The partials of one checkout's theme overrides."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get(self, name: str) -> Template:
        return _environment(self.folder.resolve()).get_template(name)

    def render(self, name: str, **context: object) -> str:
        return self.get(name).render(**context)


@cache
def _environment(folder: Path) -> Environment:
    # As MkDocs' theme environment: no autoescaping, the partials escape with `| e`.
    return add_template_filters(Environment(loader=FileSystemLoader(str(folder)), auto_reload=True))
