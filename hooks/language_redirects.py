"""Old English (and further languages') addresses of moved pages lead to the new page.

mkdocs-redirects maps the default language only (mkdocs/mkdocs-redirects#33);
this hook writes the other languages' redirect pages from the same
``redirect_maps`` entries. The logic lives in ``portal.redirects``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from portal.mkdocs_adapter import (
    is_last_language_build,
    languages,
    project_root,
    redirect_maps,
    report,
)
from portal.redirects import language_redirects, write_pages

# Hooks


# When every language is on disk: after i18n's nested builds (-100), before
# the link guard (-500), which checks these pages' targets, and before the
# Content Security Policy (-600), which goes into every page.
@event_priority(-200)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_language_build(config):
        return
    config_file = Path(config.config_file_path) if config.config_file_path else None
    shown = "mkdocs.yml"
    text = ""
    if config_file is not None:
        text = config_file.read_text(encoding="utf-8-sig")
        try:
            shown = config_file.resolve().relative_to(project_root(config)).as_posix()
        except ValueError:
            shown = config_file.name
    pages, findings = language_redirects(
        redirect_maps(config),
        languages=languages(config),
        docs_dir=Path(config.docs_dir),
        config_shown=shown,
        config_text=text,
    )
    write_pages(Path(config.site_dir), pages)
    report(findings, config=config)
