"""Reading the event and training pages of a docs folder, without MkDocs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from portal.events.model import Entry, entries_from_pages
from portal.languages import Languages
from portal.metadata.check import check_page
from portal.metadata.rules import FOLDER_TYPES, PageRecord
from portal.sources import markdown_files, source_cache

FOLDERS = tuple(
    folder for folder, types in FOLDER_TYPES.items() if {"event", "training"} & set(types)
)
"""``veranstaltungen`` and ``fortbildungen``: where the metadata check allows these types."""


def read_entries(
    docs_dir: Path,
    *,
    project_root: Path,
    languages: Languages,
    files: Iterable[str] | None = None,
) -> tuple[list[Entry], dict[str, PageRecord]]:
    """The entries of every event and training page, and the parsed pages (all languages).

    Pages are parsed by the metadata check's `check_page`, which keeps its
    result per unchanged file: the build parses each file once.
    """
    cache = source_cache(project_root)
    pages: dict[str, PageRecord] = {}
    for folder in FOLDERS:
        if files is None:
            paths = sorted((docs_dir / folder).rglob("*.md"))
        else:
            paths = markdown_files(docs_dir, [uri for uri in files if uri.startswith(f"{folder}/")])
        for file in paths:
            src_uri = file.relative_to(docs_dir).as_posix()
            record, _ = check_page(cache.get(file), src_uri=src_uri, languages=languages)
            pages[src_uri] = record
    return entries_from_pages(pages, languages=languages), pages
