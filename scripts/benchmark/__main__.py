"""``python -m benchmark``: run the measurements, print the answers, write results.md."""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from benchmark.harness import Answer, Context, Measurement
from benchmark.portal_config import PROJECT_ROOT
from benchmark.registry import MEASUREMENTS

RESULTS = Path(__file__).with_name("results.md")
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")


def build_parser() -> argparse.ArgumentParser:
    names = ", ".join(m.name for m in MEASUREMENTS)
    parser = argparse.ArgumentParser(prog="python -m benchmark", description=__doc__)
    parser.add_argument("--only", default="", help=f"nur diese Messungen, Komma-getrennt ({names})")
    parser.add_argument("--pages", type=int, default=1000, help="Seiten (deutsch), Vorgabe 1000")
    parser.add_argument(
        "--sizes",
        type=lambda text: tuple(int(part) for part in text.split(",")),
        default=(100, 1000),
        help="Seitenzahlen für das Wachstum, Vorgabe 100,1000 (auf Wunsch 100,1000,5000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="Builds je Messung (Median), 3")
    parser.add_argument("--seed", type=int, default=2015, help="Seed des Korpus, 2015")
    parser.add_argument("--output", type=Path, default=RESULTS, help="Ergebnisdatei")
    parser.add_argument(
        "--workdir", type=Path, help="Ordner für Korpora und Sites (Vorgabe: temporär)"
    )
    return parser


def selected(only: str) -> list[Measurement]:
    names = {name.strip() for name in only.split(",") if name.strip()}
    unknown = names - {m.name for m in MEASUREMENTS}
    if unknown:
        raise SystemExit(f"unbekannte Messung: {', '.join(sorted(unknown))}")
    return [m for m in MEASUREMENTS if m.name in names or (not names and m.default)]


def run(
    measurements: list[Measurement], context: Context
) -> list[tuple[Measurement, Answer | str]]:
    """Each measurement's answer, or why it failed (the others still run)."""
    answers: list[tuple[Measurement, Answer | str]] = []
    for measurement in measurements:
        context.say(f"{measurement.question}")
        try:
            answer: Answer | str = measurement.measure(context)
        except RuntimeError as error:
            answer = f"gescheitert: {error}"
        context.say(f"  → {answer.summary if isinstance(answer, Answer) else answer}")
        answers.append((measurement, answer))
    return answers


def render(
    answers: list[tuple[Measurement, Answer | str]], *, context: Context, minutes: float
) -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in PACKAGES)
    lines = [
        "# Benchmark-Ergebnisse",
        "",
        f"Gemessen {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Stand `{_commit()}`, "
        f"Dauer {minutes:.1f} min; Seed {context.seed}, {context.repeat} Läufe je Messung. "
        f"{_cpu_model()}, {os.cpu_count()} Kerne, Python {platform.python_version()}, {versions}; "
        "Last beim Start (1/5/15 min) "
        + " / ".join(f"{load:.2f}" for load in os.getloadavg())
        + ". Erzeugt mit `make bench`; siehe README.md in diesem Ordner.",
        "",
    ]
    for measurement, answer in answers:
        summary = answer.summary if isinstance(answer, Answer) else answer.splitlines()[0]
        lines.append(f"- **{measurement.question}** {summary}.")
    for measurement, answer in answers:
        lines += ["", f"## {measurement.question}", ""]
        if isinstance(answer, Answer):
            lines += [f"{answer.summary}.", "", *answer.details]
        else:
            lines += ["```text", answer, "```"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    measurements = selected(args.only)
    started = time.perf_counter()

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="portal-bench-") as temporary:
        context = Context(
            workdir=args.workdir or Path(temporary),
            pages=args.pages,
            sizes=args.sizes,
            repeat=max(args.repeat, 1),
            seed=args.seed,
            say=say,
        )
        answers = run(measurements, context)
    report = render(answers, context=context, minutes=(time.perf_counter() - started) / 60)
    print(report)
    args.output.write_text(report, encoding="utf-8")
    say(f"Ergebnisse geschrieben: {args.output}")
    return 0 if all(isinstance(answer, Answer) for _, answer in answers) else 1


def _commit() -> str:
    result = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or "unbekannt"


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    for line in cpuinfo.read_text(encoding="utf-8").splitlines() if cpuinfo.is_file() else ():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "CPU unbekannt"


if __name__ == "__main__":
    sys.exit(main())
