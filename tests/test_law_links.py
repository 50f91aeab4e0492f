"""Citations of federal law link to gesetze-im-internet.de (portal/law_links.py)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from selectolax.lexbor import LexborHTMLParser

from portal.law_links import CITATION, law_url, link_citations

LAW = "https://www.gesetze-im-internet.de/"


def render(text: str) -> str:
    return str(markdown.markdown(text, extensions=["portal.law_links", "abbr"]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nach § 36 SGB VIII.",
            f'<p>Nach <a href="{LAW}sgb_8/__36.html" hreflang="de">§ 36 SGB VIII</a>.</p>',
        ),
        (
            "(§ 8a Abs. 1 S. 2 SGB VIII)",
            f'<p>(<a href="{LAW}sgb_8/__8a.html" hreflang="de">§ 8a Abs. 1 S. 2 SGB VIII</a>)</p>',
        ),
        (
            "§§ 8a, 8b SGB VIII",
            f'<p><a href="{LAW}sgb_8/__8a.html" hreflang="de">§§ 8a</a>, '
            f'<a href="{LAW}sgb_8/__8b.html" hreflang="de">8b</a> SGB VIII</p>',
        ),
        (
            "§ 36 und § 37 SGB VIII",
            f'<p><a href="{LAW}sgb_8/__36.html" hreflang="de">§ 36</a> und '
            f'<a href="{LAW}sgb_8/__37.html" hreflang="de">§ 37</a> SGB VIII</p>',
        ),
        (
            "§§ 27 ff. SGB VIII",
            f'<p><a href="{LAW}sgb_8/__27.html" hreflang="de">§§ 27 ff. SGB VIII</a></p>',
        ),
        (
            "§\u00a01666 BGB und Art. 6 GG",
            f'<p><a href="{LAW}bgb/__1666.html" hreflang="de">§\u00a01666 BGB</a> und '
            f'<a href="{LAW}gg/art_6.html" hreflang="de">Art. 6 GG</a></p>',
        ),
        # Already a link, code, a heading, state or EU law: left as written.
        ("[§ 8a SGB VIII](kinderschutz.md)", '<p><a href="kinderschutz.md">§ 8a SGB VIII</a></p>'),
        ("`§ 5 SGB VIII`", "<p><code>§ 5 SGB VIII</code></p>"),
        ("## § 36 SGB VIII", "<h2>§ 36 SGB VIII</h2>"),
        ("§ 4 LBGG M-V, Art. 6 DSGVO", "<p>§ 4 LBGG M-V, Art. 6 DSGVO</p>"),
        ("§ 36 SGB VIIIa", "<p>§ 36 SGB VIIIa</p>"),
    ],
)
def test_citations_become_links_to_the_law(text: str, expected: str) -> None:
    assert render(text) == expected


def test_citation_inside_emphasis_and_before_an_abbreviation() -> None:
    html = render("**§ 42 SGB VIII** gilt.\n\n*[SGB]: Sozialgesetzbuch")
    assert html.startswith(f'<p><strong><a href="{LAW}sgb_8/__42.html" hreflang="de">§ 42 ')


def test_law_urls() -> None:
    assert law_url("SGB IX", "117") == f"{LAW}sgb_9_2018/__117.html"
    assert law_url("SGB X", "67a") == f"{LAW}sgb_10/__67a.html"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_citation_in_the_portal_is_linked(portal_site: Path, prefix: str) -> None:
    unlinked = []
    linked = 0
    for page in sorted((portal_site / prefix).glob("**/index.html")):
        if prefix == "" and page.relative_to(portal_site).parts[0] == "en":
            continue
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        article = tree.css_first("article")
        if article is None:
            continue
        linked += len(article.css(f'a[href^="{LAW}"]'))
        for node in article.css("a, code, pre, h1, h2, h3, h4, h5, h6"):
            node.decompose()
        unlinked += [
            f"{page.relative_to(portal_site)}: {match[0]}"
            for match in CITATION.finditer(article.text(separator=""))
        ]
    assert unlinked == []
    assert linked > 50


def test_plain_text_is_escaped_and_linked() -> None:
    assert link_citations("§ 8a SGB VIII & <mehr>") == (
        f'<a href="{LAW}sgb_8/__8a.html" hreflang="de">§ 8a SGB VIII</a> &amp; &lt;mehr&gt;'
    )
