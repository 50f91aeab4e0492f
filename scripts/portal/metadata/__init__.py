"""Typed front matter for every page: parsed with line numbers, checked against
the JSON Schemas in ``scripts/portal/schemas/``, reported as `Finding`s.

The modules: `parse` (YAML with lines), `schemas` (load and compile once),
`validate` (schema errors in German), `rules` (what a schema cannot say),
`messages` (all texts), `check` (the run over a docs folder), `display`
(what the page templates show) and `audiences` (the overview pages).
"""

from __future__ import annotations

from portal.metadata.check import CheckResult, check_docs

__all__ = ["CheckResult", "check_docs"]
