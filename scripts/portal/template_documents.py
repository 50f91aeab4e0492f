"""Editable downloads of a template page: the same text as Word (DOCX) and OpenDocument (ODT).

The templates (Vorlagen) are ordinary Markdown pages that readers print or
copy. Many want to fill them in on the computer, in the word processor their
office uses. A page asks for downloads with the marker
``<!-- portal:downloads -->``: the build puts a line with two links there and
writes both files next to the built page, made from that page's own rendered
text. So a file is never older than its page, and each language gets files in
its own words.

The rendered HTML is read into a small model (headings, paragraphs, lists,
tables, notices) and written with python-docx and odfpy. This module knows
nothing about MkDocs: ``portal.stages.pages`` puts the links in, and
``portal.stages.finish`` writes the files.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

# odfpy ships without type information; the classes below are used as documented.
from odf import dc  # type: ignore[import-untyped]
from odf.opendocument import OpenDocumentText  # type: ignore[import-untyped]
from odf.style import (  # type: ignore[import-untyped]
    ListLevelProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TextProperties,
)
from odf.table import (  # type: ignore[import-untyped]
    Table as OdfTable,
)
from odf.table import TableCell, TableColumn, TableRow
from odf.text import (  # type: ignore[import-untyped]
    H,
    List,
    ListItem,
    ListLevelStyleBullet,
    ListLevelStyleNumber,
    ListStyle,
    P,
    Span,
)
from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal.labels import label

MARKER = "<!-- portal:downloads -->"
"""Where a page wants its download links; also what asks for the files at all."""

FORMATS: tuple[str, ...] = ("docx", "odt")
"""The file formats, in the order the links show them."""

CHECKBOX = "☐"
"""An empty box to tick on paper or in the file, for Markdown task lists."""

# The class of the line of links: the extractor leaves it out of the files.
LINKS_CLASS = "portal-downloads"
_SPACE = re.compile(r"\s+")


# The document model


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool = False
    checkboxes: bool = False
    """True for a task list: each item starts with an empty box."""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Notice:
    """An admonition („Örtliche Vordrucke gehen vor“): title and text."""

    title: str
    text: str


Block = Heading | Paragraph | ListBlock | Table | Notice


# Reading the rendered page


def blocks_from_html(html: str) -> list[Block]:
    """The blocks of a rendered page body, in reading order.

    Permalinks („¶“) and the line of download links are left out; a table
    wrapper or any other ``div`` is looked into; images and code are rare in
    templates and are skipped.
    """
    tree = LexborHTMLParser(f"<div>{html}</div>")
    for selector in ("a.headerlink", f".{LINKS_CLASS}", "script", "style"):
        for node in tree.css(selector):
            node.decompose()
    root = tree.css_first("body > div")
    return list(_blocks(root)) if root is not None else []


def _blocks(parent: LexborNode) -> Iterable[Block]:
    for node in parent.iter():
        tag = node.tag or ""
        if re.fullmatch(r"h[1-6]", tag):
            yield Heading(int(tag[1]), _text(node))
        elif tag == "p":
            if text := _text(node):
                yield Paragraph(text)
        elif tag in ("ul", "ol"):
            yield _list(node)
        elif tag == "table":
            yield _table(node)
        elif tag in ("div", "details") and _is_notice(node):
            yield _notice(node)
        elif tag in ("div", "section", "article", "figure", "blockquote"):
            yield from _blocks(node)
        elif tag == "dl":
            yield from _definitions(node)


def _list(node: LexborNode) -> ListBlock:
    items = [item for item in node.iter() if item.tag == "li"]
    checkboxes = any(item.css_first("input[type=checkbox]") is not None for item in items)
    return ListBlock(tuple(_text(item) for item in items), node.tag == "ol", checkboxes)


def _table(node: LexborNode) -> Table:
    rows = [
        tuple(_text(cell) for cell in row.iter() if cell.tag in ("th", "td"))
        for row in node.css("tr")
    ]
    header_row = node.css_first("thead tr")
    if header_row is not None and rows:
        return Table(rows[0], tuple(rows[1:]))
    return Table((), tuple(rows))


def _is_notice(node: LexborNode) -> bool:
    classes = (node.attributes.get("class") or "").split()
    return "admonition" in classes or node.tag == "details"


def _notice(node: LexborNode) -> Notice:
    title_node = node.css_first(".admonition-title") or node.css_first("summary")
    title = _text(title_node) if title_node is not None else ""
    if title_node is not None:
        title_node.decompose()
    return Notice(title, _text(node))


def _definitions(node: LexborNode) -> Iterable[Block]:
    for child in node.iter():
        if child.tag in ("dt", "dd"):
            yield Paragraph(_text(child))


def _text(node: LexborNode) -> str:
    # A tick box of a task list becomes an empty box readers can tick.
    boxes = node.css("input[type=checkbox]")
    text = node.text(deep=True, separator=" ")
    text = _SPACE.sub(" ", text).strip()
    # Spaces the separator put before punctuation ("Ziel , das") go again.
    text = re.sub(r" ([,.;:!?)“])", r"\1", text).replace("( ", "(").replace("„ ", "„")
    return f"{CHECKBOX} {text}" if boxes and node.tag == "li" else text


# Writing the files


@dataclass(frozen=True)
class DocumentInfo:
    """What a file says about itself, besides the page's blocks."""

    title: str
    language: str
    """The page's language code, e.g. „de“."""
    note: str
    """A closing line: where the template comes from and that local forms take precedence."""


