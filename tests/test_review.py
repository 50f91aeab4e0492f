"""``python -m portal report reviews``: unreviewed chapters first (Kinderschutz leading),
then recorded reviews that are due, by responsible role."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portal.cli import main
from sitebuilder import MKDOCS_YML

CHAPTER = """\
---
title: {title}
description: Ein Kapitel.
type: guide
audience: [neue Fachkräfte]
tags: [{tags}]
owner: {owner}
updated: 2026-01-10
{review}---
# {title}
"""

ROLES = """\
extra:
  roles:
    - {de: Redaktion, en: Editorial team}
    - {de: Fachberatung Kinderschutz, en: Child protection advisers}
"""


def review(day: str, *, by: str = "Fachberatung Kinderschutz") -> str:
    return f"review:\n  date: {day}\n  by: {by}\n  scope: Rechtsstand\n  interval_months: 12\n"


def write(
    docs: Path,
    name: str,
    *,
    title: str,
    owner: str = "Redaktion",
    reviewed: str | None = None,
    tags: str = "Einarbeitung",
) -> None:
    target = docs / name
    target.parent.mkdir(parents=True, exist_ok=True)
    text = CHAPTER.format(
        title=title, owner=owner, tags=tags, review=review(reviewed) if reviewed else ""
    )
    target.write_text(text, "utf-8")


def run_review(docs: Path) -> str:
    command = [sys.executable, "-m", "portal", "report", "reviews", "--docs", str(docs)]
    result = subprocess.run(
        [*command, "--today", "2026-11-22", "--within", "30"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.returncode == 0
    return result.stdout


def test_unreviewed_chapters_lead_with_child_protection(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _checkout(tmp_path)
    write(docs, "einarbeitung/a.md", title="Ankommen")
    write(docs, "einarbeitung/a.en.md", title="Arriving")
    write(docs, "hilfeplanverfahren/kinderschutz.md", title="Kinderschutz", tags="Kinderschutz")
    write(docs, "mentoring/b.md", title="Begleiten", reviewed="2026-11-01")
    assert run_review(docs) == (
        "Fachlich noch nicht geprüft: 3 Kapitel, davon 1 Übersetzungen (Kinderschutz zuerst)\n"
        "  docs/hilfeplanverfahren/kinderschutz.md: Kinderschutz – Redaktion\n"
        "  docs/einarbeitung/a.md: Ankommen – Redaktion\n"
        "  docs/einarbeitung/a.en.md: Arriving – Redaktion\n"
        "\n"
        "Keine Kapitel mit fälliger Prüfung bis 22.12.2026.\n"
    )


def test_due_and_overdue_reviews_grouped_by_owner(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(f"INHERIT: {MKDOCS_YML}\n{ROLES}", encoding="utf-8")
    docs = tmp_path / "docs"
    _checkout(tmp_path)
    write(docs, "einarbeitung/a.md", title="Alt", reviewed="2025-01-10")
    write(docs, "einarbeitung/a.en.md", title="Old", reviewed="2025-01-10")
    write(
        docs,
        "mentoring/b.md",
        title="Bald",
        owner="Fachberatung Kinderschutz",
        reviewed="2025-12-20",
    )
    write(docs, "mentoring/c.md", title="Frisch", reviewed="2026-11-01")
    assert run_review(docs) == (
        "Fällige Prüfungen bis 22.12.2026 (Stichtag 22.11.2026):\n"
        "\n"
        "Fachberatung Kinderschutz (1)\n"
        "  docs/mentoring/b.md: fällig am 20.12.2026 – Bald\n"
        "\n"
        "Redaktion (2)\n"
        "  docs/einarbeitung/a.en.md: überfällig seit 10.01.2026 – Old\n"
        "  docs/einarbeitung/a.md: überfällig seit 10.01.2026 – Alt\n"
    )


def test_nothing_due_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    _checkout(tmp_path)
    write(docs, "mentoring/c.md", title="Frisch", reviewed="2026-11-01")
    # The list is information, not a check: the command ends with 0 either way.
    assert (
        main(["report", "reviews", "--docs", str(docs), "--today", "2026-11-22", "--within", "0"])
        == 0
    )
    assert capsys.readouterr().out == "Keine Kapitel mit fälliger Prüfung bis 22.11.2026.\n"


def test_metadata_command_uses_the_configured_roles(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    _checkout(tmp_path)
    write(docs, "mentoring/c.md", title="Frisch", owner="Fachberatung Kinderschutz")
    assert main(["metadata", "--docs", str(docs)]) == 1
    (tmp_path / "mkdocs.yml").write_text(f"INHERIT: {MKDOCS_YML}\n{ROLES}", encoding="utf-8")
    assert main(["metadata", "--docs", str(docs)]) == 0
    write(docs, "mentoring/c.md", title="Frisch", owner="Frau Beispiel")
    assert main(["metadata", "--docs", str(docs)]) == 1


def _checkout(root: Path) -> None:
    """A checkout around the docs: the commands find its mkdocs.yml."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(f"INHERIT: {MKDOCS_YML}\n", encoding="utf-8")
