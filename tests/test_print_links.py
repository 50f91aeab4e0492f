"""Link targets for print: relative links get their full address (``portal.print_links``)."""

from __future__ import annotations

from portal.print_links import mark

SITE = "https://portal.example/"


def test_relative_links_get_their_address_others_stay() -> None:
    html = (
        '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
        '<p><a href="../ablauf/#b">Ablauf</a> <a href="#a">oben</a> '
        '<a href="https://example.org/">fremd</a> <a href="mailto:x@example.org">Post</a></p>'
    )
    assert mark(html, page_url="en/einarbeitung/", site_url=SITE) == (
        '<h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>'
        '<p><a href="../ablauf/#b" data-print-url="https://portal.example/en/ablauf/#b">Ablauf</a> '
        '<a href="#a">oben</a> <a href="https://example.org/">fremd</a> '
        '<a href="mailto:x@example.org">Post</a></p>'
    )


def test_html_without_relative_links_is_returned_unchanged() -> None:
    html = '<p>Text &amp; <a href="#x">hier</a><br/></p>'
    assert mark(html, page_url="a/", site_url=SITE) == html
    assert mark('<p><a href="../b/">b</a></p>', page_url="a/", site_url="") == (
        '<p><a href="../b/">b</a></p>'
    )
