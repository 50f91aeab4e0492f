"""Source files keep their line numbers when split into front matter and body."""

from __future__ import annotations

from pathlib import Path

from portal.sources import parse_source, source_cache


def test_front_matter_and_body_lines() -> None:
    source = parse_source("---\ntitle: A\ntype: page\n---\n\n# A\n", path="docs/a.md")
    assert source.front_matter == "title: A\ntype: page\n"
    assert source.front_matter_line == 2
    assert source.body_line == 5
    assert source.line_of("# A") == 6


def test_file_without_front_matter() -> None:
    source = parse_source("# Nur Text\n", path="docs/b.md")
    assert source.front_matter is None
    assert source.body_line == 1
    assert source.line_of("fehlt") == 0


def test_cache_reads_each_file_once_until_it_changes(tmp_path: Path) -> None:
    target = tmp_path / "docs" / "c.md"
    target.parent.mkdir()
    target.write_text("---\ntitle: C\n---\n", encoding="utf-8")
    cache = source_cache(tmp_path)
    first = cache.get(target)
    assert cache.get(target) is first
    assert first.path == "docs/c.md"
