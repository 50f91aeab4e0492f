"""A small checkout of the portal in tmp_path for the command-line tests: sections, nav, pages."""

from __future__ import annotations

import textwrap
from pathlib import Path

from sitebuilder import FURNISHED_NOT_IN_NAV, page, write_site

GUIDE = """\
---
title: Orientierung
description: Die ersten Wochen.
type: guide
audience: [neue Fachkräfte]
tags: [Einarbeitung]
owner: Redaktion
updated: 2026-11-22
review:
  date: 2026-11-01
  by: Redaktion
  scope: Alles
  interval_months: 12
---

# Orientierung

Text.
"""

NAV = textwrap.dedent(
    """\
      - Start: index.md
      - Einarbeitung:
          - einarbeitung/index.md
          - einarbeitung/orientierung.md
      - Newsletter:
          - newsletter/index.md
    """
).rstrip()


def write_checkout(root: Path, pages: dict[str, str] | None = None) -> Path:
    """A checkout with a start page, one guide section and a newsletter overview."""
    return write_site(
        root,
        {
            "index.md": page("Start", "# Start"),
            "einarbeitung/index.md": page("Einarbeitung", "# Einarbeitung"),
            "einarbeitung/orientierung.md": GUIDE,
            "newsletter/index.md": page("Newsletter", "# Newsletter"),
            **(pages or {}),
        },
        nav=NAV,
        not_in_nav="/newsletter/ausgaben/\n" + FURNISHED_NOT_IN_NAV,
    )
