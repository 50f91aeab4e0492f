"""Benchmark of the portal's guards (``make bench``): what each hook costs.

Builds a seeded synthetic bilingual corpus at each size, times MkDocs without
the project's hooks, with all of them, with each alone and with
mkdocs-htmlproofer-plugin, then the link guard's plain function, the rebuild
under ``mkdocs serve`` and a cProfile of the full build. Prints a Markdown
report and writes it to ``benchmark-results.md`` (or ``--output``).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from portal.bench.project import PROJECT_ROOT
from portal.bench.report import render
from portal.bench.suite import Options, run_suite


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"keine Liste ganzer Zahlen: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("Größen müssen positive ganze Zahlen sein")
    return sizes


def _optional_size(text: str) -> int | None:
    return None if text in {"0", "aus", "off"} else int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="benchmark.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=(100, 1000, 5000),
        help="Seitenzahlen (deutsch), Komma-getrennt (Vorgabe 100,1000,5000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="Läufe je Messung, Median (3)")
    parser.add_argument("--seed", type=int, default=2015, help="Seed des Korpus (2015)")
    parser.add_argument(
        "--output",
        type=Path,
        default=PROJECT_ROOT / "benchmark-results.md",
        help="Datei für die Ergebnisse (benchmark-results.md)",
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="Arbeitsordner für Korpora und Sites (Vorgabe: temporär)",
    )
    parser.add_argument(
        "--variants",
        default="",
        help="nur diese Varianten, Komma-getrennt (z. B. 'ohne Hooks,Portal')",
    )
    parser.add_argument(
        "--serve-size",
        type=_optional_size,
        default=1000,
        help="Seiten für die mkdocs-serve-Messung, 0 = aus (1000)",
    )
    parser.add_argument(
        "--profile-size",
        type=_optional_size,
        default=1000,
        help="Seiten für das cProfile des vollen Builds, 0 = aus (1000)",
    )
    parser.add_argument(
        "--timer-size",
        type=_optional_size,
        default=1000,
        help="Seiten für die Builds mit Zeitnehmer um jeden Event-Handler, 0 = aus (1000)",
    )
    parser.add_argument(
        "--findings-size",
        type=_optional_size,
        default=100,
        help="Seiten für den Befund-Vergleich mit kaputten Links, 0 = aus (100)",
    )
    parser.add_argument(
        "--link-check",
        default=None,
        metavar="MODUL:FUNKTION",
        help="Funktion des Link-Wächters, falls nicht unter üblichem Namen",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    options = Options(
        sizes=args.sizes,
        repeat=max(args.repeat, 1),
        seed=args.seed,
        workdir=args.workdir,
        serve_size=args.serve_size,
        profile_size=args.profile_size,
        timer_size=args.timer_size,
        findings_size=args.findings_size,
        variants=tuple(name.strip() for name in args.variants.split(",") if name.strip()),
        link_check=args.link_check,
    )

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        results = run_suite(options, workdir=args.workdir, say=say)
    else:
        with tempfile.TemporaryDirectory(prefix="portal-bench-") as workdir:
            results = run_suite(options, workdir=Path(workdir), say=say)
    report = render(results)
    print(report)
    args.output.write_text(report, encoding="utf-8")
    say(f"Ergebnisse geschrieben: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
