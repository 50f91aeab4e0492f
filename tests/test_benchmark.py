"""Smoke test of the benchmark harness (scripts/benchmark.py), so that it cannot rot.

It generates a tiny corpus, builds it once without hooks and once with all of
them, and renders the report: fast, but through the same code as ``make bench``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from portal.bench.corpus import BROKEN_KINDS, NAV_PAGES_PER_SECTION, generate_corpus
from portal.bench.report import render
from portal.bench.suite import Options, run_suite
from portal.bench.variants import BASE, FULL, GUARD_STEMS, WITHOUT_GUARDS, standard_variants

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
        timer_size=20,
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
    # The timed build names the guards' handlers, each with the time it took.
    timed = results.handlers[0]
    assert timed.run.ok, timed.run.log
    assert timed.origins["hooks/links.py"] > 0 and timed.origins["hooks/metadata.py"] > 0
    assert 0 < timed.share({"hooks/links.py", "hooks/metadata.py"}) < 1
    assert "**`hooks/links.py`** (Prüfung)" in report


def test_variants_separate_the_guards_from_the_other_hooks() -> None:
    variants = {variant.name: variant for variant in standard_variants()}

    full = {hook.stem for hook in variants[FULL].hooks}
    without = {hook.stem for hook in variants[WITHOUT_GUARDS].hooks}
    assert full - without == set(GUARD_STEMS)
    assert variants[BASE].hooks == ()
    assert {f"nur {stem}" for stem in GUARD_STEMS} <= set(variants)


def test_corpus_nav_stays_short_and_the_rest_is_archive(tmp_path: Path) -> None:
    corpus = generate_corpus(root=tmp_path, pages=200)

    in_nav: set[str] = set()
    for entry in corpus.nav:
        for value in entry.values():
            members = value if isinstance(value, list) else [value]
            assert len(members) <= NAV_PAGES_PER_SECTION + 1
            in_nav.update(str(member) for member in members)
    archive = [
        path.relative_to(corpus.docs_dir).as_posix()
        for path in corpus.page_paths()
        if path.relative_to(corpus.docs_dir).as_posix() not in in_nav
    ]
    assert len(archive) > 100
    # Every archive page is listed on its section's overview page.
    for path in archive:
        folder, name = path.split("/")
        assert f"]({name})" in (corpus.docs_dir / folder / "index.md").read_text(encoding="utf-8")
