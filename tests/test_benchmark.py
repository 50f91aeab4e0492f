"""Smoke test of the benchmark harness (scripts/benchmark.py), so that it cannot rot.

It generates a tiny corpus, builds it once without hooks and once with all of
them, and renders the report: fast, but through the same code as ``make bench``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from portal.bench.corpus import BROKEN_KINDS, generate_corpus
from portal.bench.report import render
from portal.bench.suite import Options, run_suite
from portal.bench.variants import BASE, FULL

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_corpus_is_deterministic_and_valid(tmp_path: Path) -> None:
    first = generate_corpus(root=tmp_path / "a", pages=20, seed=7)
    second = generate_corpus(root=tmp_path / "b", pages=20, seed=7)
    other = generate_corpus(root=tmp_path / "c", pages=20, seed=8)

    assert tree_digest(first.docs_dir) == tree_digest(second.docs_dir)
    assert tree_digest(first.docs_dir) != tree_digest(other.docs_dir)
    assert first.german_pages == 20
    assert len(list(first.docs_dir.glob("*/seite-*.en.md"))) == first.english_pages > 0
    page = first.page_paths()[0]
    front_matter = yaml_load(page.read_text(encoding="utf-8").split("---")[1])
    assert set(front_matter) >= {"title", "description", "type", "audience", "tags", "owner"}
    types = {
        yaml_load(path.read_text(encoding="utf-8").split("---")[1])["type"]
        for path in first.page_paths()
    }
    assert types == {"page", "guide", "event", "training", "newsletter", "publication", "project"}
    assert (first.docs_dir / "bilder" / "abb-01.png").read_bytes().startswith(b"\x89PNG\r\n")


def test_broken_variant_plants_every_kind(tmp_path: Path) -> None:
    corpus = generate_corpus(root=tmp_path, pages=20, broken=1)

    assert sorted(link.kind for link in corpus.broken_links) == sorted(BROKEN_KINDS)
    for link in corpus.broken_links:
        assert link.token in (corpus.docs_dir / link.source).read_text(encoding="utf-8")


def test_one_tiny_measurement_renders_a_report(tmp_path: Path) -> None:
    options = Options(
        sizes=(20,),
        repeat=1,
        variants=(BASE, FULL),
        serve_size=None,
        profile_size=None,
        findings_size=None,
    )
    results = run_suite(options, workdir=tmp_path, say=lambda _: None)

    base, full = results.get(BASE, 20), results.get(FULL, 20)
    assert base is not None and base.ok, base and base.runs[-1].log
    assert full is not None and full.ok, full and full.runs[-1].log
    assert base.cpu > 0
    assert base.max_rss_mib > 10
    assert full.site.search_index_bytes["de"] > 0
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        hooks = [Path(hook).stem for hook in yaml_load(config)["hooks"]]
    assert results.hooks == hooks
    report = render(results)
    assert "| (a) ohne Hooks | 20+" in report
    assert "| (b) Portal | 20+" in report
    assert "## Ziele" in report
