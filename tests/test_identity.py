"""The portal's identity: KERN tokens, the self-hosted Fira Sans subset, the page frame.

The fonts are committed as subsets (scripts/subset_fonts.py); these tests
make sure every character of the pages is in them, that the stylesheet loads
only those files, and that the built frame names the operator, links the
accessible offers and asks for feedback without tracking.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import subset_fonts
from fontTools.ttLib import TTFont
from selectolax.lexbor import LexborHTMLParser

from portal.labels import LABELS
from sitebuilder import FURNISHED_NOT_IN_NAV, PROJECT_ROOT, build, page, write_site

FONTS = PROJECT_ROOT / "docs" / "assets" / "fonts"
STYLESHEET = PROJECT_ROOT / "docs" / "stylesheets" / "portal.css"
# Typed by editors, but never shown in the portal's font: markup and
# whitespace the browser does not draw as glyphs.
INVISIBLE = {"\n", "\r", "\t", "\ufeff", "\u00ad"}


def _covered(path: Path) -> set[int]:
    return set(TTFont(path).getBestCmap())


@pytest.mark.parametrize("face", subset_fonts.FACES, ids=lambda face: face.target.name)
def test_every_character_of_the_pages_is_in_the_font(face: subset_fonts.Face) -> None:
    covered = _covered(face.target)
    texts = [path for path in sorted((PROJECT_ROOT / "docs").rglob("*.md"))]
    missing: dict[str, str] = {}
    for path in texts:
        for character in path.read_text(encoding="utf-8"):
            if character in INVISIBLE or ord(character) in covered:
                continue
            missing.setdefault(character, path.relative_to(PROJECT_ROOT).as_posix())
    for words in LABELS.values():
        for translations in words.values():
            for text in translations.values():
                for character in text:
                    if ord(character) not in covered:
                        missing.setdefault(character, "scripts/portal/labels.py")
    assert not missing, "\n".join(
        f"{where}: „{character}“ (U+{ord(character):04X}) fehlt in {face.target.name} — "
        "Bereich in scripts/subset_fonts.py (UNICODES) ergänzen und das Skript ausführen"
        for character, where in sorted(missing.items())
    )


def test_fonts_are_small_woff2_with_their_licence() -> None:
    for face in subset_fonts.FACES:
        data = face.target.read_bytes()
        assert data[:4] == b"wOF2", f"{face.target.name} ist kein WOFF2"
        assert len(data) < 20_000, f"{face.target.name}: {len(data)} Bytes, Teilmenge zu groß"
    assert "SIL Open Font License" in (FONTS / "ofl.txt").read_text(encoding="utf-8")


def test_the_stylesheet_loads_exactly_the_committed_fonts() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    loaded = set(re.findall(r'url\("\.\./assets/fonts/([^"]+)"\)', css))
    assert loaded == {face.target.name for face in subset_fonts.FACES}
    assert "@kern-ux/native 2.7.2" in css and "EUPL-1.2" in css


OPERATOR = """
extra:
  operator:
    name: Landesjugendamt Testland
    logo: assets/logo.svg
    email: redaktion@example.org
"""


def test_frame_names_the_operator_and_asks_for_feedback_by_mail(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start"), "a/index.md": page("Bereich"), "a/b.md": page("Kapitel")},
        nav="  - Start: index.md\n  - Bereich:\n    - a/index.md\n    - a/b.md",
        extra_config=OPERATOR,
        not_in_nav=FURNISHED_NOT_IN_NAV,
    )
    result = build(config)
    assert result.ok, result.log
    html = LexborHTMLParser((result.site_dir / "a" / "b" / "index.html").read_text("utf-8"))
    operator = html.css_first(".portal-identity__operator")
    assert operator is not None and operator.text(strip=True) == "Landesjugendamt Testland"
    logo = html.css_first(".portal-identity__logo")
    assert logo is not None and logo.attributes["alt"] == ""
    offers = [a.attributes["href"] for a in html.css(".portal-identity__offers a")]
    assert offers == ["../../leichte-sprache/", "../../gebaerdensprache/"]
    crumbs = [a.text(strip=True) for a in html.css("nav.md-path a")]
    assert crumbs == ["Start", "Bereich"]
    link = html.css_first(".portal-feedback a")
    assert link is not None
    assert link.attributes["href"] == (
        "mailto:redaktion@example.org?subject=R%C3%BCckmeldung%20zur%20Seite%3A%20Kapitel"
        "%20%28http%3A//127.0.0.1%3A8000/a/b/%29"
    )
