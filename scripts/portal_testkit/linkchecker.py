"""LinkChecker, an outside judge, over a built site served on 127.0.0.1.

The build's link guard checks links and anchors from the sources; this
checks what a reader's browser gets over HTTP, from the start page of each
language through every page it can reach. With ``anchors`` LinkChecker also
checks every "page#anchor": it fetches and parses the target page again for
each of them (about 950 in the portal), which takes minutes — so the test
command checks pages, and the benchmark checks anchors too.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from portal_testkit.local_server import serve

CONFIG = Path(__file__).with_name("linkcheckerrc")
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# LinkChecker's plugin that checks the fragment of each link against the
# target page's ids and names. A second opinion only: it can miss a broken
# anchor (upstream calls it unreliable, linkchecker/linkchecker#542, #575);
# the build's link guard (portal.links.check) is the one that must not.
ANCHOR_PLUGIN = "\n[AnchorCheck]\n"


class LinkCheckerFailed(RuntimeError):
    """LinkChecker is missing or stopped without a result."""


def linkchecker_problems(
    site: Path, start_paths: Sequence[str], *, anchors: bool = False, timeout: int = 900
) -> list[str]:
    """LinkChecker's errors and warnings over `site`, one line each: where, what, why."""
    if not LINKCHECKER.is_file():
        raise LinkCheckerFailed(f"{LINKCHECKER} fehlt — `make install` richtet es ein.")
    with tempfile.TemporaryDirectory(prefix="linkchecker-") as folder:
        config = Path(folder) / "linkcheckerrc"
        text = CONFIG.read_text(encoding="utf-8")
        config.write_text(text + ANCHOR_PLUGIN if anchors else text, encoding="utf-8")
        # The header lets LinkChecker go faster than ten requests a second.
        with serve(site, {"LinkChecker": "1"}) as base_url:
            result = subprocess.run(
                [
                    str(LINKCHECKER),
                    "--config",
                    str(config),
                    "--output",
                    "csv",
                    *(base_url + path for path in start_paths),
                ],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
    if result.returncode not in (0, 1):
        raise LinkCheckerFailed(f"LinkChecker ist abgebrochen:\n{result.stderr}")
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
