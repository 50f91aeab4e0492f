"""One benchmark run: every variant at every size, the link checks, serve and the profile."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from portal.bench.corpus import Corpus, generate_corpus
from portal.bench.handlers import HandlerTimes, time_handlers
from portal.bench.linkcheck import (
    FindingsRow,
    compare_findings,
    find_link_check,
    finding_lines,
    htmlproofer_messages,
    new_warnings,
    time_link_check,
)
from portal.bench.machine import Machine, describe_machine
from portal.bench.profiling import Profile, profile_build
from portal.bench.project import portal_hooks
from portal.bench.runner import Measurement, Run, build, measure_site
from portal.bench.serve import ServeError, ServeResult, measure_rebuild
from portal.bench.variants import (
    BASE,
    FULL,
    HTMLPROOFER,
    Variant,
    guard_origins,
    htmlproofer_variant,
    standard_variants,
    write_config,
)

LINK_HOOK_STEM = "links"
"""The hook file of the link guard, ``hooks/links.py``."""


@dataclass(frozen=True)
class Options:
    sizes: tuple[int, ...] = (100, 1000, 5000)
    repeat: int = 3
    seed: int = 2015
    workdir: Path | None = None
    serve_size: int | None = 1000
    profile_size: int | None = 1000
    timer_size: int | None = 1000
    """Pages for the builds with a timer around every event handler (None = off)."""
    findings_size: int | None = 100
    variants: tuple[str, ...] = ()
    """Names of the variants to run; empty means all."""
    link_check: str | None = None
    """``module:function`` of the link guard's plain function, if not found by name."""


@dataclass
class Results:
    machine: Machine
    options: Options
    hooks: list[str]
    measurements: list[Measurement] = field(default_factory=list)
    corpora: dict[int, tuple[int, int]] = field(default_factory=dict)
    """Size → (German pages, English pages)."""
    link_check_name: str | None = None
    link_check_seconds: dict[int, float] = field(default_factory=dict)
    findings: list[FindingsRow] = field(default_factory=list)
    findings_checkers: list[str] = field(default_factory=list)
    serve: ServeResult | None = None
    serve_error: str | None = None
    profile: Profile | None = None
    profile_size: int | None = None
    handlers: list[HandlerTimes] = field(default_factory=list)
    """One timed build per repeat, at ``options.timer_size`` pages."""
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def get(self, variant: str, size: int) -> Measurement | None:
        for measurement in self.measurements:
            if measurement.variant == variant and measurement.size == size:
                return measurement
        return None


def run_suite(options: Options, *, workdir: Path, say: Callable[[str], None]) -> Results:
    started = time.perf_counter()
    hooks = portal_hooks()
    variants = [
        variant
        for variant in standard_variants(hooks=hooks)
        if not options.variants or variant.name in options.variants
    ]
    results = Results(describe_machine(), options, [hook.stem for hook in hooks])
    link_check = find_link_check(options.link_check)
    results.link_check_name = link_check.name if link_check else None
    for size in options.sizes:
        corpus = generate_corpus(root=workdir / f"n{size}", pages=size, seed=options.seed)
        results.corpora[size] = (corpus.german_pages, corpus.english_pages)
        say(f"N={size}: {corpus.german_pages} deutsche, {corpus.english_pages} englische Seiten")
        runs: dict[str, list[Run]] = {variant.name: [] for variant in variants}
        sites: dict[str, Path] = {}
        # Repeats go round all variants in turn, so that a burst of other load
        # on the machine spreads over the variants instead of hitting one.
        for round_number in range(options.repeat):
            for variant in variants:
                site = corpus.root / f"site-{variant.slug}"
                shutil.rmtree(site, ignore_errors=True)
                run = _build_retrying(
                    write_config(corpus=corpus, variant=variant, site_dir=site), site=site, say=say
                )
                runs[variant.name].append(run)
                sites[variant.name] = site
                status = "ok" if run.ok else f"Fehler (Code {run.returncode})"
                say(
                    f"  {variant.name:<24} Lauf {round_number + 1}/{options.repeat}: "
                    f"{run.wall:7.2f} s, CPU {run.cpu:7.2f} s, "
                    f"{run.max_rss_kib / 1024:6.0f} MiB, {status}"
                )
        for variant in variants:
            site = sites[variant.name]
            results.measurements.append(
                Measurement(variant.name, size, tuple(runs[variant.name]), measure_site(site))
            )
            _note_problems(results, variant.name, size, runs[variant.name])
        if link_check and FULL in sites:
            seconds = time_link_check(
                link_check,
                site_dir=sites[FULL],
                docs_dir=corpus.docs_dir,
                repeat=options.repeat,
            )
            results.link_check_seconds[size] = seconds
            say(f"  Linkprüfung ({link_check.name}) über die gebaute Site: {seconds:.3f} s")
        for site in sites.values():
            shutil.rmtree(site, ignore_errors=True)

    if options.findings_size:
        _compare_findings(results, options, workdir=workdir, hooks=hooks, say=say)
    if options.serve_size:
        corpus, config = _full_build(
            options, hooks=hooks, size=options.serve_size, root=workdir / "serve"
        )
        say(f"mkdocs serve bei N={options.serve_size}: erster Build, dann eine Seite bearbeitet …")
        try:
            results.serve = measure_rebuild(config=config, page=corpus.page_paths()[0])
            say(f"  Neubau nach Bearbeitung: {results.serve.rebuild_wall:.2f} s")
        except ServeError as error:
            results.serve_error = str(error).splitlines()[0]
            say(f"  mkdocs serve: {error}")
    if options.profile_size:
        _, config = _full_build(
            options, hooks=hooks, size=options.profile_size, root=workdir / "profile"
        )
        say(f"cProfile des vollen Builds bei N={options.profile_size} …")
        results.profile = profile_build(config=config, output=workdir / "portal.prof")
        results.profile_size = options.profile_size
    if options.timer_size:
        _time_handlers(results, options, workdir=workdir, hooks=hooks, say=say)
    results.seconds = time.perf_counter() - started
    return results


