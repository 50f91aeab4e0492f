"""The e-mail export of an issue: golden files, the e-mail check, the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import Golden
from newsletter_fixtures import MAILTO_SETTINGS, NAV, NOT_IN_NAV, issue, newsletter_pages
from portal.cli import main
from portal.newsletter.email import check_email
from sitebuilder import write_site

BODY = """\
Ein Absatz mit einem [Link zum Archiv](../index.md) und § 36 SGB VIII.

## Zwischenüberschrift

- Punkt eins für Mentor*innen mit **fett**
- Punkt [zwei](https://example.org/)

![Ein Testbild](../../assets/logo.svg)

27.01.2015, Neubrandenburg
:   Eine Definition.
"""


def _project(tmp_path: Path, settings: str) -> Path:
    issues = {
        "ausgabe-001.md": issue(1, "2026-11-20", "Testausgabe", body=BODY),
        "ausgabe-001.en.md": issue(
            1, "2026-11-20", "Test issue", summary="A summary.", body="A [link](../index.md)."
        ),
    }
    write_site(
        tmp_path, newsletter_pages(issues), nav=NAV, not_in_nav=NOT_IN_NAV, extra_config=settings
    )
    return tmp_path


@pytest.mark.parametrize("language", ["de", "en"])
def test_export_matches_expected_files_and_passes_the_email_check(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    golden: Golden,
    language: str,
) -> None:
    monkeypatch.delenv("PORTAL_SITE_URL", raising=False)
    monkeypatch.chdir(_project(tmp_path, MAILTO_SETTINGS))
    assert main(["newsletter", "export", "1", "--sprache", language]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Betreff: ")
    html = (tmp_path / f"newsletter-export/ausgabe-001.{language}.html").read_text("utf-8")
    text = (tmp_path / f"newsletter-export/ausgabe-001.{language}.txt").read_text("utf-8")
    assert check_email(html, path="x.html") == []
    assert "<script" not in html and "<link" not in html
    assert "mailto:hpv-test-leave@listen.example.org" in html
    assert "hpv-test-leave@listen.example.org" in text
    golden(f"newsletter_email.{language}.html", html)
    golden(f"newsletter_email.{language}.txt", text)


def test_export_uses_the_public_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_SITE_URL", "https://portal.example.de/")
    monkeypatch.chdir(_project(tmp_path, MAILTO_SETTINGS))
    assert main(["newsletter", "export", "1"]) == 0
    html = (tmp_path / "newsletter-export/ausgabe-001.de.html").read_text("utf-8")
    assert 'href="https://portal.example.de/newsletter/"' in html
    assert 'src="https://portal.example.de/assets/logo.svg"' in html
    assert "127.0.0.1" not in html


def test_no_export_without_a_way_to_unsubscribe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(_project(tmp_path, ""))
    assert main(["newsletter", "export", "1"]) == 1
    assert "Der Newsletter kann noch nicht bestellt werden" in capsys.readouterr().out
    assert not (tmp_path / "newsletter-export").exists()


def test_unknown_number_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(_project(tmp_path, MAILTO_SETTINGS))
    assert main(["newsletter", "export", "7"]) == 1
    assert capsys.readouterr().err == (
        "Eine Ausgabe Nr. 7 gibt es nicht (vorhanden: 1) — nennen Sie die Nummer aus den "
        "Kopfdaten (number).\n"
    )


def test_email_check_finds_what_mail_programs_break() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://x.example/s.css">'
        "<style>@import url(x.css);</style></head><body>"
        '<script>alert(1)</script><a href="../seite/" onclick="x()">a</a>'
        '<img src="bild.png"></body></html>'
    )
    assert [f.problem for f in check_email(html, path="mail.html")] == [
        "Die E-Mail enthält ein Skript",
        "Die E-Mail lädt ein Stylesheet von außen",
        "Die E-Mail lädt CSS mit @import",
        "<a> hat den Ereignis-Handler onclick",
        "Der Link „../seite/“ ist nicht absolut",
        "Das Bild „bild.png“ hat keine absolute Adresse",
        "Das Bild „bild.png“ hat keinen Alternativtext",
    ]
