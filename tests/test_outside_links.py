"""LinkChecker, an outside judge, finds no broken link in the served portal.

The build's own link guard (hooks/links.py) checks every link and anchor
from the sources; LinkChecker checks what a reader's browser gets over HTTP,
from the start page of each language through every page it can reach (see
tests/linkchecker/linkcheckerrc for why it leaves anchors to the guard).
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from browser.server import serve_with_headers

from portal.languages import load_languages
from sitebuilder import MKDOCS_YML

CONFIG = Path(__file__).parent / "linkchecker" / "linkcheckerrc"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"


def linkchecker_problems(site: Path, start_paths: list[str]) -> list[str]:
    """LinkChecker's errors and warnings over `site`, served locally, one line each."""
    if not LINKCHECKER.is_file():
        pytest.fail(f"{LINKCHECKER} fehlt — `make install`", pytrace=False)
    # The header lets LinkChecker go faster than ten requests a second.
    with serve_with_headers(site, {"LinkChecker": "1"}) as base_url:
        result = subprocess.run(
            [
                str(LINKCHECKER),
                "--config",
                str(CONFIG),
                "--output",
                "csv",
                *(base_url + path for path in start_paths),
            ],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if result.returncode not in (0, 1):
        pytest.fail(f"LinkChecker ist abgebrochen:\n{result.stderr}", pytrace=False)
    rows = csv.DictReader(
        io.StringIO(
            "\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))
        ),
        delimiter=";",
    )
    problems = []
    for row in rows:
        where = (row.get("parentname") or "").removeprefix(base_url) or "(Start)"
        what = row.get("result") or ""
        warning = row.get("warningstring") or ""
        problems.append(f"/{where}: {row.get('urlname')} — {what} {warning}".strip())
    return problems


def start_paths() -> list[str]:
    return [language.prefix for language in load_languages(MKDOCS_YML)]


def test_served_portal_has_no_broken_link_or_anchor(portal_site: Path) -> None:
    assert linkchecker_problems(portal_site, start_paths()) == []


def test_linkchecker_reports_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><head><title>Start</title></head><body>'
        '<a href="a.html">gut</a> <a href="weg.html">Seite fehlt</a></body></html>',
        encoding="utf-8",
    )
    (tmp_path / "a.html").write_text(
        '<!doctype html><html lang="de"><head><title>A</title></head><body>A</body></html>',
        encoding="utf-8",
    )
    problems = linkchecker_problems(tmp_path, [""])
    assert len(problems) == 1, problems
    assert "weg.html" in problems[0] and "404" in problems[0]
