"""Redirect pages of old addresses in the further languages, from ``redirect_maps``.

A page is plain HTML: a ``<meta http-equiv="refresh">`` that browsers follow
at once and a visible link for everyone else, in the page's language, with
no inline script (the portal's Content Security Policy allows none; the link
guard and the policy hook read these pages like every other built page).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2

from portal.findings import Finding
from portal.labels import labels_of
from portal.languages import Languages

HERE = Path(__file__).resolve().parent
TEMPLATE = "page.html"


@dataclass(frozen=True)
class RedirectPage:
    """One generated redirect page of the built site."""

    dest_path: str
    """Where it is written in the built site, e.g. ``en/einarbeitung/phasen/index.html``."""
    target: str
    """The address it leads to, relative to the page, e.g. ``../ablauf/``."""
    html: str


def language_redirects(
    redirect_maps: Mapping[str, str],
    *,
    languages: Languages,
    docs_dir: Path,
    config_shown: str,
    config_text: str = "",
) -> tuple[list[RedirectPage], list[Finding]]:
    """A page for each entry of `redirect_maps` in each language but the default one.

    Entries whose target does not exist are left out: the link guard reports
    them for mkdocs-redirects' own page already. An old page that still
    exists keeps its address in every language and is reported.
    """
    pages: list[RedirectPage] = []
    findings: list[Finding] = []
    for old, new in redirect_maps.items():
        if not languages.is_source(old):
            continue  # mkdocs-redirects itself says what is wrong with the entry
        if any((docs_dir / languages.translation(old, code)).is_file() for code in languages.codes):
            findings.append(
                Finding(
                    config_shown,
                    _line_of(config_text, old),
                    f"Die Weiterleitung „{old}“ führt von einer Seite weg, die es noch gibt",
                    f"löschen Sie den Eintrag in redirect_maps oder verschieben Sie "
                    f"docs/{old} mit „python -m portal move“.",
                )
            )
            continue
        for language in languages.others:
            target = _target(old, new, code=language.code, languages=languages, docs_dir=docs_dir)
            if target is None:
                continue
            pages.append(
                RedirectPage(
                    languages.dest_path(old, language.code),
                    target,
                    _render(target, language=language.code),
                )
            )
    return pages, findings


def write_pages(site_dir: Path, pages: list[RedirectPage]) -> None:
    """Write the pages; an unchanged one is left alone (no endless rebuilds in ``serve``)."""
    for page in pages:
        path = site_dir / page.dest_path
        if path.is_file() and path.read_text(encoding="utf-8") == page.html:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.html, encoding="utf-8")


# Helper functions


def _target(old: str, new: str, *, code: str, languages: Languages, docs_dir: Path) -> str | None:
    if new.lower().startswith(("http://", "https://")):
        return new
    # No anchor: anchors are made from the headings, which differ between
    # the languages, so the German one may not exist on the English page.
    new_source = new.split("#", 1)[0]
    if not languages.is_source(new_source) or not (docs_dir / new_source).is_file():
        return None  # the link guard reports the missing target (mkdocs-redirects' page)
    start = languages.url(old, code).rstrip("/")
    return posixpath.relpath(languages.url(new_source, code).rstrip("/"), start) + "/"


def _render(target: str, *, language: str) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template(TEMPLATE).render(
        language=language, target=target, labels=labels_of("redirect", language=language)
    )


def _line_of(config_text: str, old: str) -> int:
    # The entry's line in mkdocs.yml: the first line that starts with the key
    # after the redirect_maps key.
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if "redirect_maps:" in line), 0)
    for number, line in enumerate(lines[start:], start=start + 1):
        if line.strip().startswith(f"{old}:"):
            return number
    return 0
