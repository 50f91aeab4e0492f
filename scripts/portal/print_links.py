"""Link targets on paper: every link of a page's text carries its full web address.

A printed page cannot be clicked. ``docs/stylesheets/print.css`` writes a
link's target after its text; for a link to another site that is its
``href``, for a link inside the portal (``../ablauf/``) the page's address
on the portal's public site (``site_url``), which this module puts into
``data-print-url``.
"""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

ATTRIBUTE = "data-print-url"


def mark(html: str, *, page_url: str, site_url: str) -> str:
    """`html` with the full address of every relative link in ``data-print-url``.

    Links within the page (``#…``) and headings' permalinks get none; HTML
    without a relative link is returned unchanged, byte for byte.
    """
    if not site_url or "href=" not in html:
        return html
    base = urljoin(site_url, page_url)
    tree = LexborHTMLParser(html)
    changed = False
    for link in tree.css("a[href]"):
        href = link.attrs["href"] or ""
        if not href or href.startswith("#") or "headerlink" in (link.attrs.get("class") or ""):
            continue
        absolute = urljoin(base, href)
        if absolute == href:
            continue  # written as a full address: print.css shows it as it is
        link.attrs[ATTRIBUTE] = absolute
        changed = True
    body = tree.body
    if not changed or body is None:
        return html
    return body.inner_html or html
