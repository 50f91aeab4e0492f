"""Glossary: the abbreviation file becomes the glossary page and tooltips everywhere.

- The glossary page asks for the list with the marker ``<!-- portal:glossary -->``;
  the list itself is the template ``overrides/partials/glossary.html``.
- Every page gets ``*[ASD]: …`` definitions for the abbreviations it uses, which
  Python-Markdown's ``abbr`` extension turns into ``<abbr title="…">``: the
  browser shows the title on hover, and a tab stop on each ``<abbr>`` shows it
  on keyboard focus and touch (portal.css, portal-abbr.js; not Material's
  ``content.tooltips``, whose script cost phones most of a page view's time).

The logic lives in ``portal.glossary``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.findings import Finding
from portal.glossary import (
    GLOSSARY_FILE,
    FocusableAbbrExtension,
    GlossaryEntry,
    alphabetical,
    append_definitions,
    load_glossary,
)
from portal.mkdocs_adapter import (
    BuildState,
    current_language,
    file_language,
    languages,
    partial,
    project_root,
    report,
)
from portal.sources import source_cache

MARKER = "<!-- portal:glossary -->"


@dataclass
class _State:
    """What one language build knows about the glossary."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    found: bool = False
    shown: str = GLOSSARY_FILE


# Per site build and per language: the file is read again for each language
# build, so an edit under `mkdocs serve` shows at once.
_states: BuildState[dict[str, _State]] = BuildState(dict)

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, FocusableAbbrExtension) for ext in config.markdown_extensions):
        # Python-Markdown takes extension objects as well as names; MkDocs passes
        # the list on unchanged.
        config.markdown_extensions.append(FocusableAbbrExtension())
    root = project_root(config)
    file = Path(config.docs_dir) / GLOSSARY_FILE
    shown = _shown(file, root=root)
    entries: list[GlossaryEntry] = []
    findings: list[Finding] = []
    if file.is_file():
        entries, findings = load_glossary(file, shown=shown)
    _states.of(config)[current_language(config).code] = _State(entries, file.is_file(), shown)
    report(findings, config=config)
    return config


# Late, below the default 0, so that text other hooks add to the Markdown
# gets its abbreviations explained as well.
@event_priority(-90)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # A German page shown in the English build as a fallback still reads
    # German, so its tooltips stay German.
    language = file_language(page.file, config).code
    state = _states.of(config)[current_language(config).code]
    # Definitions first: the glossary list names every abbreviation, and its
    # HTML is not Markdown the `abbr` extension would look into anyway.
    markdown = append_definitions(markdown, state.entries, language=language)
    if MARKER not in markdown:
        return markdown
    if not state.found:
        root = project_root(config)
        source = Path(page.file.abs_src_path or "")
        line = source_cache(root).get(source).line_of(MARKER) if source.is_file() else 0
        finding = Finding(
            _shown(source, root=root),
            line,
            f"Die Seite zeigt das Glossar, aber {state.shown} fehlt",
            "legen Sie die Datei an oder entfernen Sie die Markierung " + MARKER + ".",
        )
        report([finding], config=config)
        return markdown
    template = partial(config, "partials/glossary.html")
    # Readers look a term up by its letter; the file keeps the editors' order.
    block = template.render(
        entries=alphabetical(state.entries),
        language=language,
        default_language=languages(config).default.code,
    )
    return markdown.replace(MARKER, block)


# Helper functions


def _shown(path: Path, *, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
