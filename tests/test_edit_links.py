"""„Diese Seite bearbeiten“ leads to the page's own source; the build checks its address.

And file names that would become unreadable addresses are findings of the build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import build, page, write_site

GITLAB = "https://gitlab.example.org/amt/portal/-/edit/main/docs/"
GITHUB = "https://github.com/amt/portal/edit/main/docs/"


def _edit_link(site: Path, path: str) -> tuple[str, str]:
    tree = LexborHTMLParser((site / path / "index.html").read_text(encoding="utf-8"))
    links = tree.css("a[rel=edit]")
    assert len(links) == 1, f"/{path}: {len(links)} Bearbeiten-Links"
    return links[0].attributes.get("href") or "", links[0].text(strip=True)


@pytest.mark.parametrize("edit_uri", [GITLAB, GITHUB])
def test_edit_link_leads_to_the_source_of_the_page_being_read(
    tmp_path: Path, edit_uri: str
) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "a.md": page("A", "# A"),
            "a.en.md": page("A (en)", "# A (en)"),
            "b.md": page("Nur Deutsch", "# Nur Deutsch"),
        },
        extra_config=f"edit_uri: {edit_uri}\n",
    )
    result = build(config)
    assert result.ok, result.log
    site = result.site_dir
    assert _edit_link(site, "a") == (edit_uri + "a.md", "Diese Seite bearbeiten")
    assert _edit_link(site, "en/a") == (edit_uri + "a.en.md", "Edit this page")
    # Shown in German to English readers: the German file is the one to edit.
    assert _edit_link(site, "en/b") == (edit_uri + "b.md", "Edit this page")
    # No repository widget, which would ask the hosting service's API.
    assert LexborHTMLParser((site / "a" / "index.html").read_text()).css(".md-source") == []


def test_without_edit_uri_there_is_no_edit_link(tmp_path: Path) -> None:
    config = write_site(tmp_path, {"index.md": page("Start", "# Start")})
    result = build(config)
    assert result.ok, result.log
    assert 'rel="edit"' not in (result.site_dir / "index.html").read_text(encoding="utf-8")


def test_edit_address_that_is_no_full_folder_address_is_a_finding(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start", "# Start")},
        extra_config=(
            "repo_url: https://gitlab.example.org/amt/portal\nedit_uri: -/edit/main/docs\n"
        ),
    )
    result = build(config, strict=False)
    findings = [f.split(":", 2)[2].strip() for f in result.findings() if "mkdocs.yml" in f]
    assert findings == [
        "repo_url ist gesetzt: das Theme fragt damit aus dem Browser jeder Leserin und jedes "
        "Lesers die Schnittstelle des Hosting-Dienstes ab — entfernen Sie repo_url; für „Diese "
        "Seite bearbeiten“ genügt edit_uri als volle Adresse, z. B. "
        "https://gitlab.example.org/amt/portal/-/edit/main/docs/",
        "edit_uri „-/edit/main/docs/“ ist keine volle https-Adresse eines Ordners — tragen Sie "
        "die Adresse des Ordners docs/ im Web-Editor des Hosting-Dienstes ein, mit https:// und "
        "Schrägstrich am Ende, z. B. https://gitlab.example.org/amt/portal/-/edit/main/docs/",
    ]
    assert not build(config).ok


def test_file_name_with_spaces_and_umlauts_is_a_finding_with_a_better_name(
    tmp_path: Path,
) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start", "# Start"), "Übersicht Team.md": page("Team", "# Team")},
    )
    result = build(config, strict=False)
    named = [f for f in result.findings() if "Übersicht Team" in f]
    assert len(named) == 1, result.findings()
    assert named[0].endswith(
        "„Übersicht Team“ enthält Großbuchstaben, Leerzeichen, Umlaute oder Sonderzeichen und "
        "wird so Teil der Adresse — benennen Sie ihn um, z. B. in „uebersicht-team“ (nur "
        "Kleinbuchstaben, Ziffern und Bindestriche), und passen Sie Links und Navigation an."
    )
    assert not build(config).ok
