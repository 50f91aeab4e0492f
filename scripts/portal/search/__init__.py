"""Search per language: one index per language, loaded only when a reader searches.

Material for MkDocs writes one ``search/search_index.json`` for the whole site,
and mkdocs-static-i18n fills it with the pages of every language under one
``lang: [de, en]`` setting: an English reader gets German hits. Material's page
script also downloads that file on every page view, before anyone searches.
The portal instead writes, per language, next to that language's pages
(``search/`` for German, ``en/search/`` for English):

- ``search_index.json``: a stub that Material's page script still fetches, with
  the configuration only and no entries, and where the real index lies;
- ``portal-index.json``: the index itself (``portal.search.index``), which the
  portal's search worker fetches with the reader's first query.

Each language's pages are pointed at their own stub and at the portal's worker
(see :func:`localize_config_script`). These are plain functions over the index
data; ``portal.stages.finish`` and ``hooks/stages.py`` feed them from the build.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from portal.labels import label

INDEX_PATH = PurePosixPath("search", "search_index.json")
PORTAL_INDEX_PATH = PurePosixPath("search", "portal-index.json")
# The portal's search worker (overrides/assets/javascripts/), in place of Material's.
WORKER_PATH = PurePosixPath("assets", "javascripts", "portal-search.js")
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$")

# The name of a page's language in the reader's language, for the tag on
# results that are pages in another language: an English reader sees
# "German", a German reader „Deutsch“.
LANGUAGE_NAMES: Mapping[str, Mapping[str, str]] = {
    "de": {"de": "Deutsch", "en": "Englisch"},
    "en": {"de": "German", "en": "English"},
}

# The field of an index entry that holds the page's tags; results that are
# pages in another language (fallbacks) get one more tag there.
TAG_FIELD = "tags"


@dataclass(frozen=True)
class Language:
    """One language of the site: its locale, URL prefix and name in itself."""

    locale: str
    prefix: str
    name: str

    @property
    def index_path(self) -> PurePosixPath:
        """Where this language's stub index lies, relative to the site directory."""
        return PurePosixPath(self.prefix, INDEX_PATH) if self.prefix else INDEX_PATH

    @property
    def portal_index_path(self) -> PurePosixPath:
        """Where this language's real index lies, relative to the site directory."""
        return PurePosixPath(self.prefix, PORTAL_INDEX_PATH) if self.prefix else PORTAL_INDEX_PATH


def language_name(locale: str, *, reader: str) -> str:
    """The name of ``locale`` in the language ``reader`` reads (the code if unknown)."""
    return LANGUAGE_NAMES.get(reader, {}).get(locale, locale)


def stub_index(index: Mapping[str, Any], *, language: Language) -> dict[str, Any]:
    """What Material's page script gets: the configuration, no entries, the real index's path."""
    config = dict(index.get("config") or {})
    config["portal_index"] = language.portal_index_path.as_posix()
    return {"config": config, "docs": []}


def localize_index(
    entries: Iterable[Mapping[str, Any]],
    *,
    base_config: Mapping[str, Any],
    language: Language,
    languages: Iterable[Language] = (),
    fallback_pages: Iterable[str] = (),
    fallback_tag: str = "",
) -> dict[str, Any]:
    """One language's entries of Material's index, in Material's format.

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
    docs: list[dict[str, Any]] = []
    for entry in entries:
        location = str(entry["location"])
        if not location.startswith(language.prefix) or (others and location.startswith(others)):
            continue
        doc = dict(entry)
        doc["location"] = location.removeprefix(language.prefix)
        if TAG_FIELD in doc:
            # Tags are German words in front matter; readers see (and
            # search) them in the language of the index.
            doc[TAG_FIELD] = [
                label("tag", str(tag), language=language.locale) for tag in doc[TAG_FIELD]
            ]
        page_url = location.split("#", 1)[0]
        if fallback_tag and page_url in fallbacks:
            doc[TAG_FIELD] = [*doc.get(TAG_FIELD, []), fallback_tag]
        docs.append(doc)
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


def localize_config_script(config_json: str, *, base: str | None = None) -> str:
    """Material's ``__config`` JSON pointing at the language root and the portal's worker.

    Material loads the (stub) index from ``<base>/search/search_index.json``
    and resolves result locations against the same ``base``; ``base`` stays as
    it is when None. The worker's path keeps its depth, only the file changes.
    """
    data = json.loads(config_json)
    if base is not None:
        data["base"] = base
    worker = data.get("search")
    if isinstance(worker, str):
        data["search"] = MATERIAL_WORKER.sub(WORKER_PATH.as_posix(), worker)
    return json.dumps(data, ensure_ascii=False)


KEYWORDS_ATTRIBUTE = "data-portal-keywords"


def keyword_texts(html: str) -> list[str]:
    """The texts a page's content marks as its keywords (``data-portal-keywords``).

    Facts that name what a page is about without being its running text, such
    as an event's place and speakers: search weighs them like link texts.
    """
    texts = (
        " ".join(element.text(deep=True, separator=" ").split())
        for element in LexborHTMLParser(html).css(f"[{KEYWORDS_ATTRIBUTE}]")
    )
    return [text for text in texts if text]


def link_texts(html: str, *, page_url: str) -> list[tuple[str, str]]:
    """The links of a page's content to other pages of the site: (target URL, link text).

    URLs are relative to the site root, like ``page_url``; links to other
    hosts, to files and to the page itself are left out.
    """
    root = "http://portal.invalid/"
    page = urljoin(root, page_url)
    found: list[tuple[str, str]] = []
    for link in LexborHTMLParser(html).css("a[href]"):
        href = str(link.attributes.get("href") or "")
        if not href or href.startswith("#"):
            continue
        target = urlsplit(urljoin(page, href))
        if f"{target.scheme}://{target.netloc}/" != root or not target.path.endswith("/"):
            continue
        url = target.path.removeprefix("/")
        text = " ".join(link.text(deep=True).split())
        if url != page_url and text:
            found.append((url, text))
    return found
