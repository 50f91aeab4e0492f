"""Atomic builds: a failed strict build leaves the last good site as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portal import publish
from sitebuilder import page, write_site

GOOD = page("Start", "# Start\n\nErster Stand.")
BROKEN = page("Start", "# Start\n\nZweiter Stand mit einem [Link](fehlt.md), der ins Leere geht.")
FIXED = page("Start", "# Start\n\nDritter Stand.")


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` with its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _portal_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "portal", "build", "--site-dir", str(site_dir)],
        cwd=root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
        timeout=600,
        check=False,
    )


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path) -> None:
    write_site(tmp_path, {"index.md": GOOD})
    published = tmp_path / "public"

    first = _portal_build(tmp_path, published)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Erster Stand." in (published / "index.html").read_text(encoding="utf-8")
    before = _snapshot(published)

    (tmp_path / "docs" / "index.md").write_text(BROKEN, encoding="utf-8")
    second = _portal_build(tmp_path, published)
    assert second.returncode == 1
    assert "fehlt.md" in second.stdout + second.stderr
    assert f"Der Build ist gescheitert (siehe Meldungen oben); {published} ist unverändert." in (
        second.stderr
    )
    assert _snapshot(published) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []

    (tmp_path / "docs" / "index.md").write_text(FIXED, encoding="utf-8")
    third = _portal_build(tmp_path, published)
    assert third.returncode == 0, third.stdout + third.stderr
    text = (published / "index.html").read_text(encoding="utf-8")
    assert "Dritter Stand." in text
    assert "Erster Stand." not in text
    assert published.stat().st_mode & 0o755 == 0o755  # readable for the web server
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


@pytest.mark.parametrize("atomic", [True, False])
def test_swap_replaces_whole_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, atomic: bool
) -> None:
    if not atomic:  # the fallback of systems without renameat2
        monkeypatch.setattr(publish, "_exchange", lambda first, second: False)
    site = tmp_path / "site"
    (site / "alt").mkdir(parents=True)
    (site / "alt" / "index.html").write_text("alt", encoding="utf-8")
    fresh = tmp_path / ".site.build-x"
    fresh.mkdir()
    (fresh / "index.html").write_text("neu", encoding="utf-8")

    publish._swap_in(fresh, site)

    assert _snapshot(site).keys() == {"index.html"}
    assert (site / "index.html").read_text(encoding="utf-8") == "neu"
    assert (fresh / "alt" / "index.html").read_text(encoding="utf-8") == "alt"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site.build-x", "site"]
