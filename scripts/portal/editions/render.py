"""Lay an edition out as a tagged PDF with WeasyPrint.

The PDF must look the same on every machine: its fonts are font files named
here (`FONTS`), never whatever a machine's font configuration picks, and
nothing is fetched from the network (`LocalFetcher`).

Laying an edition out takes seconds, and the preview rebuilds on every save:
with a ``cache_dir``, `render_pdf` lays out only what it has not laid out
before (`cache_key`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

STYLESHEET = Path(__file__).resolve().parent / "edition.css"
PDF_VARIANT = "pdf/ua-1"
"""WeasyPrint's PDF/UA variant: tagged, with structure tree, language and title."""
CACHE_KEEP = 8
"""Laid-out PDFs kept per edition file name (both languages' editions share the count)."""
REFERENCING_ATTRIBUTES = ("src", "href", "data", "poster", "xlink:href")
"""Attributes through which an HTML element names a file WeasyPrint may read."""


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: int
    style: str
    file: Path


DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = (
    # Debian's fonts-dejavu-core (make install): regular and bold of the
    # sans and the monospace face.
    FontFace("Portal Sans", 400, "normal", DEJAVU / "DejaVuSans.ttf"),
    FontFace("Portal Sans", 700, "normal", DEJAVU / "DejaVuSans-Bold.ttf"),
    FontFace("Portal Mono", 400, "normal", DEJAVU / "DejaVuSansMono.ttf"),
)


class FontsMissing(Exception):
    """A font file the editions embed is not on this machine."""


def font_css(fonts: tuple[FontFace, ...] = FONTS) -> str:
    missing = [face.file for face in fonts if not face.file.is_file()]
    if missing:
        raise FontsMissing(", ".join(str(file) for file in missing))
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f'font-style: {face.style}; src: url("{face.file.as_uri()}"); }}'
        for face in fonts
    )


def render_pdf(html: str, *, base: Path, target: Path, cache_dir: Path | None = None) -> int:
    """Write the PDF of `html` (relative files below `base`) to `target`; return its size.

    With `cache_dir`, a PDF laid out before from the same inputs is copied
    instead, and a new one is kept there for the next time.
    """
    if cache_dir is None:
        _layout().lay_out(html, base=base, target=target)
        return target.stat().st_size
    entry = cache_dir / f"{target.stem}-{cache_key(html, base=base)}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        shutil.copyfile(entry, target)
    except FileNotFoundError:
        # Not laid out yet, or just pruned by a build running beside this one.
        _layout().lay_out(html, base=base, target=target)
        _store(target, entry)
    else:
        # Used now: pruning goes by modification time, least recently used first.
        os.utime(entry)
    _prune(cache_dir, target.stem, keep=CACHE_KEEP)
    return target.stat().st_size


def cache_key(html: str, *, base: Path) -> str:
    """A digest of everything that decides the PDF of `html`.

    The HTML is read for the files it names (selectolax), rather than
    hashing all of `base`: `base` is the whole docs/ folder, and hashing it
    would make every saved page lay the editions out again. CSS inside the
    HTML is not read for url(): the chapters are the pages' Markdown as
    rendered, which brings no stylesheets. What the HTML does not name is
    hashed here directly: this module (options, font list), the edition's
    stylesheet (it names no files; the fonts come from `font_css`), the font
    files and the versions of WeasyPrint and of pydyf, which writes the file.
    Debian's Pango, which sets the lines, is not in it: after an upgrade of
    libpango, delete .cache/editions/ for editions laid out anew.
    """
    digest = hashlib.sha256()

    def add(name: str, data: bytes) -> None:
        # Name and length first: no two different inputs hash alike.
        digest.update(f"{name}\0{len(data)}\0".encode())
        digest.update(data)

    add("weasyprint", version("weasyprint").encode())
    add("pydyf", version("pydyf").encode())
    add("render.py", Path(__file__).read_bytes())
    add("layout.py", Path(__file__).with_name("layout.py").read_bytes())
    add("stylesheet", STYLESHEET.read_bytes())
    add("font-css", font_css().encode())
    for face in FONTS:
        add(f"font {face.file}", face.file.read_bytes())
    # Links the HTML leaves relative end up in the PDF resolved against `base`.
    add("base", str(base.resolve()).encode())
    add("html", html.encode())
    for file in sorted(_referenced_files(html, base=base)):
        add(f"file {file}", file.read_bytes())
    return digest.hexdigest()


# Helper functions


def _layout() -> Any:
    # WeasyPrint (with Pango) takes about a second to import: only a build
    # that lays out an edition, past the cache, pays for it.
    from portal.editions import layout

    return layout


def _referenced_files(html: str, *, base: Path) -> set[Path]:
    """The files below `base` that elements of `html` name, as WeasyPrint resolves them."""
    root = base.resolve()
    base_url = base.as_uri() + "/"
    selector = ", ".join(f"[{name.replace(':', '|')}]" for name in REFERENCING_ATTRIBUTES)
    files: set[Path] = set()
    for node in LexborHTMLParser(html).css(selector):
        for name in REFERENCING_ATTRIBUTES:
            value = node.attrs.get(name)
            if not value:
                continue
            url = urlsplit(urljoin(base_url, value.strip()))
            if url.scheme != "file":
                continue
            path = Path(unquote(url.path)).resolve()
            if path.is_relative_to(root) and path.is_file():
                files.add(path)
    return files


def _store(pdf: Path, entry: Path) -> None:
    """Copy `pdf` to `entry` whole or not at all: a build killed meanwhile leaves no half file."""
    entry.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=f".{entry.stem}-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as copy, pdf.open("rb") as original:
            shutil.copyfileobj(original, copy)
        os.replace(temporary, entry)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _prune(cache_dir: Path, name: str, *, keep: int) -> None:
    """Delete all but the `keep` most recently used PDFs of the edition file `name`."""
    entries = []
    for entry in cache_dir.glob("*.pdf"):
        # Only this edition's: „einarbeitung“ must not prune „einarbeitung-kurz“.
        if entry.stem.rpartition("-")[0] != name:
            continue
        try:
            entries.append((entry.stat().st_mtime_ns, entry))
        except FileNotFoundError:
            continue  # pruned by a build running beside this one
    entries.sort(reverse=True)
    for _, entry in entries[keep:]:
        entry.unlink(missing_ok=True)
