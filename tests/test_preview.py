"""The preview's banner (portal.preview, portal.stages.finish): only in the lenient preview.

The browser test against a running ``mkdocs serve`` is tests/browser/test_preview.py.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from portal.findings import Finding
from portal.mkdocs_adapter import is_preview
from portal.preview import BANNER_CLASS, banners_by_page, insert_banner, render_banner
from sitebuilder import build, page, write_site

BROKEN = Finding(
    "docs/a.md",
    12,
    "Der Link „fehlt.md“ zeigt auf eine Seite, die es nicht gibt",
    "legen Sie die Seite an oder korrigieren Sie den Link.",
)
NAV = Finding("mkdocs.yml", 40, "Der Eintrag „x.md“ der Navigation fehlt", "löschen Sie ihn.")

EXPECTED_BANNER = """\
<section class="portal-preview-findings" role="alert" \
aria-labelledby="portal-preview-findings-title" lang="de">
<p class="portal-preview-findings__title" id="portal-preview-findings-title">\
<strong>Vorschau: 1 Problem auf dieser Seite</strong></p>
<ul class="portal-preview-findings__list">
<li>
<p class="portal-preview-findings__where"><code>docs/a.md:12</code></p>
<p><strong>Problem:</strong> Der Link „fehlt.md“ zeigt auf eine Seite, die es nicht gibt</p>
<p><strong>Lösung:</strong> Legen Sie die Seite an oder korrigieren Sie den Link.</p>
</li>
</ul>
<p class="portal-preview-findings__note">Nur in der Vorschau zu sehen. Speichern Sie die \
Korrektur: Nach dem nächsten Bauen ist dieser Hinweis verschwunden. Änderungen an Code, \
Schemas oder mkdocs.yml brauchen einen Neustart von <code>make serve</code>.</p>
</section>
"""


def test_the_banner_names_file_line_problem_and_fix() -> None:
    assert render_banner([BROKEN], page_source="docs/a.md") == EXPECTED_BANNER


def test_the_banner_counts_sorts_and_names_columns() -> None:
    second = Finding("docs/a.md", 3, "Zweites Problem", "Zweite Lösung.", column=7)
    banner = render_banner([BROKEN, second, BROKEN], page_source="docs/a.md")
    assert "Vorschau: 2 Probleme auf dieser Seite" in banner
    assert banner.index("<code>docs/a.md:3:7</code>") < banner.index("<code>docs/a.md:12</code>")


def test_the_banner_escapes_what_the_editor_wrote() -> None:
    finding = Finding("docs/a.md", 1, "Der Link „<script>x</script>“ fehlt", "Text & Link.")
    banner = render_banner([finding], page_source="docs/a.md")
    assert "<script>" not in banner
    assert "&lt;script&gt;x&lt;/script&gt;" in banner
    assert "Text &amp; Link." in banner


def test_no_findings_no_banner() -> None:
    assert render_banner([], page_source="docs/a.md") == ""


def test_banners_go_to_every_page_built_from_the_source() -> None:
    pages = {
        "index.html": "docs/index.md",
        "a/index.html": "docs/a.md",
        # No translation: the German page is shown under /en/ as well.
        "en/a/index.html": "docs/a.md",
        "en/index.html": "docs/index.en.md",
    }
    banners = banners_by_page([BROKEN], pages=pages, start_pages=["index.html", "en/index.html"])
    assert banners == {"a/index.html": EXPECTED_BANNER, "en/a/index.html": EXPECTED_BANNER}


def test_findings_of_files_without_a_page_go_to_the_start_pages() -> None:
    pages = {"index.html": "docs/index.md", "a/index.html": "docs/a.md"}
    banners = banners_by_page(
        [BROKEN, NAV], pages=pages, start_pages=["index.html", "en/index.html"]
    )
    assert sorted(banners) == ["a/index.html", "index.html"]
    assert "<code>mkdocs.yml:40</code>" in banners["index.html"]
    assert "Vorschau: 1 Problem beim Bauen" in banners["index.html"]
    assert "<code>mkdocs.yml:40</code>" not in banners["a/index.html"]


def test_the_banner_opens_the_content_area() -> None:
    html = (
        '<body>\n<div class="md-content">\n  <article class="md-content__inner md-typeset">'
        "<h1>Titel</h1></article></div></body>"
    )
    assert insert_banner(html, "<p>B</p>") == (
        '<body>\n<div class="md-content">\n  <article class="md-content__inner md-typeset">'
        "<p>B</p><h1>Titel</h1></article></div></body>"
    )


def test_a_page_without_content_area_gets_no_banner() -> None:
    assert insert_banner("<html><body><p>Weiterleitung</p></body></html>", "<p>B</p>") is None


# The switch


@pytest.mark.parametrize(
    ("strict", "variable", "expected"),
    [(False, "true", True), (True, "true", False), (False, None, False), (False, "false", False)],
)
def test_only_a_lenient_build_with_the_variable_is_a_preview(
    monkeypatch: pytest.MonkeyPatch, strict: bool, variable: str | None, expected: bool
) -> None:
    if variable is None:
        monkeypatch.delenv("PORTAL_PREVIEW", raising=False)
    else:
        monkeypatch.setenv("PORTAL_PREVIEW", variable)
    config: Any = SimpleNamespace(strict=strict)
    assert is_preview(config) is expected


# Builds

BROKEN_PAGES = {
    "index.md": page("Start", "# Start\n\nZum [Abschnitt](a.md)."),
    "a.md": page("Abschnitt", "# Abschnitt\n\nEin [Link](fehlt.md)."),
}
PREVIEW = {"PORTAL_PREVIEW": "true"}


def _banner_pages(site_dir: Path) -> list[str]:
    return sorted(
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if BANNER_CLASS in path.read_text(encoding="utf-8")
    )


def test_the_preview_builds_despite_a_mistake_and_shows_it(tmp_path: Path) -> None:
    result = build(write_site(tmp_path, BROKEN_PAGES), strict=False, lenient=True, env=PREVIEW)
    assert result.ok, result.log
    message = (
        "docs/a.md:12: Der Link „fehlt.md“ zeigt auf eine Seite, die es nicht gibt — "
        "legen Sie die Seite an oder korrigieren Sie den Link."
    )
    assert message in result.findings()
    assert _banner_pages(result.site_dir) == ["a/index.html", "en/a/index.html"]


def test_a_strict_build_fails_on_the_same_mistake_without_banner(tmp_path: Path) -> None:
    # The variable alone does not make a preview: strict stays strict.
    result = build(write_site(tmp_path, BROKEN_PAGES), env=PREVIEW)
    assert not result.ok
    assert "docs/a.md:12: Der Link „fehlt.md“" in result.log
    assert _banner_pages(result.site_dir) == []
