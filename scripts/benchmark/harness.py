"""What every measurement gets: corpora, timed builds, and the shape of its answer.

A measurement is one small module with a function ``measure(context) ->
Answer`` and an entry in ``benchmark.registry``. It asks the context for a
corpus or for timed builds; the context generates and builds each only once
per run, so two measurements that need the full portal at 1,000 pages share
those builds.
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.builds import PORTAL, Run, Variant, build, site_dir, write_config
from benchmark.corpus import Corpus, generate_corpus


@dataclass(frozen=True)
class Answer:
    summary: str
    """One sentence with the figure: printed, and listed at the top of the results."""
    details: list[str] = field(default_factory=list)
    """Markdown lines (a table, how it was measured) for the results file."""


@dataclass(frozen=True)
class Measurement:
    name: str
    """Its name on the command line (``--only``)."""
    question: str
    """The user's question it answers: the heading of its section in the results."""
    measure: Callable[[Context], Answer]
    default: bool = True
    """Part of ``make bench``; otherwise it runs only when named with ``--only``."""


class BuildFailed(RuntimeError):
    pass


@dataclass
class Context:
    workdir: Path
    pages: int = 1000
    """Corpus size of the measurements that ask about a site of typical size."""
    sizes: tuple[int, ...] = (100, 1000)
    """Corpus sizes of the scaling measurement."""
    repeat: int = 3
    seed: int = 2015
    say: Callable[[str], None] = print
    _corpora: dict[int, Corpus] = field(default_factory=dict)
    _runs: dict[tuple[int, Variant], list[Run]] = field(default_factory=dict)

    def corpus(self, pages: int) -> Corpus:
        if pages not in self._corpora:
            corpus = generate_corpus(root=self.workdir / f"n{pages}", pages=pages, seed=self.seed)
            self.say(
                f"Korpus: {corpus.german_pages} deutsche, {corpus.english_pages} englische Seiten"
            )
            self._corpora[pages] = corpus
        return self._corpora[pages]

    def runs(self, pages: int, variant: Variant = PORTAL) -> list[Run]:
        """`repeat` builds of `variant` at `pages` pages, each a fresh process (once per run)."""
        if (pages, variant) not in self._runs:
            corpus = self.corpus(pages)
            runs = []
            for round_number in range(self.repeat):
                shutil.rmtree(site_dir(corpus, variant), ignore_errors=True)
                run = build(write_config(corpus, variant))
                if run.returncode != 0:
                    tail = "\n".join(run.log.splitlines()[-15:])
                    raise BuildFailed(f"Build „{variant.name}“ bei N={pages} gescheitert:\n{tail}")
                runs.append(run)
                self.say(
                    f"  N={pages}, {variant.name}, Lauf {round_number + 1}/{self.repeat}: "
                    f"CPU {run.cpu:.2f} s, Wand {run.wall:.2f} s"
                )
            self._runs[pages, variant] = runs
        return self._runs[pages, variant]

    def cpu_times(self, pages: int, variant: Variant = PORTAL) -> list[float]:
        """CPU seconds of each of the `repeat` builds (see `runs`)."""
        return [run.cpu for run in self.runs(pages, variant)]

    def built_site(self, pages: int, variant: Variant = PORTAL) -> Path:
        """The site of the last build of `variant` at `pages` pages."""
        self.runs(pages, variant)
        return site_dir(self.corpus(pages), variant)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def cpu_median(call: Callable[[], object], *, repeat: int) -> float:
    """CPU seconds of calling `call` in this process, median of `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    return median(times)


def seconds(value: float) -> str:
    """German decimal comma, as in the portal's texts."""
    return f"{value:.2f}".replace(".", ",") + " s"


def number(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}".replace(".", ",")


def percent(share: float) -> str:
    """0.069 → ``6,9 %``."""
    return f"{share * 100:.1f} %".replace(".", ",")
