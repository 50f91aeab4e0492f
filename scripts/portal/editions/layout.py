"""WeasyPrint's part of the PDF editions: one document laid out, with local files only.

Imported by `portal.editions.render` only when an edition is laid out, not
copied from the cache: WeasyPrint and Pango cost a build about a second to load.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML  # type: ignore[import-untyped]
from weasyprint.text.fonts import FontConfiguration  # type: ignore[import-untyped]
from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

from portal.editions.render import FONTS, PDF_VARIANT, STYLESHEET, font_css


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


def lay_out(html: str, *, base: Path, target: Path) -> None:
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
