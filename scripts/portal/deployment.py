"""The public address of the portal (``site_url``), decided once.

Absolute links, ``hreflang``, canonical URLs, feeds and calendar files need
an address. Previews and tests build with the local one
(``http://127.0.0.1:8000/``, the address of ``make serve``), so nothing they
produce points to a server that may not exist; the operator's release build
sets the public one through ``PORTAL_SITE_URL``. A release build with a local
or missing address is a finding; a preview never is.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from portal.findings import Finding

LOCAL_SITE_URL = "http://127.0.0.1:8000/"
"""The address previews and tests are built for (mkdocs.yml's default)."""

_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}


def is_public_address(site_url: str) -> bool:
    """True for an https address on a host other than this machine."""
    parts = urlsplit(site_url or "")
    return parts.scheme == "https" and bool(parts.hostname) and parts.hostname not in _LOCAL_HOSTS


def release_address_finding(site_url: str, *, path: str, line: int) -> Finding | None:
    """The finding of a release build whose address is not the public one."""
    if is_public_address(site_url):
        return None
    shown = site_url or "leer"
    return Finding(
        path,
        line,
        f"Die öffentliche Adresse des Portals fehlt: site_url ist „{shown}“",
        "setzen Sie vor dem Veröffentlichen PORTAL_SITE_URL auf die https-Adresse des Portals, "
        "z. B. PORTAL_SITE_URL=https://portal.example.de/ make release-check.",
    )
