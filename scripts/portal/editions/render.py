"""Lay an edition out as a tagged PDF with WeasyPrint.

The PDF must look the same on every machine: its fonts are font files named
here (`FONTS`), never whatever a machine's font configuration picks, and
nothing is fetched from the network (`LocalFetcher`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML  # type: ignore[import-untyped]
from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

STYLESHEET = Path(__file__).resolve().parent / "edition.css"
PDF_VARIANT = "pdf/ua-1"
"""WeasyPrint's PDF/UA variant: tagged, with structure tree, language and title."""


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


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    """Fetches files below the given folders and data: URLs; nothing else."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self._roots = [root.resolve() for root in roots]

    def fetch(self, url: str, headers: Any = None) -> Any:
        if url.startswith("file:"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not any(path.is_relative_to(root) for root in self._roots):
                raise ValueError(f"not below the edition's folders: {url}")
        return super().fetch(url, headers)


def font_css(fonts: tuple[FontFace, ...] = FONTS) -> str:
    missing = [face.file for face in fonts if not face.file.is_file()]
    if missing:
        raise FontsMissing(", ".join(str(file) for file in missing))
    return "\n".join(
        f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
        f'font-style: {face.style}; src: url("{face.file.as_uri()}"); }}'
        for face in fonts
    )


def render_pdf(html: str, *, base: Path, target: Path) -> int:
    """Write the PDF of `html` (relative files below `base`) to `target`; return its size."""
    fonts = FontConfiguration()
    roots = [base, *{face.file.parent for face in FONTS}]
    fetcher = LocalFetcher(roots)
    stylesheets = [
        CSS(string=font_css(), font_config=fonts, url_fetcher=fetcher),
        CSS(filename=str(STYLESHEET), font_config=fonts, url_fetcher=fetcher),
    ]
    document = HTML(string=html, base_url=base.as_uri() + "/", url_fetcher=fetcher)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(
        target,
        stylesheets=stylesheets,
        font_config=fonts,
        pdf_variant=PDF_VARIANT,
        # The same pages give the same file: no random identifier.
        pdf_identifier=hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii"),
    )
    return target.stat().st_size
