"""File names below docs/ that make good addresses: lower case, digits, hyphens.

A page's address is its file name: ``Neue Seite.md`` becomes
``/Neue%20Seite/``, which readers cannot type or read aloud, and a
``Übersicht.md`` is a different file on macOS and on Linux depending on how
the umlaut was composed. The build does not mind; ``check`` says so early,
before links to the file exist.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from portal.findings import Finding
from portal.languages import Languages
from portal.scaffold.files import slug

_GOOD_STEM = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


def check_file_names(
    files: Iterable[str], *, docs_shown: str, languages: Languages
) -> list[Finding]:
    """A finding for every file (path below docs/) whose name or folder is not a plain name."""
    findings = []
    for src_uri in files:
        name = src_uri.rsplit("/", 1)[-1]
        parts = src_uri.split("/")
        bad = next((part for part in parts[:-1] if not _GOOD_STEM.match(part)), None)
        if bad is not None:
            findings.append(_finding(docs_shown, src_uri, bad, folder=True))
            continue
        stem = name
        if languages.is_source(src_uri):
            stem = languages.default_source(src_uri).rsplit("/", 1)[-1][: -len(".md")]
        if not _GOOD_STEM.match(stem):
            findings.append(_finding(docs_shown, src_uri, stem, folder=False))
    return findings


def _finding(docs_shown: str, src_uri: str, name: str, *, folder: bool) -> Finding:
    what = "Ordnername" if folder else "Dateiname"
    better = slug(name) or "seite"
    return Finding(
        f"{docs_shown}/{src_uri}",
        0,
        f"Der {what} „{name}“ enthält Großbuchstaben, Leerzeichen, Umlaute oder Sonderzeichen "
        "und wird so Teil der Adresse",
        f"benennen Sie ihn um, z. B. in „{better}“ (nur Kleinbuchstaben, Ziffern und "
        "Bindestriche), und passen Sie Links und Navigation an.",
    )
