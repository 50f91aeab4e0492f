"""``python -m portal links-external``: outside links of the built site, on demand.

The build never goes on the network. This command collects every http(s)
URL of the built site (building it first if asked or if there is none),
checks each once with bounded concurrency, timeouts and retries, keeps good
answers in a JSON cache for a while, writes a report and exits with 1 when
a link is broken. ``mailto:`` and ``tel:`` links are checked for form only.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import subprocess
import sys
import time
from collections.abc import Coroutine, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

from portal.languages import Languages
from portal.links.extract import scan_html
from portal.links.mapping import SourceLocator, infer_pages
from portal.links.resolve import list_site
from portal.project import find_project

T = TypeVar("T")

# Data

USER_AGENT = "hpv-mv-portal-linkcheck/1.0 (+https://www.mkdocs.org)"
BROKEN_STATUS = 400
"""Status codes from here on are broken links; redirects that end well are not."""


@dataclass(frozen=True)
class Result:
    url: str
    status: int | None
    """The final HTTP status, or None if there was no answer."""
    error: str | None
    """Why there was no answer (German), or None."""
    final_url: str | None
    """Where redirects ended, if that differs from the URL."""
    checked: float
    """Unix time of the check."""

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and self.status < BROKEN_STATUS


@dataclass(frozen=True)
class Settings:
    concurrency: int = 8
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5
    """Seconds before the first retry; doubled for each further one."""


# Functions


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "links-external",
        help="externe Links des gebauten Portals prüfen (braucht Netz)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--site-dir", type=Path, default=Path("site"), help="gebautes Portal")
    parser.add_argument("--build", action="store_true", help="das Portal vorher neu bauen")
    parser.add_argument("--docs-dir", type=Path, default=None, help="Quellen (Standard: docs/)")
    parser.add_argument("--cache", type=Path, default=Path(".cache/links.json"))
    parser.add_argument(
        "--max-age", type=float, default=24.0, help="Stunden, die ein gutes Ergebnis gilt"
    )
    parser.add_argument("--report", type=Path, default=Path(".cache/links-report.md"))
    parser.add_argument("--format", choices=["md", "json"], default=None)
    parser.add_argument("--concurrency", type=int, default=Settings.concurrency)
    parser.add_argument("--timeout", type=float, default=Settings.timeout)
    parser.add_argument("--retries", type=int, default=Settings.retries)
    parser.add_argument("--backoff", type=float, default=Settings.backoff)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    site_dir: Path = args.site_dir
    if args.build or not (site_dir / "index.html").is_file():
        print(f"Baue das Portal nach {site_dir} …")
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)], check=False
        )
        if built.returncode != 0:
            print("Der Build ist gescheitert; externe Links wurden nicht geprüft.")
            return 2
    project = find_project(docs_dir=args.docs_dir)
    occurrences = collect_external(site_dir, docs_dir=project.docs_dir, languages=project.languages)
    settings = Settings(args.concurrency, args.timeout, args.retries, args.backoff)
    cache = load_cache(args.cache)
    results = run_coroutine(
        check_urls(sorted(occurrences), settings=settings, cache=cache, max_age=args.max_age * 3600)
    )
    save_cache(args.cache, cache, results)
    report_format = args.format or ("json" if args.report.suffix == ".json" else "md")
    args.report.parent.mkdir(parents=True, exist_ok=True)
    text = (
        render_json(results, occurrences)
        if report_format == "json"
        else render_markdown(results, occurrences)
    )
    args.report.write_text(text, encoding="utf-8")
    broken = [result for result in results if not result.ok]
    print(f"{len(results)} externe Links geprüft, {len(broken)} defekt. Bericht: {args.report}")
    for result in broken:
        for where in occurrences[result.url]:
            print(f"{where}: {result.url} — {describe(result)}")
    return 1 if broken else 0


def collect_external(
    site_dir: Path, *, docs_dir: Path | None = None, languages: Languages
) -> dict[str, list[str]]:
    """Every outside URL of the built site → where it occurs (source path and line)."""
    pages = infer_pages(docs_dir, languages=languages) if docs_dir and docs_dir.is_dir() else {}
    project_root = docs_dir.resolve().parent if docs_dir else Path.cwd()
    locator = SourceLocator(
        project_root=project_root,
        docs_dir=docs_dir or Path("docs"),
        config_file=None,
        template_dirs=(),
    )
    found: dict[str, list[str]] = {}
    for path in sorted(list_site(site_dir)):
        if not path.endswith(".html"):
            continue
        scan = scan_html((site_dir / path).read_bytes())
        for link in scan.links:
            url = link.url.strip()
            if not url.lower().startswith(("http://", "https://", "mailto:", "tel:")):
                continue
            info = pages.get(path)
            where = f"{site_dir.name}/{path}"
            if info is not None and info.src_uri is not None:
                shown, line, _ = locator.in_markdown(info.src_uri, [url])
                where = f"{shown}:{line}" if line else shown
            places = found.setdefault(url.split("#", 1)[0] or url, [])
            if where not in places:
                places.append(where)
    return found


async def check_urls(
    urls: Sequence[str],
    *,
    settings: Settings,
    cache: Mapping[str, Result] | None = None,
    max_age: float = 0.0,
) -> list[Result]:
    """Check every URL once; reuse cached good results younger than `max_age` seconds."""
    now = time.time()
    semaphore = asyncio.Semaphore(max(settings.concurrency, 1))
    timeout = httpx.Timeout(settings.timeout)
    async with httpx.AsyncClient(
        follow_redirects=True, timeout=timeout, headers={"User-Agent": USER_AGENT}
    ) as client:

        async def one(url: str) -> Result:
            cached = (cache or {}).get(url)
            if cached is not None and cached.ok and now - cached.checked < max_age:
                return cached
            if not url.lower().startswith(("http://", "https://")):
                return check_form(url)
            async with semaphore:
                return await fetch(client, url, settings=settings)

        return list(await asyncio.gather(*(one(url) for url in urls)))


async def fetch(client: httpx.AsyncClient, url: str, *, settings: Settings) -> Result:
    """GET `url` (the body is not downloaded); retry answers that may be passing."""
    delay = settings.backoff
    result = Result(url, None, "nicht geprüft", None, time.time())
    for attempt in range(settings.retries + 1):
        try:
            async with client.stream("GET", url) as response:
                final = str(response.url)
                result = Result(
                    url, response.status_code, None, final if final != url else None, time.time()
                )
        except httpx.TimeoutException:
            result = Result(url, None, "keine Antwort (Zeitüberschreitung)", None, time.time())
        except httpx.HTTPError as error:
            result = Result(
                url, None, f"Verbindungsfehler ({type(error).__name__})", None, time.time()
            )
        # Server errors, rate limits and silence may pass; 404 and the like stay.
        passing = result.status is None or result.status >= 500 or result.status == 429
        if result.ok or not passing or attempt == settings.retries:
            break
        await asyncio.sleep(delay)
        delay *= 2
    return result


def check_form(url: str) -> Result:
    """mailto: and tel: links cannot be fetched; their form can be checked."""
    scheme, _, rest = url.partition(":")
    address = rest.split("?", 1)[0]
    if scheme.lower() == "mailto":
        ok = "@" in address and "." in address.rsplit("@", 1)[-1]
    else:
        ok = sum(char.isdigit() for char in address) >= 3
    error = None if ok else "ungültige Adresse"
    return Result(url, None if not ok else 0, error, None, time.time())


def describe(result: Result) -> str:
    if result.error:
        return result.error
    return f"HTTP {result.status}"


def load_cache(path: Path) -> dict[str, Result]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {url: Result(**entry) for url, entry in data.items()}
    except (OSError, ValueError, TypeError):
        # A missing or damaged cache only costs a full check.
        return {}


def save_cache(path: Path, cache: Mapping[str, Result], results: Iterable[Result]) -> None:
    merged = {**cache, **{result.url: result for result in results}}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({url: asdict(result) for url, result in sorted(merged.items())}, indent=2),
        encoding="utf-8",
    )


def render_markdown(results: Sequence[Result], occurrences: Mapping[str, list[str]]) -> str:
    broken = [result for result in results if not result.ok]
    moved = [result for result in results if result.ok and result.final_url]
    lines = [
        "# Externe Links",
        "",
        f"{len(results)} geprüft, {len(broken)} defekt, {len(moved)} weitergeleitet.",
        "",
    ]
    if broken:
        lines += ["## Defekt", "", "| Link | Ergebnis | Fundstellen |", "| --- | --- | --- |"]
        lines += [
            f"| {r.url} | {describe(r)} | {', '.join(occurrences.get(r.url, []))} |" for r in broken
        ]
        lines.append("")
    if moved:
        lines += [
            "## Weitergeleitet (Link aktualisieren)",
            "",
            "| Link | Ziel | Fundstellen |",
            "| --- | --- | --- |",
        ]
        lines += [
            f"| {r.url} | {r.final_url} | {', '.join(occurrences.get(r.url, []))} |" for r in moved
        ]
        lines.append("")
    return "\n".join(lines)


def render_json(results: Sequence[Result], occurrences: Mapping[str, list[str]]) -> str:
    return json.dumps(
        [
            {**asdict(result), "ok": result.ok, "found_in": occurrences.get(result.url, [])}
            for result in results
        ],
        indent=2,
        ensure_ascii=False,
    )


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run`, also from a thread that already runs an event loop.

    Embedding programs (a test session driving Playwright's sync API, an
    editor integration) may have a loop running in this thread, where
    asyncio.run refuses to start a second one: then use a fresh thread.
    """
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
