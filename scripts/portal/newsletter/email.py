"""One issue as an e-mail: self-contained HTML with inline CSS, and a plain-text part.

The HTML is the issue's Markdown rendered with the portal's own extensions,
put into ``templates/email.html`` and passed through css-inline, so that mail
programs that drop ``<style>`` still show it styled; the dark-mode rules stay
in a ``<style>`` (media queries cannot be inlined). Every link and image
points to the published portal (``site_url``): a link to another page of the
portal goes to that page in the e-mail's language where it is translated.
The footer links the issue on the portal and the way to unsubscribe.

`check_email` is the e-mail check: no script, no external stylesheet, no
event handler, every link and image absolute, every image with a text.
"""

from __future__ import annotations

import posixpath
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import css_inline
import jinja2
from markdown import Markdown  # type: ignore[import-untyped]
from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal.findings import Finding
from portal.labels import labels_of
from portal.languages import Languages
from portal.metadata.dates import format_date
from portal.newsletter.model import Issue
from portal.newsletter.subscription import Subscription

MARKDOWN_EXTENSIONS = [
    "portal.gender_star",
    "portal.law_links",
    "abbr",
    "attr_list",
    "def_list",
    "tables",
    "md_in_html",
]
"""The portal's text extensions (mkdocs.yml), without those that need the theme."""

TEXT_WIDTH = 72
"""Lines of the plain-text part, as mail programs wrap them."""

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("portal.newsletter", "templates"),
    autoescape=False,  # the template escapes each value itself (| e); the body is HTML
    keep_trailing_newline=True,
)
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Email:
    """An issue as an e-mail, ready for a mailing list's "send HTML with text" form."""

    subject: str
    html: str
    text: str


def render_email(
    issue: Issue,
    *,
    language: str,
    languages: Languages,
    docs_dir: Path,
    site_url: str,
    site_name: str,
    subscription: Subscription,
) -> Email:
    """The e-mail of `issue` in `language` (its source text where not translated)."""
    text = issue.text(language)
    base = site_url if site_url.endswith("/") else site_url + "/"
    web_url = urljoin(base, languages.url(text.src_uri, text.language))
    words = labels_of("newsletter", language=language)
    subject = f"{site_name}: {words['issue']} {issue.number} – {text.title}"
    body = _body_html(
        text.front_matter.source.text[_body_start(text.front_matter.source.text) :],
        src_uri=text.src_uri,
        language=language,
        languages=languages,
        docs_dir=docs_dir,
        base=base,
        page_url=web_url,
    )
    unsubscribe_shown = (
        subscription.unsubscribe_email
        if subscription.kind == "mailto"
        else subscription.unsubscribe_href
    )
    context = {
        "language": language,
        "content_language": text.language,
        "subject": subject,
        "site_name": site_name,
        "number": issue.number,
        "date_text": format_date(issue.date, language=language),
        "title": text.title,
        "body": body,
        "web_url": web_url,
        "unsubscribe_href": subscription.unsubscribe_href,
        "unsubscribe_shown": unsubscribe_shown,
        "unsubscribe_text": words["unsubscribe_email_text"],
        "words": words,
    }
    document = _TEMPLATES.get_template("email.html").render(**context)
    inlined: str = _INLINER.inline(document)
    return Email(subject, inlined, plain_text(inlined))


def check_email(html: str, *, path: str) -> list[Finding]:
    """What makes an HTML e-mail fail in mail programs, as findings for `path`."""
    tree = LexborHTMLParser(html)
    findings: list[Finding] = []

    def problem(what: str, fix: str) -> None:
        findings.append(Finding(path, 0, what, fix))

    if tree.css_first("script"):
        problem(
            "Die E-Mail enthält ein Skript",
            "entfernen Sie <script>: Mailprogramme führen es nicht aus.",
        )
    for link in tree.css("link"):
        if "stylesheet" in (link.attributes.get("rel") or ""):
            problem(
                "Die E-Mail lädt ein Stylesheet von außen",
                "setzen Sie die Gestaltung in die Vorlage: css-inline schreibt sie in die "
                "Elemente.",
            )
    for style in tree.css("style"):
        if "@import" in style.text():
            problem("Die E-Mail lädt CSS mit @import", "entfernen Sie @import aus der Vorlage.")
    for node in tree.css("*"):
        handlers = [name for name in node.attributes if name.lower().startswith("on")]
        if handlers:
            problem(
                f"<{node.tag}> hat den Ereignis-Handler {handlers[0]}",
                "entfernen Sie Skript-Attribute: Mailprogramme führen sie nicht aus.",
            )
    for anchor in tree.css("a[href]"):
        href = anchor.attributes.get("href") or ""
        if urlsplit(href).scheme not in {"http", "https", "mailto"}:
            problem(
                f"Der Link „{href}“ ist nicht absolut",
                "verlinken Sie mit der vollen Adresse (https://…), sonst führt er ins Leere.",
            )
    for image in tree.css("img"):
        src = image.attributes.get("src") or ""
        if urlsplit(src).scheme not in {"http", "https"}:
            problem(
                f"Das Bild „{src}“ hat keine absolute Adresse",
                "binden Sie Bilder mit der vollen Adresse (https://…) ein.",
            )
        if not (image.attributes.get("alt") or "").strip():
            problem(
                f"Das Bild „{src}“ hat keinen Alternativtext",
                "beschreiben Sie das Bild im Alternativtext: ![Beschreibung](bild.png).",
            )
    return findings


