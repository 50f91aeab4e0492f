"""The builds the benchmark compares, each one a mkdocs.yml that INHERITs the portal's.

- ``ohne Hooks``: Material, i18n and search as configured, no project hook (a);
- ``Portal``: every hook mkdocs.yml lists (b);
- ``Portal ohne Prüfungen``: (b) without the guards, so that (b) against it is
  what the guards together cost;
- one variant per guard, alone on top of (a) (c);
- ``htmlproofer``: (a) plus mkdocs-htmlproofer-plugin, offline, as the yardstick
  for the link guard.

Like tests/sitebuilder.py, a variant replaces the paths (hooks, custom_dir,
docs_dir) with absolute ones and brings its own nav; everything else is the
portal's configuration.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portal.bench.corpus import Corpus
from portal.bench.project import (
    MKDOCS_YML,
    PROJECT_ROOT,
    portal_config,
    portal_hooks,
    portal_plugins,
)

BASE = "ohne Hooks"
FULL = "Portal"
WITHOUT_GUARDS = "Portal ohne Prüfungen"
HTMLPROOFER = "htmlproofer"

GUARD_STEMS = ("metadata", "links")
"""The hooks that check the sources and the built site (hooks/metadata.py,
hooks/links.py). The other hooks build parts of the site readers see (legal
details, glossary tooltips, search per language, sections of archive pages)
and are part of the portal with or without the checks."""

HTMLPROOFER_CONFIG: dict[str, Any] = {
    # Offline: no request leaves the machine. Every broken link is logged, and
    # the build is not ended for them: with `raise_error_after_finish` it fails
    # in on_post_build of the German build, before mkdocs-static-i18n builds
    # English, and htmlproofer would be timed on half the work.
    "validate_external_urls": False,
    "raise_error": False,
    "raise_error_after_finish": False,
}


@dataclass(frozen=True)
class Variant:
    name: str
    hooks: tuple[Path, ...]
    extra_plugins: tuple[dict[str, Any], ...] = ()

    @property
    def slug(self) -> str:
        return "".join(char if char.isalnum() else "-" for char in self.name.lower())


def standard_variants(*, hooks: list[Path] | None = None) -> list[Variant]:
    """(a), (b), (b) without the guards, each guard alone, and htmlproofer.

    The hooks are those mkdocs.yml lists now.
    """
    hooks = portal_hooks() if hooks is None else hooks
    guards = [hook for hook in hooks if is_guard(hook)]
    return [
        Variant(BASE, ()),
        Variant(FULL, tuple(hooks)),
        Variant(WITHOUT_GUARDS, tuple(hook for hook in hooks if not is_guard(hook))),
        *(Variant(f"nur {hook.stem}", (hook,)) for hook in guards),
        htmlproofer_variant(),
    ]


def is_guard(hook: Path) -> bool:
    return hook.stem in GUARD_STEMS


def guard_origins(hook_stems: Iterable[str]) -> set[str]:
    """The guards among `hook_stems`, named as the handler timer names them (``hooks/links.py``)."""
    return {f"hooks/{stem}.py" for stem in hook_stems if stem in GUARD_STEMS}


def htmlproofer_variant() -> Variant:
    return Variant(HTMLPROOFER, (), ({"htmlproofer": HTMLPROOFER_CONFIG},))


def write_config(*, corpus: Corpus, variant: Variant, site_dir: Path) -> Path:
    """Write the variant's mkdocs.yml next to the corpus; return its path."""
    config: dict[str, Any] = {
        "docs_dir": str(corpus.docs_dir),
        "site_dir": str(site_dir),
        # Not strict: a guard's warnings are counted in the report rather than
        # ending the build, so every variant is measured to its end.
        "strict": False,
        "theme": {"name": "material", "custom_dir": str(PROJECT_ROOT / "overrides")},
        "hooks": [str(hook) for hook in variant.hooks],
        "nav": corpus.nav,
        # INHERIT replaces this string: keep the portal's patterns, add the corpus's.
        "not_in_nav": f"{portal_config().get('not_in_nav') or ''}{corpus.not_in_nav}\n",
    }
    if variant.extra_plugins:
        # INHERIT replaces lists: repeat the portal's plugins, then add ours.
        config["plugins"] = [*portal_plugins(), *variant.extra_plugins]
    path = corpus.root / f"mkdocs-{variant.slug}.yml"
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path.write_text(f"INHERIT: {MKDOCS_YML}\n{body}", encoding="utf-8")
    return path
