"""The word lists of the editorial rules, read from terms.yml next to this file."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

TERMS_FILE = Path(__file__).with_name("terms.yml")


@dataclass(frozen=True)
class Term:
    """An English word or phrase to avoid, and the term the portal uses instead."""

    avoid: str
    """A regular expression, matched case-insensitively as whole words."""
    use: str


@dataclass(frozen=True)
class Terms:
    laws: tuple[str, ...]
    english: tuple[Term, ...]


@functools.cache
def load_terms(path: Path = TERMS_FILE) -> Terms:
    data: Any = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    laws = tuple(str(law) for law in data.get("laws") or [])
    english = tuple(
        Term(str(entry["avoid"]), str(entry["use"])) for entry in data.get("english_terms") or []
    )
    return Terms(laws, english)
