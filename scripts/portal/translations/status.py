"""Which pages lack a translation and which translations are behind their source.

For every page in the default language and every further language: the
translation is missing, up to date (its ``translated_from`` is the source's
current digest), outdated (the source changed since), or its state is not
recorded (no ``translated_from`` yet).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pathspec

from portal.languages import Language
from portal.metadata import check_docs
from portal.project import Project
from portal.translations import FIELD, source_digest

MISSING = "fehlt"
CURRENT = "aktuell"
OUTDATED = "veraltet"
UNRECORDED = "nicht erfasst"
STATES = (OUTDATED, UNRECORDED, MISSING, CURRENT)
"""In the order the report lists them: what needs work first."""

TOP_LEVEL = "(oberste Ebene)"

UNTRANSLATED_SECTIONS = ("redaktion",)
"""Folders written in the default language only, by design: the Redaktionshandbuch
is for the editorial team of the operating authority, not for readers."""


@dataclass(frozen=True, order=True)
class Translation:
    """One page in the default language and its state in one further language."""

    section: str
    source: str
    """Path below docs/ of the page in the default language."""
    language: str
    state: str
    target: str
    """Path below docs/ of the translation (existing or not)."""


def translation_states(project: Project) -> list[Translation]:
    """Every (page, further language) pair of the checkout with its state, sorted."""
    languages = project.languages
    config = project.read_config()
    excluded = pathspec.GitIgnoreSpec.from_lines(
        [".*", "/templates/", *config.patterns("exclude_docs")]
    )
    result = check_docs(project.docs_dir, project_root=project.root, languages=languages)
    states: list[Translation] = []
    for src_uri in sorted(result.pages):
        if not languages.of_source(src_uri).default or excluded.match_file(src_uri):
            continue
        section = src_uri.split("/", 1)[0] if "/" in src_uri else TOP_LEVEL
        if section in UNTRANSLATED_SECTIONS:
            continue
        for language in languages.others:
            target = languages.translation(src_uri, language.code)
            record = result.pages.get(target)
            states.append(
                Translation(
                    section,
                    src_uri,
                    language.code,
                    _state(
                        project.docs_dir / src_uri,
                        record.data.get(FIELD) if record else None,
                        exists=record is not None,
                    ),
                    target,
                )
            )
    return sorted(states)


def summary(states: list[Translation]) -> dict[str, Counter[str]]:
    """Counts of each state per section, sections in path order."""
    by_section: dict[str, Counter[str]] = {}
    for item in states:
        by_section.setdefault(item.section, Counter())[item.state] += 1
    return dict(sorted(by_section.items()))


def _state(source: Path, recorded: object, *, exists: bool) -> str:
    if not exists:
        return MISSING
    if not isinstance(recorded, str) or not recorded:
        return UNRECORDED
    return CURRENT if recorded == source_digest(source) else OUTDATED


def language_names(project: Project) -> dict[str, Language]:
    return {language.code: language for language in project.languages}
