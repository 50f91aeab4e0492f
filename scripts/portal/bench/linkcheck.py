"""The link guard against mkdocs-htmlproofer-plugin: time and findings.

The link guard's core is a plain function over a built site directory in
``portal.links``. The benchmark finds it at run time (``LINK_CHECK_CANDIDATES``
or ``--link-check module:function``), so it measures whatever the guard's
author named it; without one it falls back to (link-guard build) − (a).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portal.bench.corpus import BrokenLink, Corpus

LINK_PACKAGE = "portal.links"
LINK_CHECK_CANDIDATES = (
    "check_site",
    "check_site_dir",
    "check_built_site",
    "check_site_links",
    "check_links",
    "check",
)
"""Function names tried in ``portal.links`` and its modules, in this order."""


@dataclass(frozen=True)
class LinkCheck:
    name: str
    """``module:function``, for the report."""
    call: Callable[[Path, Path], object]
    """Runs the check over (site directory, docs directory); the project is docs' parent."""


def find_link_check(spec: str | None = None) -> LinkCheck | None:
    """The link guard's plain function, or None while there is none to call."""
    functions: list[tuple[str, Callable[..., Any]]] = []
    if spec:
        module_name, _, function_name = spec.partition(":")
        module = importlib.import_module(module_name)
        functions.append((spec, getattr(module, function_name)))
    else:
        try:
            package = importlib.import_module(LINK_PACKAGE)
        except ImportError:
            return None
        modules = [package]
        for info in pkgutil.iter_modules(getattr(package, "__path__", [])):
            modules.append(importlib.import_module(f"{LINK_PACKAGE}.{info.name}"))
        for name in LINK_CHECK_CANDIDATES:
            for module in modules:
                candidate = getattr(module, name, None)
                if inspect.isfunction(candidate):
                    functions.append((f"{module.__name__}:{name}", candidate))
    for name, function in functions:
        call = _adapt(function)
        if call is not None:
            return LinkCheck(name, call)
    return None


def time_link_check(check: LinkCheck, *, site_dir: Path, docs_dir: Path, repeat: int) -> float:
    """Median seconds of the plain function over a built site."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        check.call(site_dir, docs_dir)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def finding_lines(result: object) -> list[str]:
    """The function's findings as text, whatever collection it returns."""
    if result is None or isinstance(result, str | bytes):
        return [] if result is None else [str(result)]
    if isinstance(result, dict):
        result = list(result.values())
    if isinstance(result, Iterable):
        lines: list[str] = []
        for item in result:
            lines += finding_lines(item) if isinstance(item, list | tuple | set) else [str(item)]
        return lines
    return [str(result)]


@dataclass(frozen=True)
class FindingsRow:
    link: BrokenLink
    found: dict[str, bool]
    """Checker name → whether any of its messages names this link."""


def compare_findings(corpus: Corpus, messages: dict[str, list[str]]) -> list[FindingsRow]:
    """Which checker reported which planted link (by the link's unique token)."""
    return [
        FindingsRow(
            link,
            {name: any(link.token in line for line in lines) for name, lines in messages.items()},
        )
        for link in corpus.broken_links
    ]


def htmlproofer_messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if "htmlproofer: invalid url" in line]


def new_warnings(log: str, *, baseline: str) -> list[str]:
    """Warnings of a build that the build without hooks did not print."""
    seen = {line for line in baseline.splitlines() if line.startswith("WARNING")}
    return [line for line in log.splitlines() if line.startswith("WARNING") and line not in seen]


# Helper functions


def _adapt(function: Callable[..., Any]) -> Callable[[Path, Path], object] | None:
    """Call `function` with the site directory and, if it asks, the docs directory."""
    parameters = inspect.signature(function).parameters.values()
    positional: list[str] = []
    keywords: dict[str, str] = {}
    for parameter in parameters:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        role = _role(parameter.name)
        if parameter.default is not parameter.empty and role is None:
            continue
        if role is None:
            return None
        if parameter.kind == parameter.KEYWORD_ONLY:
            keywords[parameter.name] = role
        else:
            positional.append(role)

    def call(site_dir: Path, docs_dir: Path) -> object:
        values = {"site": site_dir, "docs": docs_dir, "project": docs_dir.parent}
        return function(
            *(values[role] for role in positional),
            **{name: values[role] for name, role in keywords.items()},
        )

    return call if "site" in positional or "site" in keywords.values() else None


def _role(name: str) -> str | None:
    if name in {"project_root", "project"}:
        return "project"
    if "site" in name or name in {"root", "directory", "path", "output"}:
        return "site"
    if "docs" in name or "source" in name:
        return "docs"
    return None
