"""``report translations``, ``translation stamp`` and ``report reviews``."""

from __future__ import annotations

from pathlib import Path

import pytest
from clisite import write_checkout

from golden import Golden
from portal.cli import main
from portal.translations import source_digest
from sitebuilder import page

UNRECORDED = page("Start", "# Start").replace("title: Start", "title: Home")


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_checkout(tmp_path, {"index.en.md": UNRECORDED})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def report(capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["report", "translations"]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def test_outdated_translation_is_found_and_stamped(
    checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    assert main(["new", "translation", "einarbeitung/orientierung.md"]) == 0
    source = checkout / "docs/einarbeitung/orientierung.md"
    translation = checkout / "docs/einarbeitung/orientierung.en.md"
    capsys.readouterr()
    current = report(capsys)
    assert "docs/einarbeitung/orientierung.en.md" not in current
    # The German page changes after the translation was made.
    source.write_text(source.read_text(encoding="utf-8") + "\nNeuer Absatz.\n", encoding="utf-8")
    outdated = report(capsys)
    golden("cli/report_translations.txt", outdated)
    assert (
        "Veraltet: die Quelle hat sich seit der Übersetzung geändert (1):\n"
        "  docs/einarbeitung/orientierung.en.md (English)\n" in outdated
    )
    # Brought up to date: only the one line of the front matter changes.
    before = translation.read_text(encoding="utf-8").splitlines()
    assert main(["translation", "stamp", "docs/einarbeitung/orientierung.en.md"]) == 0
    assert capsys.readouterr().out == "Stand eingetragen: docs/einarbeitung/orientierung.en.md\n"
    after = translation.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1
    assert changed[0][1] == f"translated_from: {source_digest(source)}"
    assert "Veraltet" not in report(capsys)


def test_stamp_adds_the_field_where_it_was_missing(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = checkout / "docs/index.en.md"
    before = target.read_text(encoding="utf-8")
    assert main(["translation", "stamp", "index.md"]) == 0  # the source names its translations
    assert capsys.readouterr().out == "Stand eingetragen: docs/index.en.md\n"
    digest = source_digest(checkout / "docs/index.md")
    assert target.read_text(encoding="utf-8") == before.replace(
        "owner: Redaktion\n---", f"owner: Redaktion\ntranslated_from: {digest}\n---", 1
    )
    assert "docs/index.en.md" not in report(capsys)


def test_stamp_without_translation_fails(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translation", "stamp", "einarbeitung/index.md"]) == 1
    assert capsys.readouterr().err == (
        "Zu docs/einarbeitung/index.md gibt es keine Übersetzung „einarbeitung/index.md“ — "
        "legen Sie sie mit „python -m portal new translation“ an.\n"
    )


def test_report_reviews(checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden) -> None:
    assert main(["report", "reviews", "--today", "2027-11-15", "--within", "30"]) == 0
    golden("cli/report_reviews.txt", capsys.readouterr().out)
