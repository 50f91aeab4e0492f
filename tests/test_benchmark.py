"""The benchmark (scripts/benchmark) on a ten-page corpus: it runs, and its corpus is clean.

A corpus the guards complain about would measure the cost of reporting
problems, not of checking: so the tiny run asserts that the full portal
builds it without a finding.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from benchmark.__main__ import render, run, selected
from benchmark.builds import full_portal, without_guards
from benchmark.corpus import generate_corpus
from benchmark.harness import Answer, Context
from benchmark.portal_config import GUARDS, PROJECT_ROOT, portal_languages
from portal.links import check_site
from portal.metadata.check import check_docs
from sitebuilder import NOTICES


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
    answers = run(selected("guards"), context)
    results = render(answers, context=context, minutes=0.0)

    assert all(isinstance(answer, Answer) for _, answer in answers), results
    assert "## Was kosten die Prüfungen einen Build?" in results
    assert re.search(r"\| Portal \| \d+,\d\d \|", results), results
    assert re.search(r"\| ohne Prüfungen \| \d+,\d\d \|", results), results
    assert "## Wie wächst" not in results  # only the measurement asked for
    # The two builds differ in exactly the guards, and neither found a problem.
    assert set(full_portal().hooks) - set(without_guards().hooks) == set(GUARDS)
    for variant in (full_portal(), without_guards()):
        (build,) = context.runs(10, variant)
        # Only the unconfigured portal's deliberate notices (sitebuilder.NOTICES).
        assert [w for w in build.warnings() if not any(n in w for n in NOTICES)] == []
        assert build.cpu > 0.5
    corpus = context.corpus(10)
    languages = portal_languages()
    site = context.built_site(10)
    found = check_site(
        site, project_root=PROJECT_ROOT, docs_dir=corpus.docs_dir, languages=languages
    )
    assert found == []
    checked = check_docs(corpus.docs_dir, project_root=corpus.root, languages=languages)
    assert checked.findings == []


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
