"""The cache of laid-out PDF editions (portal.editions.render, ``cache_dir``).

`render_pdf` is called directly with tiny documents; WeasyPrint's `HTML` is
wrapped to count the layouts, so a cache hit shows as a layout that did not
happen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from portal.editions import layout
from portal.editions.render import CACHE_KEEP, render_pdf

PAGE = '<!DOCTYPE html><html lang="de"><head><title>Probe</title></head><body>{}</body></html>'


@pytest.fixture
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The HTML of every document WeasyPrint lays out during the test."""
    laid_out: list[str] = []
    weasyprint_html = layout.HTML

    def counting_html(*, string: str, **options: Any) -> Any:
        laid_out.append(string)
        return weasyprint_html(string=string, **options)

    monkeypatch.setattr(layout, "HTML", counting_html)
    return laid_out


def entries(cache: Path) -> list[str]:
    return sorted(path.name for path in cache.iterdir())


def test_the_same_html_is_laid_out_once(tmp_path: Path, layouts: list[str]) -> None:
    cache = tmp_path / ".cache" / "editions"
    html = PAGE.format("<h1>Einarbeitung</h1>")
    first = render_pdf(html, base=tmp_path, target=tmp_path / "eins" / "e.pdf", cache_dir=cache)
    second = render_pdf(html, base=tmp_path, target=tmp_path / "zwei" / "e.pdf", cache_dir=cache)

    assert layouts == [html]
    assert second == first == (tmp_path / "zwei" / "e.pdf").stat().st_size
    pdf = (tmp_path / "eins" / "e.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert (tmp_path / "zwei" / "e.pdf").read_bytes() == pdf
    [entry] = entries(cache)
    assert entry.startswith("e-") and entry.endswith(".pdf"), entry
    assert (cache / entry).read_bytes() == pdf


def test_changed_html_is_laid_out_again(tmp_path: Path, layouts: list[str]) -> None:
    cache = tmp_path / "cache"
    target = tmp_path / "site" / "e.pdf"
    before, after = PAGE.format("<p>Stand 1</p>"), PAGE.format("<p>Stand 2</p>")
    render_pdf(before, base=tmp_path, target=target, cache_dir=cache)
    render_pdf(after, base=tmp_path, target=target, cache_dir=cache)
    render_pdf(before, base=tmp_path, target=target, cache_dir=cache)

    assert layouts == [before, after]
    assert len(entries(cache)) == 2


def test_a_changed_image_is_laid_out_again(tmp_path: Path, layouts: list[str]) -> None:
    # An SVG, so that WeasyPrint needs no image library beyond its own.
    image = tmp_path / "bilder" / "punkt.svg"
    image.parent.mkdir()
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="{}"/></svg>'
    )
    image.write_text(svg.format("black"), encoding="utf-8")
    html = PAGE.format('<img src="bilder/punkt.svg" alt="Punkt">')
    target, cache = tmp_path / "site" / "e.pdf", tmp_path / "cache"
    render_pdf(html, base=tmp_path, target=target, cache_dir=cache)
    render_pdf(html, base=tmp_path, target=target, cache_dir=cache)
    image.write_text(svg.format("red"), encoding="utf-8")
    render_pdf(html, base=tmp_path, target=target, cache_dir=cache)

    assert layouts == [html, html]


def test_without_a_cache_every_call_lays_out(tmp_path: Path, layouts: list[str]) -> None:
    html = PAGE.format("<p>Ohne Zwischenspeicher</p>")
    render_pdf(html, base=tmp_path, target=tmp_path / "e.pdf")
    size = render_pdf(html, base=tmp_path, target=tmp_path / "e.pdf")

    assert layouts == [html, html]
    assert size == (tmp_path / "e.pdf").stat().st_size
    assert sorted(path.name for path in tmp_path.iterdir()) == ["e.pdf"]


class _FakeDocument:
    """Stands in for WeasyPrint where only the cache's bookkeeping is tested."""

    def __init__(self, *, string: str, **options: Any) -> None:
        self.string = string

    def write_pdf(self, target: Path, **options: Any) -> None:
        target.write_bytes(b"%PDF-fake " + self.string.encode())


def _render_at(html: str, *, base: Path, target: Path, cache: Path, second: int) -> str:
    """Render through the cache; the new entry's name, its time set to `second`.

    Explicit times: files written within one tick may share a modification time.
    """
    before = set(entries(cache)) if cache.is_dir() else set()
    render_pdf(html, base=base, target=target, cache_dir=cache)
    [new] = set(entries(cache)) - before
    os.utime(cache / new, ns=(second * 10**9, second * 10**9))
    return new


def test_the_cache_keeps_the_newest_pdfs_per_edition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(layout, "HTML", _FakeDocument)
    cache = tmp_path / "cache"
    mentoring = tmp_path / "site" / "mentoring.pdf"
    einarbeitung = tmp_path / "site" / "einarbeitung.pdf"
    other = _render_at("Mentoring", base=tmp_path, target=mentoring, cache=cache, second=0)
    made = [
        _render_at(f"Stand {n}", base=tmp_path, target=einarbeitung, cache=cache, second=n + 1)
        for n in range(CACHE_KEEP + 3)
    ]

    # The oldest entry of another edition stays: the count is per edition.
    assert entries(cache) == sorted([other, *made[-CACHE_KEEP:]])
    assert all(name.startswith("einarbeitung-") for name in made)


def test_a_pdf_used_again_is_kept_before_newer_unused_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(layout, "HTML", _FakeDocument)
    cache, target = tmp_path / "cache", tmp_path / "site" / "einarbeitung.pdf"
    made = [
        _render_at(f"Stand {n}", base=tmp_path, target=target, cache=cache, second=n + 1)
        for n in range(CACHE_KEEP)
    ]
    render_pdf("Stand 0", base=tmp_path, target=target, cache_dir=cache)  # used again: now
    render_pdf(f"Stand {CACHE_KEEP}", base=tmp_path, target=target, cache_dir=cache)

    assert len(entries(cache)) == CACHE_KEEP
    assert made[0] in entries(cache)
    assert made[1] not in entries(cache)
    assert target.read_bytes() == f"%PDF-fake Stand {CACHE_KEEP}".encode()
