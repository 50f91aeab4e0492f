"""Template downloads: a page with the marker is also a DOCX and an ODT file of its own text."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import docx
import pytest
from odf import teletype  # type: ignore[import-untyped]
from odf.namespaces import TEXTNS  # type: ignore[import-untyped]
from odf.opendocument import load  # type: ignore[import-untyped]
from odf.table import Table as OdfTable  # type: ignore[import-untyped]
from odf.table import TableRow
from odf.text import H, ListItem  # type: ignore[import-untyped]
from odf.text import P as OdfP
from selectolax.lexbor import LexborHTMLParser

from golden import Golden
from portal.template_documents import (
    CHECKBOX,
    DocumentInfo,
    Heading,
    ListBlock,
    Notice,
    Paragraph,
    Table,
    blocks_from_html,
    links_html,
    note,
    to_docx,
    to_odt,
)
from sitebuilder import build, page, write_site

_localtime = time.localtime

HTML = """
<h1 id="vorlage-x">Vorlage: Plan<a class="headerlink" href="#vorlage-x">¶</a></h1>
<p>Wofür sie ist, mit <a href="../x/">Link</a> und <abbr title="Hilfeplangespräch">HPG</abbr>.</p>
<p class="portal-downloads">Zum Ausfüllen am Computer: <a href="x.docx">Word (DOCX)</a></p>
<div class="admonition warning"><p class="admonition-title">Örtliche Vordrucke gehen vor</p>
<p>Verwenden Sie den Vordruck Ihres Amts.</p></div>
<h2 id="vorlage">Vorlage</h2>
<div class="portal-table" role="region"><table>
<thead><tr><th>Angabe</th><th>Eintrag</th></tr></thead>
<tbody><tr><td>Beginn</td><td></td></tr><tr><td>Mentor*in</td><td></td></tr></tbody>
</table></div>
<ul class="task-list"><li class="task-list-item"><label class="task-list-control">
<input type="checkbox" disabled><span class="task-list-indicator"></span></label>
Dienstanweisung gelesen</li></ul>
<ol><li>Erstens</li><li>Zweitens</li></ol>
"""

BLOCKS = [
    Heading(1, "Vorlage: Plan"),
    Paragraph("Wofür sie ist, mit Link und HPG."),
    Notice("Örtliche Vordrucke gehen vor", "Verwenden Sie den Vordruck Ihres Amts."),
    Heading(2, "Vorlage"),
    Table(("Angabe", "Eintrag"), (("Beginn", ""), ("Mentor*in", ""))),
    ListBlock((f"{CHECKBOX} Dienstanweisung gelesen",), ordered=False, checkboxes=True),
    ListBlock(("Erstens", "Zweitens"), ordered=True),
]

INFO = DocumentInfo(
    title="Vorlage: Plan",
    language="de",
    note="Vorlage aus dem Wissensportal. Örtliche Vordrucke gehen vor.",
)


# Reading the page


def test_page_html_becomes_blocks_without_permalinks_and_links_line() -> None:
    assert blocks_from_html(HTML) == BLOCKS


def test_links_line_names_both_formats_in_the_page_language() -> None:
    assert links_html("plan", language="de") == (
        '<p class="portal-downloads">Zum Ausfüllen am Computer: '
        '<a href="plan.docx" download>Word (DOCX)</a> · '
        '<a href="plan.odt" download>OpenDocument (ODT)</a></p>'
    )
    assert links_html("plan", language="en").startswith(
        '<p class="portal-downloads">To fill in on a computer: <a href="plan.docx" download>'
    )
    assert note("Portal M-V", language="en") == (
        "Template from the Portal M-V. Local forms take precedence."
    )


# The files


def docx_outline(content: bytes) -> list[str]:
    """Each paragraph and table of a DOCX as one line: style and text; table rows joined by |."""
    document = docx.Document(io.BytesIO(content))
    lines = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(element, document)
            lines.append(f"{paragraph.style.name if paragraph.style else ''}: {paragraph.text}")
        elif tag == "tbl":
            table = docx.table.Table(element, document)
            for row in table.rows:
                lines.append("Zeile: " + " | ".join(cell.text for cell in row.cells))
    return lines


def odt_outline(content: bytes) -> list[str]:
    """Each heading, paragraph, list item and table row of an ODT as one line."""
    document = load(io.BytesIO(content))
    lines = []
    for element in document.text.childNodes:
        name = element.qname[1]
        if element.qname == (TEXTNS, "h"):
            lines.append(
                f"H{element.getAttribute('outlinelevel')}: {teletype.extractText(element)}"
            )
        elif element.qname == (TEXTNS, "p"):
            lines.append(f"P: {teletype.extractText(element)}")
        elif element.qname == (TEXTNS, "list"):
            for item in element.getElementsByType(ListItem):
                lines.append(f"Punkt: {teletype.extractText(item)}")
        elif name == "table":
            for row in element.getElementsByType(TableRow):
                cells = [teletype.extractText(cell) for cell in row.childNodes]
                lines.append("Zeile: " + " | ".join(cells))
    return lines


def test_docx_has_headings_tables_boxes_title_and_language(golden: Golden) -> None:
    content = to_docx(BLOCKS, INFO)
    golden("vorlage.docx.txt", "\n".join(docx_outline(content)) + "\n")
    document = docx.Document(io.BytesIO(content))
    assert document.core_properties.title == "Vorlage: Plan"
    assert document.core_properties.language == "de-DE"
    # The text's language for spelling: w:lang on the Normal style.
    styles = zipfile.ZipFile(io.BytesIO(content)).read("word/styles.xml").decode()
    assert 'w:val="de-DE"' in styles
    header = document.tables[0].rows[0].cells[0].paragraphs[0].runs[0]
    assert header.bold is True
    closing = document.paragraphs[-1]
    assert closing.text == INFO.note
    assert closing.runs[0].italic is True


def test_odt_has_headings_tables_lists_title_and_language(golden: Golden) -> None:
    content = to_odt(BLOCKS, INFO)
    golden("vorlage.odt.txt", "\n".join(odt_outline(content)) + "\n")
    document = load(io.BytesIO(content))
    meta = document.meta
    assert [teletype.extractText(node) for node in meta.childNodes if node.qname[1] == "title"] == [
        "Vorlage: Plan"
    ]
    assert "de-DE" in [
        teletype.extractText(node) for node in meta.childNodes if node.qname[1] == "language"
    ]
    assert len(document.getElementsByType(OdfTable)) == 1
    assert [teletype.extractText(h) for h in document.getElementsByType(H)] == [
        "Vorlage: Plan",
        "Vorlage",
    ]
    assert teletype.extractText(document.getElementsByType(OdfP)[-1]) == INFO.note
    assert content[:2] == b"PK"
    assert zipfile.ZipFile(io.BytesIO(content)).read("mimetype") == (
        b"application/vnd.oasis.opendocument.text"
    )


def test_files_are_the_same_whenever_they_are_made(monkeypatch: pytest.MonkeyPatch) -> None:
    # Both libraries stamp archive members with the time of writing; a build
    # must give the same bytes for the same page (tests/test_languages.py).
    first = (to_docx(BLOCKS, INFO), to_odt(BLOCKS, INFO))
    time.sleep(1.1)  # dates inside the documents count whole seconds
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: _localtime(later))
    assert (to_docx(BLOCKS, INFO), to_odt(BLOCKS, INFO)) == first
    names = zipfile.ZipFile(io.BytesIO(first[1])).infolist()
    assert names[0].filename == "mimetype"
    assert names[0].compress_type == zipfile.ZIP_STORED


# The build


TEMPLATE_DE = """\
# Vorlage: Plan

