"""The language model for templates: which language this build is, and its folder.

Templates ask ``portal_language`` (code, name, prefix, default) instead of
comparing ``config.theme.language`` with a literal code, so that a further
language in mkdocs.yml needs no template change; its labels are the English
ones until the templates learn it.
"""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from portal.mkdocs_adapter import current_language, languages

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each build;
# MkDocs makes a new template environment for every (language) build.
@event_priority(-110)
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    env.globals["portal_language"] = current_language(config)
    env.globals["portal_languages"] = languages(config)
    return env
