"""The address behind „Diese Seite bearbeiten“, as the operator configures it.

MkDocs joins `edit_uri` with each page's source file. The portal wants the
full address of the repository's docs/ folder in the hosting service's web
editor (GitLab: ``…/-/edit/main/docs/``, GitHub: ``…/edit/main/docs/``) and
no ``repo_url``, whose theme widget asks the hosting service's API from
every reader's browser. A relative `edit_uri` would need ``repo_url``; one
without the closing slash loses the folder when joined.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from portal.findings import Finding

EXAMPLE = "https://gitlab.example.org/amt/portal/-/edit/main/docs/"


def check_edit_links(
    repo_url: str, edit_uri: str, *, shown: str, line_of: Callable[[str], int]
) -> list[Finding]:
    """Findings for `repo_url` and for an `edit_uri` that is no full address of a folder.

    The values as the build resolved them (environment variables read);
    `line_of` gives the line of a key in the configuration file `shown`.
    """
    findings = []
    if repo_url:
        findings.append(
            Finding(
                shown,
                line_of("repo_url"),
                "repo_url ist gesetzt: das Theme fragt damit aus dem Browser jeder Leserin "
                "und jedes Lesers die Schnittstelle des Hosting-Dienstes ab",
                "entfernen Sie repo_url; für „Diese Seite bearbeiten“ genügt edit_uri "
                f"als volle Adresse, z. B. {EXAMPLE}",
            )
        )
    if not edit_uri:
        return findings
    parts = urlsplit(edit_uri)
    if parts.scheme != "https" or not parts.netloc or not edit_uri.endswith("/"):
        findings.append(
            Finding(
                shown,
                line_of("edit_uri"),
                f"edit_uri „{edit_uri}“ ist keine volle https-Adresse eines Ordners",
                "tragen Sie die Adresse des Ordners docs/ im Web-Editor des Hosting-Dienstes "
                f"ein, mit https:// und Schrägstrich am Ende, z. B. {EXAMPLE}",
            )
        )
    return findings