def plain_text(html: str) -> str:
    """The text part of an e-mail: headings, paragraphs, lists and links as plain text."""
    tree = LexborHTMLParser(html)
    root = tree.css_first(".mail") or tree.body
    blocks = list(_blocks(root)) if root is not None else []
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


# Helper functions


def _body_start(text: str) -> int:
    """Where the body starts, after the front matter and the first-level heading."""
    position = 0
    if text.startswith("---"):
        end = text.find("\n---", 3)
        position = text.find("\n", end + 4) + 1 if end >= 0 else 0
    lines = text[position:].split("\n")
    for index, line in enumerate(lines):
        if line.startswith("# "):
            return position + len("\n".join(lines[: index + 1])) + 1
        if line.strip():
            break
    return position


def _body_html(
    markdown: str,
    *,
    src_uri: str,
    language: str,
    languages: Languages,
    docs_dir: Path,
    base: str,
    page_url: str,
) -> str:
    html: str = Markdown(extensions=MARKDOWN_EXTENSIONS).convert(markdown)
    tree = LexborHTMLParser(f"<div id='portal-email-body'>{html}</div>")
    for node in tree.css("a[href], img[src]"):
        attribute = "href" if node.tag == "a" else "src"
        value = node.attributes.get(attribute) or ""
        node.attrs[attribute] = _absolute(
            value,
            src_uri=src_uri,
            language=language,
            languages=languages,
            docs_dir=docs_dir,
            base=base,
            page_url=page_url,
        )
        if node.tag == "a" and "hreflang" in node.attributes:
            del node.attrs["hreflang"]
    container = tree.css_first("#portal-email-body")
    inner = container.inner_html if container is not None else None
    return inner if inner is not None else html


def _absolute(
    href: str,
    *,
    src_uri: str,
    language: str,
    languages: Languages,
    docs_dir: Path,
    base: str,
    page_url: str,
) -> str:
    parts = urlsplit(href)
    if parts.scheme or href.startswith("//"):
        return href
    if href.startswith("#"):
        return page_url + href
    path = parts.path
    fragment = f"#{parts.fragment}" if parts.fragment else ""
    if path.endswith(".md"):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        source = languages.default_source(target)
        translated = languages.translation(source, language)
        if (docs_dir / translated).is_file():
            return urljoin(base, languages.url(translated, language)) + fragment
        return urljoin(base, languages.url(source, languages.default.code)) + fragment
    # Images and files: relative to the source file, as MkDocs resolves them.
    return urljoin(base, posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)))


_HEADINGS = {"h1": "=", "h2": "-"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "ul", "ol", "dl", "table", "div", "blockquote"}


def _blocks(node: LexborNode) -> Iterator[str]:
    for child in _children(node):
        tag = child.tag
        if tag in _HEADINGS:
            title = _inline(child)
            yield f"{title}\n{_HEADINGS[tag] * min(len(title), TEXT_WIDTH)}"
        elif tag in {"h3", "h4", "p"}:
            yield textwrap.fill(_inline(child), TEXT_WIDTH)
        elif tag in {"ul", "ol"}:
            items = [item for item in _children(child) if item.tag == "li"]
            yield "\n".join(
                textwrap.fill(
                    _inline(item), TEXT_WIDTH, initial_indent="- ", subsequent_indent="  "
                )
                for item in items
            )
        elif tag == "dl":
            lines = []
            for item in _children(child):
                if item.tag == "dt":
                    lines.append(textwrap.fill(_inline(item), TEXT_WIDTH))
                elif item.tag == "dd":
                    lines.append(
                        textwrap.fill(
                            _inline(item), TEXT_WIDTH, initial_indent="  ", subsequent_indent="  "
                        )
                    )
            yield "\n".join(lines)
        elif tag in _BLOCKS:
            yield from _blocks(child)
        elif tag not in {"-text", "-comment", "style", "script"}:
            text = _inline(child)
            if text:
                yield textwrap.fill(text, TEXT_WIDTH)


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _inline(node: LexborNode) -> str:
    """The text of an element, with each link's address after its text."""
    parts: list[str] = []
    for child in _children(node):
        if child.tag == "-text":
            parts.append(child.text_content or "")
        elif child.tag == "a":
            text = " ".join(child.text().split())
            href = child.attributes.get("href") or ""
            shown = href.removeprefix("mailto:")
            parts.append(text if not href or shown == text else f"{text} <{href}>")
        elif child.tag == "br":
            parts.append(" ")
        elif child.tag == "img":
            parts.append(child.attributes.get("alt") or "")
        else:
            parts.append(_inline(child))
    return " ".join("".join(parts).split())
