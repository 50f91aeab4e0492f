"""The link guard in real builds: each kind of broken link, at its source line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from sitebuilder import MKDOCS_YML, BuildResult, build, page, write_site

GUARD_MESSAGES = ("Der Link „", "Das Bild „", "Die Weiterleitung „")


def guard_warnings(result: BuildResult) -> list[str]:
    return [w for w in result.warnings() if any(m in w for m in GUARD_MESSAGES)]


def config_line(result: BuildResult, text: str) -> int:
    """The line of the tiny site's mkdocs.yml that holds `text`."""
    config = (result.site_dir.parent / "mkdocs.yml").read_text(encoding="utf-8")
    return next(n for n, line in enumerate(config.splitlines(), 1) if text in line)


def furnished_site(root: Path, pages: dict[str, str], *, redirect_maps: dict[str, str]) -> Path:
    """A tiny site whose redirect map is `redirect_maps`."""
    plugins = yaml_load(MKDOCS_YML.open(encoding="utf-8"))["plugins"]
    for plugin in plugins:
        if isinstance(plugin, dict) and "redirects" in plugin:
            plugin["redirects"] = {"redirect_maps": redirect_maps}
    return write_site(
        root, pages, extra_config="plugins:\n" + yaml.safe_dump(plugins, allow_unicode=True)
    )


PHASEN = page("Phasen", "# Phasen\n\n## Woche 1–4 {#woche-1-4}\n\nText.")
PHASES = page("Phases", "# Phases\n\n## Weeks 1–4 {#woche-1-4}\n\nText.")
NUR_DEUTSCH = page("Nur Deutsch", "# Nur Deutsch\n\nText.")


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("links-broken")
    config = furnished_site(
        root,
        {
            # Front matter is 8 lines, a blank line follows: the body starts at line 10.
            "index.md": page(
                "Start",
                """
                # Start

                Siehe [Phasen](einarbeitung/phasen.md#woche-1) und [Verfahren](verfahren.md).

                ![Logo](bilder/logo.png)

                <a href="einarbeitung/phasn/">Roh</a>

                Noch einmal [Phasen](einarbeitung/phasen.md#woche-1).
                """,
            ),
            "index.en.md": page(
                "Home",
                """
                # Home

                See [only German](einarbeitung/nur-deutsch.md).

                See [German on purpose](einarbeitung/nur-deutsch.md){ hreflang=de }.
                """,
            ),
            "einarbeitung/phasen.md": PHASEN,
            "einarbeitung/phasen.en.md": PHASES,
            "einarbeitung/nur-deutsch.md": NUR_DEUTSCH,
            "bilder/logos.png": "",
        },
        redirect_maps={
            "alt.md": "einarbeitung/phasen.md",
            "alt-anker.md": "einarbeitung/phasen.md#woche-9",
            "veraltet.md": "einarbeitung/phaser.md",
        },
    )
    return build(config)


def test_every_broken_link_is_listed_with_file_line_and_suggestion(
    broken_build: BuildResult,
) -> None:
    assert sorted(guard_warnings(broken_build)) == [
        "docs/index.en.md:12: Der Link „einarbeitung/nur-deutsch.md“ führt von einer Seite der "
        "Fassung „English“ auf eine Seite, die es nur in der Fassung „Deutsch“ gibt — "
        "übersetzen Sie die Zielseite (seite.en.md) oder kennzeichnen Sie den Link als "
        "bewussten Sprachwechsel: [Text](seite.md){ hreflang=de }.",
        "docs/index.md:12: Der Link „einarbeitung/phasen.md#woche-1“ zeigt auf einen Anker, "
        "den es auf der Zielseite nicht gibt — meinten Sie „#woche-1-4“?",
        "docs/index.md:12: Der Link „verfahren.md“ zeigt auf eine Seite, die es nicht gibt — "
        "legen Sie die Seite an oder korrigieren Sie den Link.",
        "docs/index.md:14: Das Bild „bilder/logo.png“ fehlt im gebauten Portal — "
        "meinten Sie „bilder/logos.png“?",
        "docs/index.md:16: Der Link „einarbeitung/phasn/“ zeigt auf eine Seite, die es nicht "
        "gibt — meinten Sie „einarbeitung/phasen.md“?",
        "docs/index.md:18: Der Link „einarbeitung/phasen.md#woche-1“ zeigt auf einen Anker, "
        "den es auf der Zielseite nicht gibt — meinten Sie „#woche-1-4“?",
        f"mkdocs.yml:{config_line(broken_build, 'alt-anker.md:')}: "
        "Die Weiterleitung „alt-anker.md“ führt auf "
        "„../einarbeitung/phasen/#woche-9“, einen Anker, den es auf der Zielseite nicht gibt "
        "— meinten Sie „#woche-1-4“?",
        f"mkdocs.yml:{config_line(broken_build, 'veraltet.md:')}: "
        "Die Weiterleitung „veraltet.md“ fehlt im gebauten Portal, weil es ihr "
        "Ziel „einarbeitung/phaser.md“ nicht gibt — meinten Sie „einarbeitung/phasen.md“?",
    ]


def test_broken_links_fail_the_strict_build_after_all_are_listed(
    broken_build: BuildResult,
) -> None:
    assert not broken_build.ok
    assert "Aborted with" in broken_build.log
    # MkDocs' own messages about the same links are not repeated as warnings.
    assert not [w for w in broken_build.warnings() if w.startswith("Doc file")]


def test_a_working_redirect_is_written_and_not_reported(broken_build: BuildResult) -> None:
    redirect = (broken_build.site_dir / "alt" / "index.html").read_text(encoding="utf-8")
    assert "../einarbeitung/phasen/" in redirect
    assert not [w for w in guard_warnings(broken_build) if "„alt.md“" in w]


def test_clean_bilingual_site_passes(tmp_path: Path) -> None:
    config = furnished_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start\n\n[Phasen](einarbeitung/phasen.md#woche-1-4)"),
            "index.en.md": page(
                "Home",
                "# Home\n\n[Phases](einarbeitung/phasen.md#woche-1-4), "
                "[German](einarbeitung/nur-deutsch.md){ hreflang=de }",
            ),
            "einarbeitung/phasen.md": PHASEN,
            "einarbeitung/phasen.en.md": PHASES,
            "einarbeitung/nur-deutsch.md": NUR_DEUTSCH,
        },
        redirect_maps={"alt.md": "einarbeitung/phasen.md"},
    )
    result = build(config)
    assert guard_warnings(result) == []
    assert result.ok, result.log