Wofür diese Vorlage ist.

<!-- portal:downloads -->

## Vorlage

| Angabe | Eintrag |
| --- | --- |
| Beginn | |
"""

TEMPLATE_EN = TEMPLATE_DE.replace("Vorlage: Plan", "Template: Plan").replace(
    "Wofür diese Vorlage ist.", "What this template is for."
)


@pytest.fixture(scope="module")
def template_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("downloads")
    config = write_site(
        root,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "vorlagen/plan.md": page("Plan", TEMPLATE_DE),
            "vorlagen/plan.en.md": page("Plan", TEMPLATE_EN),
            "vorlagen/ohne.md": page("Ohne Marker", "# Ohne Marker\n\nNur Text."),
        },
    )
    result = build(config)
    assert result.ok, result.log
    return result.site_dir


def test_build_writes_both_files_next_to_the_page_in_each_language(template_site: Path) -> None:
    german = template_site / "vorlagen" / "plan"
    english = template_site / "en" / "vorlagen" / "plan"
    for folder in (german, english):
        assert sorted(path.name for path in folder.iterdir()) == [
            "index.html",
            "plan.docx",
            "plan.odt",
        ]
    # Each language's file is made from that language's page.
    assert docx_outline((german / "plan.docx").read_bytes())[:2] == [
        "Heading 1: Vorlage: Plan",
        "Normal: Wofür diese Vorlage ist.",
    ]
    assert odt_outline((english / "plan.odt").read_bytes())[:2] == [
        "H1: Template: Plan",
        "P: What this template is for.",
    ]
    # A page without the marker gets no files.
    assert sorted(path.name for path in (template_site / "vorlagen" / "ohne").iterdir()) == [
        "index.html"
    ]


def test_page_links_the_files_where_the_marker_was(template_site: Path) -> None:
    tree = LexborHTMLParser((template_site / "vorlagen" / "plan" / "index.html").read_text())
    line = tree.css_first("article .portal-downloads")
    assert line is not None
    assert [link.attributes["href"] for link in line.css("a")] == ["plan.docx", "plan.odt"]
    following = line.next
    while following is not None and following.tag == "-text":
        following = following.next
    assert following is not None and following.tag == "h2"
    english = LexborHTMLParser(
        (template_site / "en" / "vorlagen" / "plan" / "index.html").read_text()
    )
    english_line = english.css_first("article .portal-downloads")
    assert english_line is not None
    assert english_line.text().startswith("To fill in on a computer:")


def test_portal_templates_offer_downloads(portal_site: Path) -> None:
    folder = portal_site / "arbeitshilfen" / "vorlagen"
    names = ["einarbeitungsplan", "ansprechpersonen", "reflexionsprotokoll"]
    names += ["mentoring-vereinbarung", "hilfeplan-gliederung"]
    for name in names:
        for extension in ("docx", "odt"):
            assert (folder / name / f"{name}.{extension}").is_file(), f"{name}.{extension}"
    outline = docx_outline(
        (folder / "hilfeplan-gliederung" / "hilfeplan-gliederung.docx").read_bytes()
    )
    assert "Heading 1: Vorlage: Gliederung eines Hilfeplans" in outline
    assert any("Örtliche Vordrucke gehen vor" in line for line in outline)
