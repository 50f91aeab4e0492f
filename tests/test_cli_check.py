"""``python -m portal check``: the build's findings on the sources, without a build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from clisite import GUIDE, write_checkout
from selectolax.lexbor import LexborHTMLParser

from golden import Golden
from portal.cli import main
from portal.commands.check import check_project
from portal.project import find_project
from sitebuilder import BuildResult, build, page

BROKEN_FRONT_MATTER = """\
---
title: Kaputt
description: Eine Seite mit falschen Kopfdaten.
type: page
audience: [Niemand]
tags: []
owner: Redaktion
---

# Kaputt
"""

FAULTY = {
    "einarbeitung/links.md": GUIDE.replace("Orientierung", "Links")
    + "\n## Woche 1–4\n\n"
    + "[Fehlt](fehlt.md), [Anker](orientierung.md#woche-1), [Gut](orientierung.md#orientierung),"
    + " [Bild](../assets/fehlt.png), [Start](../index.md#start)\n"
    # Targets with spaces are links to the build (issue #26), and English
    # sources are no pages of the German build.
    + "\n[Ablauf](../einarbeitung/orientierung .md), [Dokument](mein dokument.pdf),"
    + ' [Spitz](<datei mit leerzeichen.md> "Titel"), [Englisch](orientierung.en.md)\n'
    # Pasted from Word: inline styles, which the Content Security Policy blocks.
    + '\n<p class="MsoNormal"\nstyle="margin-bottom:0cm"><span style="mso-bidi-font-weight:'
    + 'bold">Aus Word</span><o:p></o:p></p>\n',
    "einarbeitung/links.en.md": GUIDE.replace("Orientierung", "Links")
    + "\n[German only](../newsletter/index.md) and"
    + " [marked](../newsletter/index.md){ hreflang=de }\n"
    + '\n[Orientation](orientierung.en.md){ style="color: red" }\n',
    "einarbeitung/orientierung.en.md": GUIDE.replace("title: Orientierung", "title: Orientation"),
    "kaputt.md": BROKEN_FRONT_MATTER,
    "Neue Seite.md": page("Neue Seite", "# Neue Seite"),
}


@pytest.fixture
def faulty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_checkout(tmp_path, FAULTY)
    nav = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    nav = nav.replace(
        "    - einarbeitung/orientierung.md\n",
        "    - einarbeitung/orientierung.md\n    - einarbeitung/links.md\n"
        "    - einarbeitung/weg.md\n",
    )
    (tmp_path / "mkdocs.yml").write_text(nav, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_lists_every_problem_and_fails(
    faulty: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    assert main(["check"]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    # The tiny checkout's mkdocs.yml lists the portal's hooks before its nav:
    # the nav line moves with every new hook, the golden file does not.
    config = (faulty / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if "einarbeitung/weg.md" in text)
    golden("cli/check_faulty.txt", captured.out.replace(f"mkdocs.yml:{line}:", "mkdocs.yml:NAV:"))


def test_check_preview_and_build_report_the_same_findings(faulty: Path) -> None:
    found = {str(finding) for finding in check_project(find_project(faulty)).findings}
    strict = build(faulty / "mkdocs.yml")
    preview_dir = faulty / "vorschau"
    preview = build(
        faulty / "mkdocs.yml",
        site_dir=preview_dir,
        strict=False,
        lenient=True,
        env={"PORTAL_PREVIEW": "true"},
    )
    assert not strict.ok
    assert preview.ok, preview.log
    # The findings about the sources (the operator's settings are notices).
    assert set(strict.findings(under="docs/")) | set(strict.findings(under="mkdocs.yml:")) == found
    assert (
        set(preview.findings(under="docs/")) | set(preview.findings(under="mkdocs.yml:")) == found
    )
    # The preview shows them on the page: a link with a space, a link to an English source.
    page = (preview_dir / "einarbeitung" / "links" / "index.html").read_text(encoding="utf-8")
    banner = LexborHTMLParser(page).css_first(".portal-preview-findings")
    assert banner is not None
    assert "„../einarbeitung/orientierung .md“" in banner.text()
    assert "„orientierung.en.md“" in banner.text()


def about_sources(result: BuildResult) -> set[str]:
    return {
        finding for finding in result.findings() if finding.startswith(("docs/", "mkdocs.yml:"))
    }


def test_check_passes_a_clean_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_checkout(tmp_path)
    monkeypatch.chdir(tmp_path / "docs")  # anywhere inside the checkout
    result = subprocess.run(
        [sys.executable, "-m", "portal", "check"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "16 Seiten geprüft: keine Probleme.\n"


def test_check_outside_a_checkout_says_where_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Kein mkdocs.yml in ")
    assert err.endswith(
        "starten Sie den Befehl im Ordner des Portals (dort, wo mkdocs.yml liegt).\n"
    )
