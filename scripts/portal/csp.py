"""The portal's Content Security Policy, computed from the built site.

The policy allows code and styles from the portal's own address only, no
inline code (the theme's inline scripts are files, see
overrides/partials/javascripts/), and no other host but the newsletter's
subscribe form in ``form-action``. Inline code that remains — the pages of
mkdocs-redirects carry a small script each — is allowed by its SHA-256 hash.

One step writes the policy, so that hashes and code cannot drift apart: after
the build, :func:`secure_site` reads every built page, puts the policy with
that page's hashes into a ``<meta http-equiv="Content-Security-Policy">``
(for hosts that cannot send headers, such as GitLab and GitHub Pages), and
writes the header for nginx, with every page's hashes and what only a header
can carry (``frame-ancestors``), to :data:`HEADER_FILE` in the site.

What the policy cannot allow — ``style`` and ``on…`` attributes, ``javascript:``
links — comes back as findings: the browser would block them.
"""

from __future__ import annotations

import base64
import hashlib
import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from portal.findings import ConfigurationError, Finding

POLICY_HEADER = "Content-Security-Policy"
HEADER_FILE = ".nginx/content-security-policy.conf"
"""The header for nginx, written into the built site (a dot folder: nginx does not serve it)."""

FORM_TARGET_MODULES: list[str] = ["portal.newsletter.subscription"]
"""Modules that name hosts a form of the portal may send to (``form-action``).

Each module provides ``form_targets(extra: Mapping[str, Any]) -> list[str]``,
called with ``extra`` of mkdocs.yml, returning https addresses (only their
origin counts; plain http only on this machine, for tests). The newsletter's
subscription form is the one entry; nothing else should need one.
"""

BASE_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "default-src": ("'none'",),
    "script-src": ("'self'",),
    "style-src": ("'self'",),
    # Material's icons are SVG data: URLs in its stylesheet (CSS masks).
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # The search worker fetches the index; the worker itself is a file.
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "media-src": ("'self'",),
    "form-action": ("'self'",),
    "base-uri": ("'none'",),
    "object-src": ("'none'",),
    "frame-ancestors": ("'none'",),
}
"""The policy without hashes and form targets; ``default-src 'none'`` denies the rest."""

HEADER_ONLY = frozenset({"frame-ancestors", "report-uri", "sandbox"})
"""Directives browsers ignore in a ``<meta>`` policy (CSP Level 3, 6.1 and 6.4)."""

_LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
"""Hosts a test's form may post to over plain http."""

_JS_TYPES = frozenset(
    {
        "",
        "module",
        "importmap",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
    }
)
"""Script types a browser runs (or, for import maps, checks against script-src)."""


@dataclass(frozen=True)
class Blocked:
    """Inline code no hash can allow."""

    line: int
    """Line in the built page."""
    what: str
    needle: str
    """How it is written in a source, to find its line there (lower case)."""


@dataclass
class InlineCode:
    """What one page carries inline."""

    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    blocked: list[Blocked] = field(default_factory=list)
    meta_end: int | None = None
    """Offset just after ``<meta charset>`` (or ``<head>``): where the policy goes."""
    written: tuple[int, int] | None = None
    """Start and end of a policy written by an earlier run (``mkdocs serve`` rebuilds)."""

    @property
    def script_hashes(self) -> list[str]:
        return sorted({source_hash(text) for text in self.scripts})

    @property
    def style_hashes(self) -> list[str]:
        return sorted({source_hash(text) for text in self.styles})


def source_hash(text: str) -> str:
    """The CSP source expression for inline code: ``'sha256-…'`` over its UTF-8 bytes."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


class _Scanner(HTMLParser):
    """Collects inline scripts and styles with the exact text a browser hashes."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.found = InlineCode()
        self._line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self._line_starts.append(index + 1)
        self._inside: str | None = None
        self._text: list[str] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        line = self.getpos()[0]
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                what = f"das Attribut {name} an <{tag}>"
                self.found.blocked.append(Blocked(line, what, f"{name}="))
            elif name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                what = f"ein javascript:-Link an <{tag}>"
                self.found.blocked.append(Blocked(line, what, "javascript:"))
        if (tag == "head" and self.found.meta_end is None) or (
            tag == "meta" and "charset" in values
        ):
            self.found.meta_end = self._offset() + len(self.get_starttag_text() or "")
        elif tag == "meta" and (values.get("http-equiv") or "").lower() == POLICY_HEADER.lower():
            start = self._offset()
            self.found.written = (start, start + len(self.get_starttag_text() or ""))
        elif tag == "script" and "src" not in values:
            if (values.get("type") or "").strip().lower() in _JS_TYPES:
                self._inside, self._text = "script", []
        elif tag == "style":
            self._inside, self._text = "style", []

    def handle_data(self, data: str) -> None:
        if self._inside:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inside:
            text = "".join(self._text)
            (self.found.scripts if tag == "script" else self.found.styles).append(text)
            self._inside = None


