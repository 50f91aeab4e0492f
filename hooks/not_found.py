"""One "page not found" per language: German at /404.html, English at /en/404.html.

mkdocs-static-i18n builds every further language into the same site folder
with the same `site_dir`, so each language's 404.html lands on the root one
and the last language wins: German readers would get an English error page.
This hook keeps the default language's page at the root and moves each
further language's page into its own folder.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from portal.mkdocs_adapter import BuildState, current_language

NOT_FOUND = "404.html"

# The default language's page, kept between its build and the nested builds.
_default_page: BuildState[dict[str, bytes]] = BuildState(dict)

# Hooks


# Before mkdocs-static-i18n (-100), whose on_post_build runs the nested builds
# of the further languages: in the default build this sees the page before
# anything overwrites it; in a nested build it runs right after its 404.html
# was written, which is the moment to move it away.
@event_priority(0)
def on_post_build(*, config: MkDocsConfig) -> None:
    page = Path(config.site_dir) / NOT_FOUND
    if not page.is_file():
        return
    language = current_language(config)
    if language.default:
        _default_page.of(config)[config.site_dir] = page.read_bytes()
        return
    target = Path(config.site_dir) / language.prefix / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    page.replace(target)
    saved = _default_page.of(config).get(config.site_dir)
    if saved is not None:
        page.write_bytes(saved)
