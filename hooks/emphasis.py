"""Emphasis guard: no emphasis starts or ends inside a word, no gender star is lost.

``portal.gender_star`` (in ``mkdocs.yml`` under ``markdown_extensions``)
keeps the Gendersternchen a star where Markdown is read. This hook checks
each page's rendered content with ``portal.emphasis`` and reports what still
went wrong (``**ASD**s``, an unclosed ``**``, a missing extension) at the
line of the source file, as a finding that fails the strict build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.emphasis import EmphasisProblem, emphasis_problems
from portal.findings import Finding
from portal.mkdocs_adapter import project_root, report
from portal.sources import SourceFile, source_cache

# Hooks


# Last among the content handlers: whatever other hooks add to the HTML is
# checked too.
@event_priority(-100)
def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = emphasis_problems(html)
    if not problems:
        return html
    root = project_root(config)
    source_path = page.file.abs_src_path
    source = None
    if source_path and Path(source_path).is_file():
        source = source_cache(root).get(Path(source_path))
    shown = source.path if source else page.file.src_uri
    # A German page shown in the English build (fallback) is rendered twice:
    # the adapter reports each finding once per build.
    findings = [
        Finding(shown, _line(source, problem), problem.problem, problem.fix) for problem in problems
    ]
    report(findings, config=config)
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
