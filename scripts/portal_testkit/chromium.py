"""Debian's Chromium, started the same way by every browser run of the project.

Headless and quiet: no GPU, and none of Chromium's own calls home (updates,
sync, field trials), so that a network log holds only what the page asks
for and nothing tries to leave the machine. Used by the browser tests and
the benchmark (Playwright's launch arguments, Lighthouse's --chrome-flags).
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
)
