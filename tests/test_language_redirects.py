"""Redirect pages of old addresses in the further languages (portal.redirects)."""

from __future__ import annotations

from pathlib import Path

from portal.findings import Finding
from portal.redirects import language_redirects, write_pages
from sitebuilder import LANGUAGES

CONFIG = "plugins:\n  - redirects:\n      redirect_maps:\n        alt.md: neu/seite.md#abschnitt\n"


def docs_with(tmp_path: Path, *names: str) -> Path:
    docs = tmp_path / "docs"
    for name in names:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("# Seite\n", encoding="utf-8")
    return docs


def test_one_page_per_further_language_without_the_german_anchor(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, "neu/seite.md")
    pages, findings = language_redirects(
        {"alt.md": "neu/seite.md#abschnitt", "ordner/index.md": "neu/seite.md"},
        languages=LANGUAGES,
        docs_dir=docs,
        config_shown="mkdocs.yml",
    )
    assert findings == []
    others = [language.code for language in LANGUAGES.others]
    assert [(page.dest_path, page.target) for page in pages] == [
        *((f"{code}/alt/index.html", "../neu/seite/") for code in others),
        *((f"{code}/ordner/index.html", "../neu/seite/") for code in others),
    ]
    english = pages[0].html
    assert '<html lang="en">' in english
    assert '<meta http-equiv="refresh" content="0; url=../neu/seite/">' in english
    assert "<title>Page moved</title>" in english
    assert "<script" not in english and "style=" not in english


def test_missing_targets_are_left_to_the_link_guard(tmp_path: Path) -> None:
    pages, findings = language_redirects(
        {"alt.md": "neu/fehlt.md", "bild.png": "neu/seite.md"},
        languages=LANGUAGES,
        docs_dir=docs_with(tmp_path, "neu/seite.md"),
        config_shown="mkdocs.yml",
    )
    assert (pages, findings) == ([], [])


def test_an_old_page_that_still_exists_is_reported_at_its_entry(tmp_path: Path) -> None:
    pages, findings = language_redirects(
        {"alt.md": "neu/seite.md#abschnitt"},
        languages=LANGUAGES,
        docs_dir=docs_with(tmp_path, "neu/seite.md", "alt.en.md"),
        config_shown="mkdocs.yml",
        config_text=CONFIG,
    )
    assert pages == []
    assert findings == [
        Finding(
            "mkdocs.yml",
            4,
            "Die Weiterleitung „alt.md“ führt von einer Seite weg, die es noch gibt",
            "löschen Sie den Eintrag in redirect_maps oder verschieben Sie docs/alt.md mit "
            "„python -m portal move“.",
        )
    ]


def test_pages_are_written_only_when_they_change(tmp_path: Path) -> None:
    pages, _ = language_redirects(
        {"alt.md": "neu/seite.md"},
        languages=LANGUAGES,
        docs_dir=docs_with(tmp_path, "neu/seite.md"),
        config_shown="mkdocs.yml",
    )
    site = tmp_path / "site"
    write_pages(site, pages)
    written = site / pages[0].dest_path
    assert written.read_text(encoding="utf-8") == pages[0].html
    stamp = written.stat().st_mtime_ns
    write_pages(site, pages)
    assert written.stat().st_mtime_ns == stamp
