"""Benchmark of the portal's guards: what each hook costs at 100 to 5,000 pages.

`corpus` writes a seeded synthetic bilingual site, `variants` the mkdocs.yml
of each build to compare, `runner` times the builds as subprocesses,
`linkcheck`, `serve` and `profiling` measure the link guard, the preview's
rebuild and the hot spots, and `report` turns the numbers into Markdown.
The entry point is ``scripts/benchmark.py`` (``make bench``).
"""
