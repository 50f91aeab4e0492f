"""Search per language: one index per language, each with its own language tools.

Material for MkDocs writes one ``search/search_index.json`` for the whole site,
and mkdocs-static-i18n fills it with the pages of every language under one
``lang: [de, en]`` setting: an English reader gets German hits, and neither
language is stemmed (Material's default pipeline keeps only the stop word
filter). The portal instead writes one index per language next to that
language's pages (``search/`` for German, ``en/search/`` for English), with
locations relative to the language's root, and points each language's pages at
their own index (see :func:`localize_config_script`).

These are plain functions over the index data; ``hooks/search.py`` feeds them
from the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

INDEX_PATH = PurePosixPath("search", "search_index.json")

# lunr.js pipeline per language. German needs the stemmer: „Hilfepläne“ and
# „Hilfeplan“, „Fachkräfte“ and „Fachkraft“ should meet. English keeps
# Material's default, which leaves the stemmer out so that prefix matches
# while typing stay predictable.
PIPELINES: Mapping[str, list[str]] = {
    "de": ["trimmer", "stopWordFilter", "stemmer"],
}
DEFAULT_PIPELINE = ["stopWordFilter"]

# German gender-inclusive forms („Mentor*innen“, „Nutzer:in“, „Kolleg_innen“).
# lunr.js keeps „mentor*innen“ as one token that no search for „Mentorin“
# reaches, so each entry gets the joined form („Mentorinnen“) in an extra,
# invisible field: the text readers see in the results stays as written.
GENDER_FORM = re.compile(r"\b(\w+)[*:_·](in|innen)\b")
# Most index entries hold no such word; this cheap scan spares them the
# search above, which tries a word at every position of the text.
GENDER_MARK = re.compile(r"[*:_·]in")
VARIANTS_FIELD = "variants"

# The tag shown on results that are pages in another language (fallbacks).
FALLBACK_TAG_FIELD = "tags"


@dataclass(frozen=True)
class Language:
    """One language of the site: its locale, URL prefix and name in itself."""

    locale: str
    prefix: str
    name: str

    @property
    def index_path(self) -> PurePosixPath:
        """Where this language's index lies, relative to the site directory."""
        return PurePosixPath(self.prefix, INDEX_PATH) if self.prefix else INDEX_PATH


def gender_variants(text: str) -> list[str]:
    """The joined forms of every gender-inclusive word in ``text``, in order, once each."""
    if not GENDER_MARK.search(text):
        return []
    seen: dict[str, None] = {}
    for match in GENDER_FORM.finditer(text):
        seen.setdefault(match.group(1) + match.group(2), None)
    return list(seen)


def localize_index(
    entries: Iterable[Mapping[str, Any]],
    *,
    base_config: Mapping[str, Any],
    language: Language,
    languages: Iterable[Language] = (),
    fallback_pages: Iterable[str] = (),
    fallback_tag: str = "",
) -> dict[str, Any]:
    """The search index of one language.

    ``entries`` are index entries with locations relative to the site root (so
    English ones start with ``en/``); those under the prefix of another of the
    ``languages`` are left out. ``fallback_pages`` are the URLs of pages shown
    in another language, whose entries get ``fallback_tag``.
    """
    others = tuple(
        other.prefix for other in languages if other.prefix and other.prefix != language.prefix
    )
    fallbacks = set(fallback_pages)
    config = dict(base_config)
    config["lang"] = [language.locale]
    config["pipeline"] = list(PIPELINES.get(language.locale, DEFAULT_PIPELINE))
    fields = dict(config.get("fields") or {})
    docs: list[dict[str, Any]] = []
    for entry in entries:
        location = str(entry["location"])
        if not location.startswith(language.prefix) or (others and location.startswith(others)):
            continue
        doc = dict(entry)
        doc["location"] = location.removeprefix(language.prefix)
        page_url = location.split("#", 1)[0]
        if fallback_tag and page_url in fallbacks:
            doc[FALLBACK_TAG_FIELD] = [*doc.get(FALLBACK_TAG_FIELD, []), fallback_tag]
        variants = gender_variants(f"{doc.get('title', '')} {doc.get('text', '')}")
        if variants:
            doc[VARIANTS_FIELD] = " ".join(variants)
        docs.append(doc)
    if any(VARIANTS_FIELD in doc for doc in docs):
        # As strong as the running text: the variants stand in for its words.
        fields.setdefault(VARIANTS_FIELD, {"boost": 1.0})
    config["fields"] = fields
    return {"config": config, "docs": docs}


def read_index(path: Path) -> dict[str, Any]:
    """A search index as Material writes it."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def write_index(path: Path, index: Mapping[str, Any]) -> bool:
    """Write ``index`` unless the file already holds it; say whether it was written.

    Unchanged files stay untouched so that ``mkdocs serve`` does not see a
    change and rebuild in a loop.
    """
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def relative_root(page_url: str, language: Language) -> str:
    """The relative URL from a page to its language's root, e.g. ``../`` for ``en/a/``."""
    inside = page_url.removeprefix(language.prefix)
    depth = inside.count("/")
    return "../" * depth or "./"


def localize_config_script(config_json: str, *, base: str) -> str:
    """Material's ``__config`` JSON with ``base`` pointing at the language root.

    Material loads the index from ``<base>/search/search_index.json`` and
    resolves result locations against the same ``base``; the worker script
    keeps its own, unchanged path.
    """
    data = json.loads(config_json)
    data["base"] = base
    return json.dumps(data, ensure_ascii=False)