# Helper functions


RETRIES = 2
RETRY_PAUSE = 10.0


def _build_retrying(config: Path, *, site: Path, say: Callable[[str], None]) -> Run:
    # Others edit the shared checkout while the benchmark runs; a build that
    # fails on a half-saved mkdocs.yml or template is tried again after a pause
    # rather than entering the median with the time of a crash.
    run = build(config)
    for _ in range(RETRIES):
        if run.ok:
            break
        say(f"    fehlgeschlagen ({(run.errors() or ['?'])[-1][:160]}), neuer Versuch …")
        time.sleep(RETRY_PAUSE)
        shutil.rmtree(site, ignore_errors=True)
        run = build(config)
    return run


def _note_problems(results: Results, variant: str, size: int, runs: list[Run]) -> None:
    last = runs[-1]
    if not last.ok:
        tail = "; ".join(last.errors()[-2:] or last.log.strip().splitlines()[-2:])
        results.notes.append(f"{variant}, N={size}: Build fehlgeschlagen: {tail}")
    elif variant == HTMLPROOFER:
        false_alarms = len(htmlproofer_messages(last.log))
        results.notes.append(
            f"htmlproofer, N={size}: {false_alarms} Meldungen „invalid url“ im sauberen Korpus "
            "(Fehlalarme: Links auf Seiten mit Übersetzung findet er nicht)"
        )
    elif last.warnings():
        results.notes.append(
            f"{variant}, N={size}: {len(last.warnings())} Warnungen im sauberen Korpus, "
            f"z. B. {last.warnings()[0]}"
        )


def _compare_findings(
    results: Results,
    options: Options,
    *,
    workdir: Path,
    hooks: list[Path],
    say: Callable[[str], None],
) -> None:
    assert options.findings_size
    corpus = generate_corpus(
        root=workdir / "kaputt",
        pages=options.findings_size,
        seed=options.seed,
        broken=2,
    )
    say(
        f"Befunde: {len(corpus.broken_links)} absichtlich kaputte Links bei N={corpus.german_pages}"
    )
    base_site = corpus.root / "site-base"
    base = _build_variant(corpus, Variant(BASE, ()), base_site)
    messages: dict[str, list[str]] = {"MkDocs allein": base.warnings()}
    proofer = _build_variant(corpus, htmlproofer_variant())
    messages["htmlproofer"] = htmlproofer_messages(proofer.log)
    link_hooks = [hook for hook in hooks if hook.stem == LINK_HOOK_STEM]
    if link_hooks:
        guard = _build_variant(corpus, Variant("Link-Wächter", tuple(link_hooks)))
        messages["Link-Wächter (Build)"] = new_warnings(guard.log, baseline=base.log)
    else:
        results.notes.append("hooks/links.py steht (noch) nicht in mkdocs.yml: Hook nicht gebaut")
    link_check = find_link_check(options.link_check)
    if link_check:
        # The plain function reads any built site: the one without hooks will do.
        found = finding_lines(link_check.call(base_site, corpus.docs_dir))
        messages["Link-Wächter (Funktion)"] = found
    results.findings = compare_findings(corpus, messages)
    results.findings_checkers = list(messages)


def _time_handlers(
    results: Results,
    options: Options,
    *,
    workdir: Path,
    hooks: list[Path],
    say: Callable[[str], None],
) -> None:
    assert options.timer_size
    corpus, config = _full_build(
        options, hooks=hooks, size=options.timer_size, root=workdir / "timer"
    )
    site = corpus.root / "site"
    say(f"Zeitnehmer um jeden Event-Handler bei N={options.timer_size} …")
    guards_named = guard_origins(hook.stem for hook in hooks)
    for round_number in range(options.repeat):
        shutil.rmtree(site, ignore_errors=True)
        timed = time_handlers(config=config)
        results.handlers.append(timed)
        guards = sum(seconds for origin, seconds in timed.origins.items() if origin in guards_named)
        say(
            f"  Lauf {round_number + 1}/{options.repeat}: Build {timed.total:.2f} s CPU, "
            f"davon Prüfungen {guards:.2f} s"
        )
    shutil.rmtree(site, ignore_errors=True)


def _full_build(
    options: Options, *, hooks: list[Path], size: int, root: Path
) -> tuple[Corpus, Path]:
    """A corpus of `size` pages in ``<root><size>/`` and the config of the full portal for it."""
    corpus = generate_corpus(
        root=root.with_name(f"{root.name}{size}"), pages=size, seed=options.seed
    )
    variant = Variant(FULL, tuple(hooks))
    return corpus, write_config(corpus=corpus, variant=variant, site_dir=corpus.root / "site")


def _build_variant(corpus: Corpus, variant: Variant, site: Path | None = None) -> Run:
    site = site or corpus.root / f"site-{variant.slug}"
    shutil.rmtree(site, ignore_errors=True)
    return build(write_config(corpus=corpus, variant=variant, site_dir=site))
