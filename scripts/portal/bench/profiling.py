"""Where the full build spends its time inside the project's own code.

The build runs under cProfile in its own process (``python -m cProfile -m
mkdocs build``); the statistics are then filtered to functions defined in
``hooks/`` and ``scripts/portal/``, the code this project can change.
"""

from __future__ import annotations

import pstats
import sys
from dataclasses import dataclass
from pathlib import Path

from portal.bench.project import PROJECT_ROOT
from portal.bench.runner import Run, run_measured

OWN_CODE = (PROJECT_ROOT / "hooks", PROJECT_ROOT / "scripts" / "portal")


@dataclass(frozen=True)
class HotSpot:
    where: str
    """``file:line(function)``, the file relative to the project root."""
    calls: int
    own: float
    """Seconds spent in the function itself."""
    cumulative: float
    """Seconds spent in it and everything it called."""


@dataclass(frozen=True)
class Profile:
    run: Run
    total: float
    """Seconds the profiled build took, as cProfile counts them."""
    hooks: dict[str, float]
    """Hook file → cumulative seconds of its event handlers (the hook's whole cost)."""
    hot_spots: list[HotSpot]
    """Own-code functions by cumulative time, largest first."""


def profile_build(*, config: Path, output: Path, limit: int = 15) -> Profile:
    command = [sys.executable, "-m", "cProfile", "-o", str(output)]
    command += ["-m", "mkdocs", "build", "--config-file", str(config)]
    run = run_measured(command)
    stats = pstats.Stats(str(output))
    raw = stats.stats  # type: ignore[attr-defined]
    total: float = stats.total_tt  # type: ignore[attr-defined]
    spots: list[HotSpot] = []
    hooks: dict[str, float] = {}
    for (filename, line, function), (_, calls, own, cumulative, callers) in raw.items():
        path = Path(filename)
        if not any(path.is_relative_to(root) for root in OWN_CODE):
            continue
        shown = str(path.relative_to(PROJECT_ROOT))
        spots.append(HotSpot(f"{shown}:{line}({function})", calls, own, cumulative))
        # A hook's cost is its event handlers' time, called from MkDocs itself.
        called_by_mkdocs = any(not _is_own(caller[0]) for caller in callers)
        if shown.startswith("hooks/") and function.startswith("on_") and called_by_mkdocs:
            hooks[shown] = hooks.get(shown, 0.0) + cumulative
    spots.sort(key=lambda spot: spot.cumulative, reverse=True)
    return Profile(run, total, hooks, spots[:limit])


def _is_own(filename: str) -> bool:
    return any(Path(filename).is_relative_to(root) for root in OWN_CODE)
