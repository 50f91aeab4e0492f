"""``check``'s reading of the sources: links as Python-Markdown parses them, blocked inline code.

In-process, without a build; tests/test_cli_check.py compares the whole with one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from portal.check.inline_code import check_inline_code
from portal.check.prose import markdown_links, prose_lines
from portal.check.sources_site import read_sources_site
from portal.sources import parse_source, source_cache
from sitebuilder import LANGUAGES, page

BLOCKED = (
    "die Content Security Policy des Portals blockiert es im Browser — gestalten Sie mit "
    "einer Klasse in docs/stylesheets/ und schreiben Sie Skripte als Datei "
    "(overrides/assets/javascripts/), nicht in die Seite."
)


@pytest.mark.parametrize(
    ("line", "urls"),
    [
        ("[Ablauf](../hilfeplanverfahren/ablauf .md)", ["../hilfeplanverfahren/ablauf .md"]),
        ('[x](mein dokument.pdf "Titel")', ["mein dokument.pdf"]),
        ('[x](<datei mit leerzeichen.md> "Titel")', ["datei mit leerzeichen.md"]),
        ("[§ 36](https://example.org/a_(b)) und [y](y.md)", ["https://example.org/a_(b)", "y.md"]),
        ("[![Logo](logo.png)](start.md)", ["start.md", "logo.png"]),
        (r"\[kein Link](a.md) [kein Ziel] (b.md)", []),
    ],
)
def test_links_are_read_as_python_markdown_reads_them(line: str, urls: list[str]) -> None:
    assert [link.url for link in markdown_links(line)] == urls


def test_an_attribute_list_belongs_to_the_link_right_before_it() -> None:
    links = markdown_links('[a](a.md){ hreflang=de style="color: red" } [b](b.md) { .x }')
    assert [link.attributes for link in links] == [
        (("hreflang", "de"), ("style", "color: red")),
        (),
    ]


def test_prose_leaves_out_front_matter_and_code() -> None:
    text = "---\ntitle: x\n---\n\nText `[a](a.md)` [b](b.md)\n\n```\n[c](c.md)\n```\n"
    assert list(prose_lines(text)) == [(4, ""), (5, "Text  [b](b.md)"), (6, "")]


def _blocked(text: str) -> list[str]:
    source = parse_source(page("Word", text), path="docs/word.md")
    return [str(finding) for finding in sorted(check_inline_code(source))]


def test_word_markup_is_found_at_the_line_of_its_style() -> None:
    found = _blocked(
        """
        # Word

        <p class="MsoNormal"
        style="margin:0"><span style="mso-bidi-font-weight:bold">Aus Word</span><o:p></o:p></p>
        """
    )
    assert found == [
        f"docs/word.md:13: Die Seite enthält das Attribut style an <p>; {BLOCKED}",
        f"docs/word.md:13: Die Seite enthält das Attribut style an <span>; {BLOCKED}",
    ]


def test_word_markup_without_style_passes() -> None:
    # Word's classes and <o:p> are allowed by the policy; the build lets them pass.
    assert _blocked('<p class="MsoNormal">Aus Word<o:p></o:p></p>') == []


def test_attributes_markdown_writes_are_found() -> None:
    found = _blocked(
        """
        ## Kopf { style="color: red" }

        Absatz
        {: style="color: red" }

        ![Bild](bild.png){ onclick="zeigen()" } [Los](javascript:start()) [x](<a onload.md>)
        """
    )
    assert found == [
        f"docs/word.md:10: Die Seite enthält das Attribut style an <h2>; {BLOCKED}",
        f"docs/word.md:13: Die Seite enthält das Attribut style an <p>; {BLOCKED}",
        f"docs/word.md:15: Die Seite enthält das Attribut onclick an <img>; {BLOCKED}",
        f"docs/word.md:15: Die Seite enthält ein javascript:-Link an <a>; {BLOCKED}",
    ]


def test_inline_code_in_code_is_text() -> None:
    text = """
        Ein Beispiel: `<span style="color: red">`.

        ```html
        <div style="color: red">rot</div>
        ```

        Text { style="color: red" }
        """
    assert _blocked(text) == []


def test_a_link_to_a_translation_is_a_page_only_in_its_language(tmp_path: Path) -> None:
    # i18n builds English from the English and the German sources: there
    # `ablauf.en.md` is the English page, in the German build it is no page.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ablauf.md").write_text(page("Ablauf", "# Ablauf"), encoding="utf-8")
    (docs / "ablauf.en.md").write_text(page("Procedure", "# Procedure"), encoding="utf-8")
    (docs / "a.md").write_text(page("A", "[Ablauf](ablauf.en.md)"), encoding="utf-8")
    (docs / "b.md").write_text(page("B", "# B"), encoding="utf-8")
    (docs / "b.en.md").write_text(page("B", "[Procedure](ablauf.en.md)"), encoding="utf-8")
    site = read_sources_site(docs, cache=source_cache(tmp_path), languages=LANGUAGES)
    links = {
        dest: [link.url for link in scan.links]
        for dest, scan in site.scan.pages.items()
        if dest in {"a/index.html", "en/a/index.html", "en/b/index.html"}
    }
    assert links == {
        "a/index.html": ["ablauf.en.md"],
        "en/a/index.html": ["../ablauf/"],
        "en/b/index.html": ["../ablauf/"],
    }


def test_a_reference_python_markdown_does_not_read_is_no_link(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "[Ref][r] und [Gut][g]\n\n[r]: <mein dokument.pdf>\n[g]: <dokument.pdf>"
    (docs / "a.md").write_text(page("A", text), encoding="utf-8")
    site = read_sources_site(docs, cache=source_cache(tmp_path), languages=LANGUAGES)
    assert [link.url for link in site.scan.pages["a/index.html"].links] == ["dokument.pdf"]
