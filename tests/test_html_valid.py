"""Every built page is valid HTML, as the W3C Nu HTML checker judges it.

The checker (npm ``vnu-jar``, pinned in package-lock.json) runs on Debian's
Java; ``make tools`` installs both. One run over the whole site: each start
of the Java program costs seconds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from sitebuilder import PROJECT_ROOT

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_errors(site: Path) -> list[str]:
    """The checker's errors for every HTML file under `site`, one line each."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        pytest.fail(
            "Der Nu HTML Checker fehlt (Java und node_modules/vnu-jar) — `make tools`",
            pytrace=False,
        )
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(site),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # The checker writes its JSON report to stderr and exits 1 when it found errors.
    report = json.loads(result.stderr)
    errors = []
    for message in report["messages"]:
        page = message.get("url", "").removeprefix(site.as_uri()).removeprefix("file:" + str(site))
        line = message.get("lastLine", 0)
        extract = " ".join(message.get("extract", "").split())[:100]
        errors.append(f"{page}:{line}: {message['message']} — {extract}")
    return errors


def test_every_page_is_valid_html(portal_site: Path) -> None:
    assert nu_errors(portal_site) == []


def test_checker_reports_invalid_markup(tmp_path: Path) -> None:
    # The check can fail: Material's own markup before overrides/base.html.
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="de"><head><title>x</title></head><body>'
        '<input type="checkbox" id="__drawer" autocomplete="off">'
        '<label for="__toc">Inhalt</label><label for="x" tabindex="">y</label>'
        '<input type="checkbox" id="x"></body></html>',
        encoding="utf-8",
    )
    errors = nu_errors(tmp_path)
    assert len(errors) == 3, errors
    assert "Attribute “autocomplete” is only allowed" in errors[0]
