"""MkDocs' own warnings about the nav and root links come out as the portal's findings."""

from __future__ import annotations

from pathlib import Path

from sitebuilder import FURNISHED_NOT_IN_NAV, build, page, write_site


def test_nav_entry_without_page_is_reported_at_its_line_once(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start", "# Start"), "phasen.md": page("Phasen", "# Phasen")},
        nav="  - index.md\n  - phasen.md\n  - Fehlt: phase.md",
        not_in_nav=FURNISHED_NOT_IN_NAV,
    )
    result = build(config)
    assert not result.ok
    line = config.read_text(encoding="utf-8").splitlines().index("  - Fehlt: phase.md") + 1
    assert result.findings() == [
        f"mkdocs.yml:{line}: Der Navigationseintrag „phase.md“ zeigt auf eine Seite, die es "
        "nicht gibt — meinten Sie „phasen.md“? Pfade stehen relativ zu docs/."
    ]


def test_page_missing_from_the_nav_is_reported_once(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start", "# Start"), "vergessen.md": page("Vergessen", "# V")},
        nav="  - index.md",
        not_in_nav=FURNISHED_NOT_IN_NAV,
    )
    result = build(config)
    assert not result.ok
    assert result.findings() == [
        "docs/vergessen.md:1: Die Seite steht nicht in der Navigation, Leser*innen finden sie "
        "nur über Links — tragen Sie sie in mkdocs.yml unter „nav“ ein, oder unter "
        "„not_in_nav“, wenn sie bewusst fehlt (wie die Ausgaben des Newsletters)."
    ]


def test_root_link_is_reported_with_the_relative_link_to_write(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "einarbeitung/index.md": page("Einarbeitung", "# E\n\nZurück zum [Start](/)."),
            "einarbeitung/phasen.md": page(
                "Phasen", "# P\n\nSiehe [Einarbeitung](/einarbeitung/)."
            ),
        },
    )
    result = build(config)
    assert not result.ok
    assert result.findings() == [
        "docs/einarbeitung/index.md:12: Der Link „/“ beginnt mit „/“ und führt ins Leere, "
        "sobald das Portal in einem Unterordner des Servers liegt — schreiben Sie den Link "
        "relativ zur Markdown-Datei: „../index.md“.",
        "docs/einarbeitung/phasen.md:12: Der Link „/einarbeitung/“ beginnt mit „/“ und führt "
        "ins Leere, sobald das Portal in einem Unterordner des Servers liegt — schreiben Sie "
        "den Link relativ zur Markdown-Datei: „index.md“.",
    ]
