"""Benchmark of the portal: what a build costs, answered one question per module.

``python -m benchmark`` (``make bench``) runs the measurements listed in
``benchmark.registry`` on a seeded synthetic corpus (``benchmark.corpus``)
and writes their answers to ``scripts/benchmark/results.md``. See README.md
beside this file for how to run it and how to add a measurement.
"""
