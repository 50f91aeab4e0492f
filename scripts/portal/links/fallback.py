"""Links on fallback pages lead to a target that has their anchor.

mkdocs-static-i18n builds a page without translation also under ``/en/``
(fallback_to_default): German text, shown to English readers. Its links were
written against German pages, ``[Ablauf](hpg.md#vorbereitung)``, but i18n
resolves them to the English translation of the target when there is one,
whose headings have English ids: the anchor leads nowhere there. Such a link
is led to the German target instead, which has the anchor, and says so with
``hreflang`` (the language of its target), for readers' browsers and for the
link guard. A link whose anchor the translation has too, or neither page has,
is left alone: the first works, the second the guard reports.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from urllib.parse import unquote, urljoin

from selectolax.lexbor import LexborHTMLParser

from portal.languages import Languages
from portal.links.resolve import is_external
from portal.print_links import ATTRIBUTE as PRINT_URL

# Functions


def anchor_ids(html: str) -> frozenset[str]:
    """The ids (and ``<a name>``s) an HTML fragment offers as link targets."""
    if "id=" not in html and "name=" not in html:
        return frozenset()
    ids: set[str] = set()
    for node in LexborHTMLParser(html).css("[id], a[name]"):
        ids.add(node.attributes.get("id") or "")
        if node.tag == "a":
            ids.add(node.attributes.get("name") or "")
    ids.discard("")
    return frozenset(ids)


def lead_to_anchors(
    html: str,
    *,
    page_url: str,
    anchors_of: Callable[[str], frozenset[str] | None],
    languages: Languages,
    site_url: str = "",
) -> str:
    """`html` of a fallback page, its anchor links led to the default language where needed.

    `page_url` is the page's site-relative URL in this build (``en/a/``);
    `anchors_of(url)` gives the anchors of the page at a site-relative URL of
    any language (``en/b/``, ``b/``), or None if there is none. HTML without
    such a link is returned unchanged, byte for byte.
    """
    if "#" not in html:
        return html
    tree = LexborHTMLParser(html)
    default = languages.default
    changed = False
    for link in tree.css("a[href]"):
        href = link.attrs["href"] or ""
        new = _led_to_default(href, page_url=page_url, anchors_of=anchors_of, languages=languages)
        if new is None:
            continue
        link.attrs["href"] = new
        if not link.attrs.get("hreflang"):
            link.attrs["hreflang"] = default.code
        if link.attrs.get(PRINT_URL) is not None:
            link.attrs[PRINT_URL] = urljoin(urljoin(site_url, page_url), new)
        changed = True
    body = tree.body
    if not changed or body is None:
        return html
    return body.inner_html or html


# Helper functions


def _led_to_default(
    href: str,
    *,
    page_url: str,
    anchors_of: Callable[[str], frozenset[str] | None],
    languages: Languages,
) -> str | None:
    """The href to the default language's target, or None if `href` is right as it is."""
    if is_external(href) or href.startswith(("/", "#")):
        return None
    path, hash_sign, fragment = href.partition("#")
    if not hash_sign or not fragment:
        return None
    folder = page_url.rpartition("/")[0]
    raw = unquote(path.partition("?")[0])
    target = posixpath.normpath(posixpath.join(folder, raw)) if raw else page_url
    if target.startswith("..") or languages.of_url(target).default:
        return None
    if target == ".":
        target = ""
    if raw.endswith("/") and target and not target.endswith("/"):
        target += "/"
    anchor = unquote(fragment)
    here = anchors_of(target)
    if here is None or anchor in here:
        return None
    default_target = languages.default.prefix + languages.strip_prefix(target)
    there = anchors_of(default_target)
    if there is None or anchor not in there:
        return None
    relative = posixpath.relpath(default_target or ".", folder or ".")
    if default_target.endswith("/") or not default_target:
        relative = relative.rstrip("/") + "/"
    return f"{relative}#{fragment}"
