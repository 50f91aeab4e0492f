"""The portal's own words on pages, in the language of each build (``portal.labels``).

- Templates get the portal's filters (``portal_label``, ``law_links``;
  ``portal.mkdocs_adapter.TEMPLATE_FILTERS``):
  ``{{ "dokumentiert" | portal_label("status", language) }}``.
- The title of the heading permalinks ("¶") is set per language build, so
  that English pages do not say „Link zu diesem Abschnitt“.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from portal.labels import label
from portal.mkdocs_adapter import add_template_filters, current_language

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each build and
# runs on_config again for every further language: every build sets the
# title for its own language, so none inherits the previous build's.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    toc = config.mdx_configs.setdefault("toc", {})
    toc["permalink_title"] = label("page", "permalink", language=current_language(config).code)
    return config


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    return add_template_filters(env)
