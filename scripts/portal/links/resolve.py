"""Where a URL on a built page leads, answered from a set of the site's files.

The built site is listed once; after that every question ("does this file
exist?", "is this a page?") is a set lookup, never a file-system call.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

# Data

FOUND = "found"
MISSING = "missing"
OUTSIDE = "outside"
"""The path climbs above the site's root."""
EXTERNAL = "external"
"""Another host or another scheme (http, https, mailto, tel, data, …): not checked in the build."""

PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".md"})
"""Paths with these suffixes (or none) are meant to be pages, the rest are files."""


@dataclass(frozen=True, slots=True)
class Target:
    """Where a URL leads: a file of the site, or why it leads nowhere."""

    kind: str
    path: str
    """Site-relative POSIX path of the file (found) or of what was looked for (missing)."""
    fragment: str | None
    """The decoded ``#fragment``, or None if the URL has none."""

    @property
    def is_page(self) -> bool:
        return self.path.endswith((".html", ".htm"))


# Functions


def list_site(site_dir: Path) -> frozenset[str]:
    """Every file of the built site, as site-relative POSIX paths."""
    files: set[str] = set()
    root = str(site_dir)
    for directory, _, names in os.walk(root):
        relative = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        files.update(prefix + name for name in names)
    return frozenset(files)


def is_external(url: str) -> bool:
    """True for URLs that name a scheme or a host, which the build does not check."""
    if url.startswith("//"):
        return True
    scheme, colon, _ = url.partition(":")
    # A colon before any slash, question mark or hash starts a scheme.
    return (
        bool(colon)
        and scheme.isascii()
        and "/" not in scheme
        and "#" not in scheme
        and ("?" not in scheme)
    )


def resolve(url: str, *, page: str, files: frozenset[str], base_path: str = "/") -> Target:
    """Resolve `url` as written on the page at site path `page` (``a/b/index.html``)."""
    url = url.strip()
    if is_external(url):
        return Target(EXTERNAL, url, None)
    before, hash_sign, fragment = url.partition("#")
    decoded_fragment = unquote(fragment) if hash_sign else None
    raw_path = unquote(before.partition("?")[0])
    if not raw_path:
        return Target(FOUND, page, decoded_fragment)
    if raw_path.startswith("/"):
        # Absolute paths count from the site's root, which under a site_url
        # with a path (``https://host/portal/``) is that path.
        if base_path != "/" and raw_path.startswith(base_path):
            raw_path = raw_path[len(base_path) :]
        path = _normalise("", raw_path)
    else:
        path = _normalise(page.rpartition("/")[0], raw_path)
    if path is None:
        return Target(OUTSIDE, raw_path, decoded_fragment)
    if not path:
        return _in(files, "index.html", decoded_fragment)
    if raw_path.endswith("/"):
        return _in(files, path + "/index.html", decoded_fragment)
    if path in files:
        return Target(FOUND, path, decoded_fragment)
    # A folder without the final slash: static servers redirect to its index.
    index = path + "/index.html"
    if index in files:
        return Target(FOUND, index, decoded_fragment)
    return Target(MISSING, path, decoded_fragment)


def resolution_key(url: str, *, page: str) -> tuple[str, str]:
    """A key under which `url` resolves alike on every page that shares it.

    With directory URLs every page has a folder of its own, so keying by the
    folder shares little; but ``../../b/`` climbs to the same folder from
    every page two levels down, and that is what pages share. URLs to the
    page itself (``#x``, ``?y``, empty) are keyed by the page, absolute and
    outside URLs by nothing but themselves.
    """
    if not url or url[0] in "#?":
        return page, url
    if url[0] == "/" or is_external(url):
        return "", url
    folder = base = page.rpartition("/")[0]
    rest = url
    while base and rest.startswith("../"):
        base = base.rpartition("/")[0]
        rest = rest[3:]
    if ".." in rest:
        # It climbs further (above the root, or after a folder): a missing
        # target is reported with the URL as written, so share nothing.
        return folder, url
    return base, rest


def looks_like_page(path: str) -> bool:
    """True if a (missing) path was meant as a page rather than an image or a download."""
    return posixpath.splitext(path.rstrip("/"))[1].lower() in PAGE_SUFFIXES or path.endswith("/")


def page_url(path: str) -> str:
    """The address of a page as a reader sees it: ``a/b/index.html`` → ``a/b/``."""
    if path == "index.html":
        return "./"
    if path.endswith("/index.html"):
        return path[: -len("index.html")]
    return path


# Helper functions


def _normalise(folder: str, path: str) -> str | None:
    # posixpath.join and normpath in one pass, for the hundred thousand links
    # of a large site; None when the path climbs above the site's root.
    parts = folder.split("/") if folder else []
    for segment in path.split("/"):
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        elif segment and segment != ".":
            parts.append(segment)
    return "/".join(parts)


def _in(files: frozenset[str], path: str, fragment: str | None) -> Target:
    return Target(FOUND if path in files else MISSING, path, fragment)
