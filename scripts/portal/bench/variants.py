"""The builds the benchmark compares, each one a mkdocs.yml that INHERITs the portal's.

- ``ohne Hooks``: Material, i18n and search as configured, no project hook (a);
- ``Portal``: every hook mkdocs.yml lists (b);
- one variant per hook, alone on top of (a) (c);
- ``htmlproofer``: (a) plus mkdocs-htmlproofer-plugin, offline, as the yardstick
  for the link guard.

Like tests/sitebuilder.py, a variant replaces the paths (hooks, custom_dir,
docs_dir) with absolute ones and brings its own nav; everything else is the
portal's configuration.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portal.bench.corpus import Corpus
from portal.bench.project import MKDOCS_YML, PROJECT_ROOT, portal_hooks, portal_plugins

BASE = "ohne Hooks"
FULL = "Portal"
HTMLPROOFER = "htmlproofer"

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
    """(a), (b), each hook alone, and htmlproofer, for the hooks mkdocs.yml lists now."""
    hooks = portal_hooks() if hooks is None else hooks
    return [
        Variant(BASE, ()),
        Variant(FULL, tuple(hooks)),
        *(Variant(f"nur {hook.stem}", (hook,)) for hook in hooks),
        htmlproofer_variant(),
    ]


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
    }
    if variant.extra_plugins:
        # INHERIT replaces lists: repeat the portal's plugins, then add ours.
        config["plugins"] = [*portal_plugins(), *variant.extra_plugins]
    path = corpus.root / f"mkdocs-{variant.slug}.yml"
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    path.write_text(f"INHERIT: {MKDOCS_YML}\n{body}", encoding="utf-8")
    return path
