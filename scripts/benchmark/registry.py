"""Every measurement of the benchmark, in the order they run and are reported.

To add one: write a module beside this one with a ``measure(context) ->
Answer`` function and a ``MEASUREMENT``, and list it here (see README.md).
"""

from __future__ import annotations

from benchmark import (
    check,
    editions,
    guards,
    lighthouse,
    links,
    newsletter,
    preview,
    scaling,
    search,
    weight,
)
from benchmark.harness import Measurement

MEASUREMENTS: tuple[Measurement, ...] = (
    guards.MEASUREMENT,
    scaling.MEASUREMENT,
    preview.MEASUREMENT,
    search.MEASUREMENT,
    links.MEASUREMENT,
    newsletter.MEASUREMENT,
    weight.MEASUREMENT,
    lighthouse.MEASUREMENT,
    editions.MEASUREMENT,
    check.MEASUREMENT,
)
