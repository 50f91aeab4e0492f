"""``python -m portal``: see portal.cli."""

from __future__ import annotations

import sys

from portal.cli import main

sys.exit(main())
