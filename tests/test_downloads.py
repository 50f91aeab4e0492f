"""Files to download: format and size after the link, a missing file reported."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from portal.downloads import annotate, describe, size_label
from sitebuilder import build, page, write_site


def test_sizes_read_as_readers_read_them() -> None:
    assert size_label(1, language="de") == "1 KB"
    assert size_label(421_000, language="de") == "412 KB"
    assert size_label(1023 * 1024, language="de") == "1023 KB"
    assert size_label(1024 * 1024, language="de") == "1,0 MB"
    assert size_label(1_468_006, language="de") == "1,4 MB"
    assert size_label(1_468_006, language="en") == "1.4 MB"
    assert describe("material/protokoll.odt", 2048, language="de") == "ODT, 2 KB"


def test_links_to_files_get_format_and_size_and_nothing_else_changes() -> None:
    sizes = {"material/protokoll.pdf": 5000, "material/vorlage.docx": 100}
    html = (
        '<p><a href="../material/protokoll.pdf">Protokoll</a>, '
        '<a href="../material/vorlage.docx">Vorlage</a>, '
        '<a href="../material/fehlt.pdf">fehlt</a>, '
        '<a href="https://example.org/fremd.pdf">fremd</a>, '
        '<a href="../seite/">Seite</a></p>'
    )
    result = annotate(html, page_url="publikationen/", size_of=sizes.get, language="de")
    assert result == (
        '<p><a href="../material/protokoll.pdf" data-portal-size="5000">Protokoll</a> '
        '<span class="portal-download-meta">(PDF, 5 KB)</span>, '
        '<a href="../material/vorlage.docx" data-portal-size="100">Vorlage</a> '
        '<span class="portal-download-meta">(DOCX, 1 KB)</span>, '
        '<a href="../material/fehlt.pdf">fehlt</a>, '
        '<a href="https://example.org/fremd.pdf">fremd</a>, '
        '<a href="../seite/">Seite</a></p>'
    )
    plain = '<p><a href="../seite/">Seite</a> &amp; <br/>Text</p>'
    assert annotate(plain, page_url="a/", size_of=sizes.get, language="de") == plain


def test_a_file_under_docs_is_shown_with_its_size_and_a_missing_one_reported(
    tmp_path: Path,
) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page(
                "Start",
                """
                # Start

                Das [Protokoll](material/protokoll.pdf) liegt bei.

                Die [Vorlage](material/vorlage.odt) fehlt.
                """,
            ),
            "index.en.md": page(
                "Home", "# Home\n\nThe [minutes](material/protokoll.pdf) are attached."
            ),
        },
    )
    (tmp_path / "docs" / "material").mkdir()
    (tmp_path / "docs" / "material" / "protokoll.pdf").write_bytes(b"%PDF-1.7\n" + b"0" * 3000)
    result = build(config)
    assert not result.ok
    assert [w for w in result.warnings() if "vorlage" in w] == [
        "docs/index.md:14: Der Link „material/vorlage.odt“ zeigt auf eine Datei, die es nicht "
        "gibt — legen Sie die Datei unter docs/ ab oder korrigieren Sie den Pfad."
    ]
    german = LexborHTMLParser((result.site_dir / "index.html").read_text(encoding="utf-8"))
    english = LexborHTMLParser((result.site_dir / "en" / "index.html").read_text(encoding="utf-8"))
    assert [n.text() for n in german.css(".portal-download-meta")] == ["(PDF, 3 KB)"]
    assert [n.text() for n in english.css(".portal-download-meta")] == ["(PDF, 3 KB)"]
