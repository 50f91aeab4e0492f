"""``python -m portal review``: chapters due for review, by responsible team."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portal.cli import main

CHAPTER = """\
---
title: {title}
description: Ein Kapitel.
type: guide
audience: [neue Fachkräfte]
tags: [Einarbeitung]
owner: {owner}
updated: 2026-01-10
reviewed: {reviewed}
review_interval_months: 12
---
# {title}
"""


def write(docs: Path, name: str, *, title: str, owner: str, reviewed: str) -> None:
    target = docs / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(CHAPTER.format(title=title, owner=owner, reviewed=reviewed), "utf-8")


def test_due_and_overdue_chapters_grouped_by_owner(tmp_path: Path, capsys: object) -> None:
    docs = tmp_path / "docs"
    write(
        docs,
        "einarbeitung/a.md",
        title="Alt",
        owner="Fachredaktion Einarbeitung",
        reviewed="2025-01-10",
    )
    write(
        docs,
        "einarbeitung/a.en.md",
        title="Old",
        owner="Fachredaktion Einarbeitung",
        reviewed="2025-01-10",
    )
    write(
        docs, "mentoring/b.md", title="Bald", owner="Fachredaktion Mentoring", reviewed="2025-12-20"
    )
    write(
        docs,
        "mentoring/c.md",
        title="Frisch",
        owner="Fachredaktion Mentoring",
        reviewed="2026-11-01",
    )
    command = [sys.executable, "-m", "portal", "review", "--docs", str(docs)]
    result = subprocess.run(
        [*command, "--today", "2026-11-22", "--within", "30"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout == (
        "Fällige Prüfungen bis 22.12.2026 (Stichtag 22.11.2026):\n"
        "\n"
        "Fachredaktion Einarbeitung (1)\n"
        "  docs/einarbeitung/a.md: überfällig seit 10.01.2026 – Alt\n"
        "\n"
        "Fachredaktion Mentoring (1)\n"
        "  docs/mentoring/b.md: fällig am 20.12.2026 – Bald\n"
    )


def test_nothing_due_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = tmp_path / "docs"
    write(
        docs,
        "mentoring/c.md",
        title="Frisch",
        owner="Fachredaktion Mentoring",
        reviewed="2026-11-01",
    )
    # The list is information, not a check: the command ends with 0 either way.
    main(["review", "--docs", str(docs), "--today", "2026-11-22", "--within", "0"])
    assert capsys.readouterr().out == "Keine Kapitel mit fälliger Prüfung bis 22.11.2026.\n"


def test_metadata_command_fails_on_findings(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "mentoring/c.md", title="Frisch", owner="Frau Beispiel", reviewed="2026-11-01")
    assert main(["metadata", "--docs", str(docs)]) == 1
    write(docs, "mentoring/c.md", title="Frisch", owner="Redaktion", reviewed="2026-11-01")
    assert main(["metadata", "--docs", str(docs)]) == 0
