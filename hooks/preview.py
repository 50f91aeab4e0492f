"""The editors' preview: each page shows the findings about it in a banner.

Only in the preview (``make serve``: ``PORTAL_PREVIEW=true mkdocs serve
--no-strict``, see ``portal.mkdocs_adapter.is_preview``); a strict build never
gets here. The logic lives in ``portal.preview``; this file only connects it
to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from portal.mkdocs_adapter import (
    BuildState,
    is_nested_language_build,
    is_preview,
    languages,
    project_root,
    reported_findings,
)
from portal.preview import banners_by_page, insert_banner

# Built page → its source file as findings name it, for every language.
_sources: BuildState[dict[str, str]] = BuildState(dict)

# Hooks


# Last, so that the page is recorded with the file i18n gave it.
@event_priority(-500)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    file = page.file
    if is_preview(config) and not file.generated_by and file.abs_src_path:
        _sources.of(config)[file.dest_uri] = _shown(Path(file.abs_src_path), project_root(config))
    return output


# After everything that reports: the link guard (-500) and the security
# policy (-600) run at the end of the last language's build, which i18n
# (-100) starts inside the default language's on_post_build. So the banners
# are written when that outer build ends, not in the nested builds.
@event_priority(-1000)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_preview(config) or is_nested_language_build(config):
        return
    site_dir = Path(config.site_dir)
    banners = banners_by_page(
        reported_findings(config),
        pages=_sources.of(config),
        start_pages=[f"{language.prefix}index.html" for language in languages(config)],
    )
    for dest, banner in banners.items():
        path = site_dir / dest
        if not path.is_file():
            continue
        html = insert_banner(path.read_text(encoding="utf-8"), banner)
        if html is not None:
            path.write_text(html, encoding="utf-8")


# Helper functions


def _shown(path: Path, root: Path) -> str:
    """`path` as findings name it: relative to the project where it lies inside."""
    path = path.resolve()
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
