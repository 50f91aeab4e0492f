"""Glossary: the abbreviation file becomes the glossary page and tooltips everywhere.

- The glossary page asks for the list with the marker ``<!-- portal:glossary -->``;
  the list itself is the template ``overrides/partials/glossary.html``.
- Every page gets ``*[ASD]: …`` definitions for the abbreviations it uses, which
  Python-Markdown's ``abbr`` extension turns into ``<abbr title="…">``; Material's
  ``content.tooltips`` shows them on hover, and a tab stop on each ``<abbr>``
  shows them on keyboard focus too.

The logic lives in ``portal.glossary``; this file only connects it to MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.findings import Finding, format_findings
from portal.glossary import (
    GLOSSARY_FILE,
    FocusableAbbrExtension,
    GlossaryEntry,
    append_definitions,
    load_glossary,
)
from portal.sources import source_cache

log = get_plugin_logger("glossary")

MARKER = "<!-- portal:glossary -->"


@dataclass
class _State:
    """What one language build knows about the glossary."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    found: bool = False
    shown: str = GLOSSARY_FILE


# mkdocs-static-i18n builds every language with the same config object, one
# after the other; on_config refills this for each of those builds and for
# each rebuild of `mkdocs serve`.
_state = _State()

# Hooks


# After mkdocs-static-i18n (-100), which sets the language of each build:
# the file is read again per language build (an edit under `mkdocs serve`
# shows at once) and its problems are reported in the default language only,
# so each appears once per build.
@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, FocusableAbbrExtension) for ext in config.markdown_extensions):
        # Python-Markdown takes extension objects as well as names; MkDocs passes
        # the list on unchanged.
        config.markdown_extensions.append(FocusableAbbrExtension())
    root = Path(config.config_file_path).parent
    file = Path(config.docs_dir) / GLOSSARY_FILE
    shown = _shown(file, root=root)
    entries: list[GlossaryEntry] = []
    findings: list[Finding] = []
    if file.is_file():
        entries, findings = load_glossary(file, shown=shown)
    _state.entries, _state.found, _state.shown = entries, file.is_file(), shown
    if _is_default_language(config):
        for message in format_findings(findings):
            log.warning(message)
    return config


# Late, below the default 0, so that text other hooks add to the Markdown
# gets its abbreviations explained as well.
@event_priority(-90)
def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _page_language(page, config)
    # Definitions first: the glossary list names every abbreviation, and its
    # HTML is not Markdown the `abbr` extension would look into anyway.
    markdown = append_definitions(markdown, _state.entries, language=language)
    if MARKER not in markdown:
        return markdown
    if not _state.found:
        root = Path(config.config_file_path).parent
        source = Path(page.file.abs_src_path or "")
        line = source_cache(root).get(source).line_of(MARKER) if source.is_file() else 0
        finding = Finding(
            _shown(source, root=root),
            line,
            f"Die Seite zeigt das Glossar, aber {_state.shown} fehlt",
            "legen Sie die Datei an oder entfernen Sie die Markierung " + MARKER + ".",
        )
        log.warning(str(finding))
        return markdown
    template = config.theme.get_env().get_template("partials/glossary.html")
    block = template.render(entries=_state.entries, language=language)
    return markdown.replace(MARKER, block)


# Helper functions


def _page_language(page: Page, config: MkDocsConfig) -> str:
    # A German page shown in the English build as a fallback still reads
    # German, so its tooltips stay German: mkdocs-static-i18n marks the
    # file's own language on the file.
    locale = getattr(page.file, "locale", None)
    return str(locale or config.theme.get("language", "de"))


def _is_default_language(config: MkDocsConfig) -> bool:
    default = getattr(config.plugins.get("i18n"), "default_language", None)
    return default is None or config.theme.get("language") == default


def _shown(path: Path, *, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
