"""The benchmark (scripts/benchmark) on a ten-page corpus: it runs, and its corpus is clean.

A corpus the checks complain about would measure the cost of reporting
problems, not of checking: so the tiny run asserts that the checks, called
as the build calls them, find nothing in it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from benchmark import guards
from benchmark.__main__ import render, run, selected
from benchmark.corpus import generate_corpus
from benchmark.harness import Answer, Context
from portal.csp import HEADER_FILE


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_corpus_depends_on_seed_and_size_only(tmp_path: Path) -> None:
    first = generate_corpus(root=tmp_path / "a", pages=12, seed=7)
    second = generate_corpus(root=tmp_path / "b", pages=12, seed=7)
    other = generate_corpus(root=tmp_path / "c", pages=12, seed=8)

    assert tree_digest(first.docs_dir) == tree_digest(second.docs_dir)
    assert tree_digest(first.docs_dir) != tree_digest(other.docs_dir)
    german = [p for p in first.docs_dir.glob("*/seite-*.md") if not p.name.endswith(".en.md")]
    english = list(first.docs_dir.glob("*/seite-*.en.md"))
    assert (len(german), len(english)) == (12, first.english_pages)
    assert 0 < first.english_pages < 12


def test_guards_measurement_on_ten_pages(tmp_path: Path) -> None:
    context = Context(workdir=tmp_path, pages=10, repeat=1, say=lambda _: None)
    costs = guards.costs(context)

    assert costs.findings == ()
    assert costs.pages == f"10 + {context.corpus(10).english_pages}"
    (build,) = costs.builds
    assert build > 0.5
    # The build ran the portal's stages: the finish stage writes the nginx header.
    assert (context.built_site(10) / HEADER_FILE).is_file()
    # Each check costs something, and less than the build that runs it.
    assert 0 < costs.prepare / build < 1
    assert 0 < costs.links / build < 1
    assert costs.prepare + costs.links < build

    answers = run(selected("guards"), context)
    results = render(answers, context=context, minutes=0.0)
    assert all(isinstance(answer, Answer) for _, answer in answers), results
    assert "## Was kosten die Prüfungen einen Build?" in results
    share = r"\| \d+,\d\d \| \d+,\d % \|"
    assert re.search(r"\| Quellen: `prepare\(load_site\(…\)\)` " + share, results), results
    assert re.search(
        r"\| Links und Anker der gebauten Site: `portal\.links\.check_site` " + share, results
    ), results
    assert "## Wie wächst" not in results  # only the measurement asked for


def test_check_measurement_on_ten_pages(tmp_path: Path) -> None:
    context = Context(workdir=tmp_path, pages=10, repeat=1, say=lambda _: None)
    answers = run(selected("check"), context)
    results = render(answers, context=context, minutes=0.0)

    assert all(isinstance(answer, Answer) for _, answer in answers), results
    assert "## Wie schnell ist `python -m portal check`?" in results
    # Both the portal and the corpus pass the check (exit code 0).
    times = r"\| \d+,\d\d \| \d+,\d\d \| 0 \|"
    assert re.search(r"\| Portal \(`docs/`\) " + times, results), results
    assert re.search(r"\| Korpus 10 \+ \d+ Seiten " + times, results), results
