"""What each plugin's and hook's event handlers cost in a build, timed without a profiler.

cProfile slows Python code far more than code in C, so in a profile the
guards (which parse with lexbor and libyaml) and MkDocs (pure Python) are
distorted by different amounts, and on a shared machine the difference of two
whole builds scatters by more than the guards cost. Here one build runs with
a CPU timer around every event handler instead: each handler's own time,
without the handlers nested in it (mkdocs-static-i18n runs the builds of the
further languages inside its on_post_build, and their handlers count for
themselves).

``python -m portal.bench.handlers OUTPUT.json CONFIG`` runs the build and
writes the times; :func:`time_handlers` does that in a fresh process.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from portal.bench.runner import Run, run_measured

# Data


@dataclass(frozen=True)
class HandlerTimes:
    run: Run
    total: float
    """CPU seconds of the whole build, inside the process (without start-up)."""
    origins: dict[str, float]
    """Plugin name or hook file (``hooks/links.py``) → CPU seconds of its handlers."""

    def share(self, origins: set[str]) -> float:
        """What the handlers of `origins` add to the build without them (0.05 = +5 %)."""
        spent = sum(seconds for origin, seconds in self.origins.items() if origin in origins)
        return spent / (self.total - spent) if self.total > spent else 0.0


# Functions


def median_run(runs: list[HandlerTimes], *, origins: set[str]) -> HandlerTimes:
    """The run whose share of `origins` is the median one (the lower middle for even counts)."""
    ordered = sorted(runs, key=lambda run: run.share(origins))
    return ordered[(len(ordered) - 1) // 2]


def time_handlers(*, config: Path) -> HandlerTimes:
    """Build with `config` in a fresh process and time every event handler."""
    with tempfile.TemporaryDirectory(prefix="portal-handlers-") as folder:
        output = Path(folder) / "handlers.json"
        command = [sys.executable, "-m", "portal.bench.handlers", str(output), str(config)]
        run = run_measured(command)
        data: dict[str, Any] = json.loads(output.read_text()) if output.is_file() else {}
    return HandlerTimes(
        run=run,
        total=float(data.get("total", 0.0)),
        origins={str(name): float(seconds) for name, seconds in data.get("origins", {}).items()},
    )


def origin_name(name: str) -> str:
    """``/work/main/hooks/links.py`` → ``hooks/links.py``; plugin names stay as they are."""
    path = PurePosixPath(name)
    return f"hooks/{path.name}" if path.suffix == ".py" else name


def main(argv: list[str]) -> int:
    output, config = Path(argv[0]), argv[1]
    from mkdocs import plugins
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: dict[str, float] = {}
    nested: list[float] = []

    # MkDocs calls every handler from this one method; the benchmark replaces
    # it with a copy that also keeps the time (same order, same results).
    def run_event(self: Any, name: str, item: Any = None, **kwargs: Any) -> Any:
        pass_item = item is not None
        for method in self.events[name]:
            origin = self._event_origins.get(method, "<unknown>")
            self._current_plugin = origin
            nested.append(0.0)
            start = time.process_time()
            result = method(item, **kwargs) if pass_item else method(**kwargs)
            elapsed = time.process_time() - start
            inner = nested.pop()
            key = origin_name(origin)
            spent[key] = spent.get(key, 0.0) + elapsed - inner
            if nested:
                nested[-1] += elapsed
            if result is not None:
                item = result
        self._current_plugin = None
        return item

    replaced: Callable[..., Any] = run_event
    plugins.PluginCollection.run_event = replaced  # type: ignore[method-assign]
    start = time.process_time()
    build(load_config(config))
    total = time.process_time() - start
    output.write_text(json.dumps({"total": total, "origins": dict(spent)}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