def inline_code(html: str) -> InlineCode:
    """The inline code of one page and where its policy goes."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.found


def policy(
    *,
    script_hashes: Iterable[str] = (),
    style_hashes: Iterable[str] = (),
    form_targets: Iterable[str] = (),
    meta: bool = False,
) -> str:
    """The policy as a header value, or (``meta``) as a ``<meta>`` element carries it."""
    extra = {
        "script-src": tuple(sorted(set(script_hashes))),
        "style-src": tuple(sorted(set(style_hashes))),
        "form-action": tuple(sorted(set(form_targets))),
    }
    parts = []
    for name, sources in BASE_DIRECTIVES.items():
        if meta and name in HEADER_ONLY:
            continue
        parts.append(" ".join((name, *sources, *extra.get(name, ()))))
    return "; ".join(parts)


def form_targets(extra: Mapping[str, Any]) -> list[str]:
    """The origins of every other host a form may send to (see :data:`FORM_TARGET_MODULES`)."""
    origins: set[str] = set()
    for name in FORM_TARGET_MODULES:
        provider: Callable[[Mapping[str, Any]], list[str]] = importlib.import_module(
            name
        ).form_targets
        for target in provider(extra):
            origins.add(origin_of(target, source=name))
    return sorted(origins)


def origin_of(address: str, *, source: str) -> str:
    """``https://host[:port]`` of an address; anything but https is a configuration error."""
    parts = urlsplit(address)
    local = parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS
    if not (parts.scheme == "https" or local) or not parts.hostname:
        raise ConfigurationError(
            f"{source}: „{address}“ ist keine https-Adresse — ein Formular des Portals sendet "
            "nur verschlüsselt; tragen Sie die https-Adresse des Ziels ein."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


@dataclass(frozen=True)
class SitePolicy:
    header: str
    """The header value nginx sends with every response."""
    pages: int
    hashed: int
    """How many pages carry inline code allowed by hash."""


def secure_site(
    site_dir: Path,
    *,
    targets: Sequence[str] = (),
    sources: Mapping[str, Path] | None = None,
    root: Path | None = None,
    in_pages: bool = True,
) -> tuple[SitePolicy, list[Finding]]:
    """Write the policy into every page of ``site_dir`` and the header file for nginx.

    Without ``in_pages`` the pages stay as they are (``mkdocs serve`` adds its
    live-reload code inline to every page it serves, which the policy would
    block); the findings and the header file are the same.

    ``sources`` maps a built page (path relative to the site) to its source
    file, so that messages name it (relative to ``root``); pages without one
    (redirects, the 404 pages) are named as built.
    """
    findings: list[Finding] = []
    script_hashes: set[str] = set()
    style_hashes: set[str] = set()
    pages = hashed = 0
    for path in sorted(site_dir.rglob("*.html")):
        relative = path.relative_to(site_dir).as_posix()
        html = path.read_text(encoding="utf-8")
        code = inline_code(html)
        if code.written is not None:  # a page left from an earlier run: written anew
            html = html[: code.written[0]] + html[code.written[1] :]
            code = inline_code(html)
        source = (sources or {}).get(relative)
        findings += [_blocked_finding(relative, blocked, source, root) for blocked in code.blocked]
        if code.meta_end is None:
            continue  # not a page (a fragment someone put into the site)
        pages += 1
        hashed += bool(code.scripts or code.styles)
        script_hashes.update(code.script_hashes)
        style_hashes.update(code.style_hashes)
        content = policy(
            script_hashes=code.script_hashes,
            style_hashes=code.style_hashes,
            form_targets=targets,
            meta=True,
        )
        element = f'<meta http-equiv="{POLICY_HEADER}" content="{content}">'
        if in_pages:
            path.write_text(
                html[: code.meta_end] + element + html[code.meta_end :], encoding="utf-8"
            )
    header = policy(script_hashes=script_hashes, style_hashes=style_hashes, form_targets=targets)
    target = site_dir / HEADER_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(nginx_header(header), encoding="utf-8")
    return SitePolicy(header=header, pages=pages, hashed=hashed), findings


def nginx_header(header: str) -> str:
    return (
        "# Written by the build (scripts/portal/csp.py) from the pages beside it; do not edit.\n"
        "# Included by scripts/deploy/nginx/headers.conf; reload nginx after each deployment.\n"
        f'add_header {POLICY_HEADER} "{header}" always;\n'
    )


def _blocked_finding(
    built: str, blocked: Blocked, source: Path | None, root: Path | None
) -> Finding:
    problem = (
        f"Die Seite enthält {blocked.what}; die Content Security Policy des Portals "
        "blockiert es im Browser"
    )
    fix = (
        "gestalten Sie mit einer Klasse in docs/stylesheets/ und schreiben Sie Skripte als "
        "Datei (overrides/assets/javascripts/), nicht in die Seite."
    )
    if source is None:
        return Finding(built, blocked.line, problem, fix)
    shown = source.as_posix()
    if root is not None and source.is_relative_to(root):
        shown = source.relative_to(root).as_posix()
    return Finding(shown, _line_of(source, blocked.needle), problem, fix)


def _line_of(source: Path, needle: str) -> int:
    """The first line of the source that holds ``needle`` (0 if none: a template wrote it)."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 0
    for number, line in enumerate(lines, start=1):
        if needle in line.lower():
            return number
    return 0
