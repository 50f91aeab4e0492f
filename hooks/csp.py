"""Content Security Policy: into every built page, and as a header file for nginx.

The logic lives in ``portal.csp``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from portal.csp import form_targets, secure_site
from portal.findings import ConfigurationError
from portal.mkdocs_adapter import (
    BuildState,
    configuration_error,
    is_last_language_build,
    project_root,
    report,
)

# Built page → its source file, for every language.
_sources: BuildState[dict[str, Path]] = BuildState(dict)

# Whether this process runs `mkdocs serve`: its live-reload code is inline.
_serving = False

# Hooks


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    # mkdocs serve adds `<script>livereload(…)</script>` to every page it sends,
    # different for every request: no hash can allow it, so the preview pages
    # carry no policy (nginx and the tests serve built pages, which do).
    _serving = command == "serve"


# Last, so that the page is recorded with the file i18n gave it.
@event_priority(-500)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    file = page.file
    if not file.generated_by and file.abs_src_path:
        _sources.of(config)[file.dest_uri] = Path(file.abs_src_path).resolve()
    return output


# The policy needs every page as readers get it: after the last language is
# written and after every handler that writes or changes pages in
# on_post_build (mkdocs-redirects at 0, the link guard at -500).
@event_priority(-600)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_language_build(config):
        return
    try:
        targets = form_targets(config.extra)
    except ConfigurationError as error:
        raise configuration_error(error) from error
    _, findings = secure_site(
        Path(config.site_dir),
        targets=targets,
        sources=_sources.of(config),
        root=project_root(config),
        in_pages=not _serving,
    )
    report(findings, config=config)
