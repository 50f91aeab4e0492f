"""Emphasis guard: no emphasis starts or ends inside a word, no gender star is lost.

``portal.gender_star`` (in ``mkdocs.yml`` under ``markdown_extensions``)
keeps the Gendersternchen a star where Markdown is read. This hook checks
each page's rendered content with ``portal.emphasis`` and reports what still
went wrong (``**ASD**s``, an unclosed ``**``, a missing extension) at the
line of the source file, as a finding that fails the strict build.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.emphasis import EmphasisProblem, emphasis_problems
from portal.findings import Finding
from portal.i18n_builds import is_nested_language_build
from portal.sources import SourceFile, source_cache

# Straight under `mkdocs.*`, so that strict mode counts the warnings, and each
# line starts with the file and line an editor jumps to.
log = logging.getLogger("mkdocs.plugins.portal.emphasis")

# A German page shown in the English build (fallback) is rendered twice; its
# findings are reported once per build. Reset when a top-level build starts.
_reported: set[Finding] = set()

# Hooks


# After mkdocs-static-i18n (-100), which runs on_config again for every
# further language: only the top-level build starts with an empty set.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not is_nested_language_build(config):
        _reported.clear()
    return config


# Last among the content handlers: whatever other hooks add to the HTML is
# checked too.
@event_priority(-100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = emphasis_problems(html)
    if not problems:
        return html
    root = Path(config.config_file_path).parent
    source_path = page.file.abs_src_path
    source = None
    if source_path and Path(source_path).is_file():
        source = source_cache(root).get(Path(source_path))
    shown = source.path if source else page.file.src_uri
    for problem in problems:
        finding = Finding(shown, _line(source, problem), problem.problem, problem.fix)
        if finding not in _reported:
            _reported.add(finding)
            log.warning(str(finding))
    return html


# Helper functions


def _line(source: SourceFile | None, problem: EmphasisProblem) -> int:
    # The rendered words lost their stars; the source still has them right
    # after the word where the emphasis went wrong.
    if source is None:
        return 0
    for needle in (problem.anchor + "*", problem.anchor + "_", problem.anchor):
        line = source.line_of(needle, start=source.body_line)
        if line:
            return line
    return 0
