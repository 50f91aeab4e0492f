"""Run the editorial rules over every page below a docs folder."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from portal.editorial import rules
from portal.editorial.terms import Terms, load_terms
from portal.editorial.visible import visible_text
from portal.findings import Finding
from portal.sources import markdown_files, source_cache

RULES = ("review", "law", "gender", "quotes", "terms")
"""Every rule by name; tests and callers may choose some."""


def check_editorial(
    docs_dir: Path,
    *,
    project_root: Path,
    only: tuple[str, ...] = RULES,
    terms: Terms | None = None,
    files: Iterable[str] | None = None,
) -> list[Finding]:
    """Findings of the chosen rules over every Markdown page below `docs_dir`, sorted."""
    terms = terms or load_terms()
    cache = source_cache(project_root)
    findings: list[Finding] = []
    for file in markdown_files(docs_dir, files):
        source = cache.get(file)
        english = file.name.endswith(".en.md")
        findings += check_text(
            source.path, visible_text(source), english=english, only=only, terms=terms
        )
    return sorted(set(findings))


def check_text(
    path: str, text: str, *, english: bool, only: tuple[str, ...], terms: Terms
) -> list[Finding]:
    """Findings of the chosen rules for one reader-visible text."""
    findings: list[Finding] = []
    if "review" in only:
        findings += rules.review_claims(path, text)
    if "law" in only:
        findings += rules.law_references(path, text, laws=terms.laws)
    if "gender" in only and not english:
        findings += rules.gender_forms(path, text)
    if "quotes" in only and english:
        findings += rules.german_quotes(path, text)
    if "terms" in only and english:
        findings += rules.english_terms(path, text, terms=terms.english)
    return findings