def to_docx(blocks: Sequence[Block], info: DocumentInfo) -> bytes:
    """The blocks as a Word document (Office Open XML), title and language set."""
    document = Document()
    properties = document.core_properties
    properties.title = info.title
    properties.language = _language_tag(info.language)
    properties.author = ""
    # python-docx stamps a new document with the time of writing; a build
    # gives the same file for the same page, so the date is fixed.
    properties.last_modified_by = ""
    properties.created = properties.modified = _DOCUMENT_DATE
    properties.revision = 1
    _docx_default_language(document, _language_tag(info.language))
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=min(block.level, 9))
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        elif isinstance(block, ListBlock):
            for item in block.items:
                if block.checkboxes:
                    document.add_paragraph(item)
                else:
                    style = "List Number" if block.ordered else "List Bullet"
                    document.add_paragraph(item, style=style)
        elif isinstance(block, Table):
            _docx_table(document, block)
        else:
            paragraph = document.add_paragraph()
            if block.title:
                paragraph.add_run(f"{block.title}: ").bold = True
            paragraph.add_run(block.text)
    closing = document.add_paragraph()
    closing.add_run(info.note).italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible(buffer.getvalue())


def _docx_table(document: object, table: Table) -> None:
    rows = ([table.header] if table.header else []) + list(table.rows)
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return
    grid = document.add_table(rows=len(rows), cols=columns)  # type: ignore[attr-defined]
    grid.style = "Table Grid"
    for row_number, row in enumerate(rows):
        for column, text in enumerate(row):
            cell = grid.cell(row_number, column)
            run = cell.paragraphs[0].add_run(text)
            run.bold = bool(table.header) and row_number == 0
            if not text:
                # Room to write by hand in the printed file.
                cell.paragraphs[0].paragraph_format.space_after = Pt(14)
    document.add_paragraph()  # type: ignore[attr-defined]


def _docx_default_language(document: object, tag: str) -> None:
    # Spelling and hyphenation follow the text's language (w:lang on Normal).
    style = document.styles["Normal"]  # type: ignore[attr-defined]
    properties = style.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), tag)
    properties.append(language)


def to_odt(blocks: Sequence[Block], info: DocumentInfo) -> bytes:
    """The blocks as an OpenDocument text, title and language set."""
    _odf_warm_up()
    return _odt(blocks, info)


_warm: list[bool] = []


def _odf_warm_up() -> None:
    # odfpy registers XML namespaces process-wide as it first writes them, so
    # the first document of a process declares fewer than every later one.
    # One throwaway document first: every file of a build, and of each
    # rebuild under `mkdocs serve`, is then written the same way.
    if not _warm:
        _odt([], DocumentInfo(title="", language="de", note=""))
        _warm.append(True)


def _odt(blocks: Sequence[Block], info: DocumentInfo) -> bytes:
    document = OpenDocumentText()
    tag = _language_tag(info.language)
    document.meta.addElement(dc.Title(text=info.title))
    document.meta.addElement(dc.Language(text=tag))
    styles = _OdfStyles(document, tag)
    body = document.text
    for number, block in enumerate(blocks, start=1):
        if isinstance(block, Heading):
            level = min(block.level, 6)
            body.addElement(H(outlinelevel=level, stylename=styles.heading(level), text=block.text))
        elif isinstance(block, Paragraph):
            body.addElement(P(stylename=styles.body, text=block.text))
        elif isinstance(block, ListBlock):
            if block.checkboxes:
                for item in block.items:
                    body.addElement(P(stylename=styles.body, text=item))
            else:
                items = List(stylename=styles.numbered if block.ordered else styles.bullets)
                for item in block.items:
                    entry = ListItem()
                    entry.addElement(P(stylename=styles.body, text=item))
                    items.addElement(entry)
                body.addElement(items)
        elif isinstance(block, Table):
            _odt_table(body, block, styles, name=f"Tabelle{number}")
        else:
            paragraph = P(stylename=styles.body)
            if block.title:
                paragraph.addElement(Span(stylename=styles.strong, text=f"{block.title}: "))
            paragraph.addText(block.text)
            body.addElement(paragraph)
    closing = P(stylename=styles.body)
    closing.addElement(Span(stylename=styles.emphasis, text=info.note))
    body.addElement(closing)
    buffer = io.BytesIO()
    document.write(buffer)
    return _reproducible(buffer.getvalue())


