"""What every tiny test site needs to look and link like the portal.

The portal's templates link the legal pages from every footer and load the
portal's stylesheets and images; the link checks of the build insist on
them. A tiny site therefore carries the real stylesheets and images and a
short stand-in for each legal page, in both languages.
"""

from __future__ import annotations

from sitebuilder import PROJECT_ROOT, page

LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit", "kontakt")


def frame_files() -> dict[str, str]:
    """Stylesheets, images and legal pages, as ``write_site`` takes them."""
    docs = PROJECT_ROOT / "docs"
    files = {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for folder in ("stylesheets", "assets")
        for path in sorted((docs / folder).rglob("*"))
        if path.suffix in {".css", ".svg"}
    }
    for name in LEGAL_PAGES:
        title = name.capitalize()
        files[f"{name}.md"] = page(title, f"## {title}\n\nPlatzhalter für die Tests.")
        files[f"{name}.en.md"] = page(title, f"## {title}\n\nStand-in for the tests.")
    return files