class _OdfStyles:
    """The few named styles an ODT file needs: body, headings, emphasis, lists, table cells."""

    def __init__(self, document: OpenDocumentText, tag: str) -> None:
        language, _, country = tag.partition("-")
        self._document = document
        self._language = {"language": language, "country": country or "none"}
        self.body = self._paragraph("Textkoerper", fontsize="11pt")
        self._headings: dict[int, Style] = {}
        self.strong = self._text("Fett", fontweight="bold")
        self.emphasis = self._text("Kursiv", fontstyle="italic")
        self.cell = Style(name="Tabellenzelle", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        document.automaticstyles.addElement(self.cell)
        self.header_cell = self._paragraph("Tabellenkopf", fontsize="11pt", fontweight="bold")
        self.bullets = self._list("Aufzaehlung", numbered=False)
        self.numbered = self._list("Nummerierung", numbered=True)

    def heading(self, level: int) -> Style:
        if level not in self._headings:
            size = {1: "18pt", 2: "15pt", 3: "13pt"}.get(level, "12pt")
            style = Style(name=f"Heading {level}", family="paragraph", defaultoutlinelevel=level)
            style.addElement(ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm"))
            style.addElement(TextProperties(fontsize=size, fontweight="bold", **self._language))
            self._document.styles.addElement(style)
            self._headings[level] = style
        return self._headings[level]

    def _paragraph(self, name: str, **text: str) -> Style:
        style = Style(name=name, family="paragraph")
        style.addElement(ParagraphProperties(marginbottom="0.2cm"))
        style.addElement(TextProperties(**text, **self._language))
        self._document.styles.addElement(style)
        return style

    def _text(self, name: str, **text: str) -> Style:
        style = Style(name=name, family="text")
        style.addElement(TextProperties(**text))
        self._document.styles.addElement(style)
        return style

    def _list(self, name: str, *, numbered: bool) -> ListStyle:
        style = ListStyle(name=name)
        if numbered:
            level = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
        else:
            level = ListLevelStyleBullet(level=1, bulletchar="•")
        level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
        style.addElement(level)
        self._document.styles.addElement(style)
        return style


def _odt_table(body: object, table: Table, styles: _OdfStyles, *, name: str) -> None:
    rows = ([table.header] if table.header else []) + list(table.rows)
    columns = max((len(row) for row in rows), default=0)
    if not columns:
        return
    grid = OdfTable(name=name)
    grid.addElement(TableColumn(numbercolumnsrepeated=columns))
    for row_number, row in enumerate(rows):
        line = TableRow()
        header = bool(table.header) and row_number == 0
        for column in range(columns):
            text = row[column] if column < len(row) else ""
            cell = TableCell(stylename=styles.cell, valuetype="string")
            cell.addElement(P(stylename=styles.header_cell if header else styles.body, text=text))
            line.addElement(cell)
        grid.addElement(line)
    body.addElement(grid)  # type: ignore[attr-defined]
    body.addElement(P(stylename=styles.body))  # type: ignore[attr-defined]


# The date every archive member gets: the earliest a ZIP file can hold.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_DOCUMENT_DATE = datetime.datetime(*_ZIP_EPOCH, tzinfo=datetime.UTC)


def _reproducible(archive: bytes) -> bytes:
    """The same archive with fixed member dates: two builds of a page give the same file.

    Both libraries stamp each member with the time of writing. Order and
    compression stay as they were (ODT needs its uncompressed „mimetype“ first).
    """
    source = zipfile.ZipFile(io.BytesIO(archive))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_ZIP_EPOCH)
            info.compress_type = member.compress_type
            info.external_attr = member.external_attr
            target.writestr(info, source.read(member.filename))
    return buffer.getvalue()


def _language_tag(language: str) -> str:
    # Word and LibreOffice want a region: German texts here are from Germany.
    return {"de": "de-DE", "en": "en-GB"}.get(language, language)


# The line of links on the page


def file_name(page_name: str, extension: str) -> str:
    """The download's file name: the page's name, e.g. „einarbeitungsplan.docx“."""
    return f"{page_name}.{extension}"


def links_html(page_name: str, *, language: str) -> str:
    """The paragraph that replaces the marker: one link per format, words in the page's language."""
    links = " · ".join(
        f'<a href="{escape(file_name(page_name, extension))}" download>'
        f"{escape(label('downloads', extension, language=language))}</a>"
        for extension in FORMATS
    )
    intro = escape(label("downloads", "intro", language=language))
    return f'<p class="{LINKS_CLASS}">{intro} {links}</p>'


def note(site_name: str, *, language: str) -> str:
    """The closing line of each file."""
    return label("downloads", "note", language=language).format(site=site_name)
