"""The portal's settings: ``mkdocs.yml`` and the environment, resolved once, typed, checked.

Every stage and command asks these instead of reading the configuration or
``os.environ`` itself. Values written as MkDocs' ``!ENV [VARIABLE, default]``
are resolved as MkDocs resolves them (the first variable that is set, else
the last item), so that the stages see what the build sees without MkDocs.
The ``extra`` block is checked against ``schemas/settings.schema.json``,
like front matter against its schemas: a wrong type is a finding at its line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from portal.findings import Finding
from portal.site.config import SiteConfig, plain

PDF_VARIABLE = "PORTAL_PDF"
"""``PORTAL_PDF=false`` (or 0, no, nein, off) leaves out the PDF editions (a quicker preview)."""

PREVIEW_VARIABLE = "PORTAL_PREVIEW"
"""Set by `make serve`: the editors' preview, findings shown on the pages."""

SCHEMA_NAME = "settings.schema.json"


@dataclass(frozen=True)
class Settings:
    """What the stages need to know of the configuration, every value resolved."""

    site_name: str
    site_url: str
    edit_uri: str
    repo_url: str
    extra: Mapping[str, Any]
    redirects: Mapping[str, str]
    """mkdocs-redirects' ``redirect_maps``: old page → new page (German sources)."""
    custom_dir: str | None
    """The theme's folder of overrides (the portal's templates), relative to the project."""
    exclude_docs: tuple[str, ...] = ()
    not_in_nav: tuple[str, ...] = ()
    environ: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def require_operator(self) -> bool:
        """A release build: missing operator details and the public address fail it."""
        return is_true(self.extra.get("require_operator"))

    @property
    def fail_on_overdue_review(self) -> bool:
        # mkdocs.yml reads PORTAL_FAIL_ON_OVERDUE_REVIEW itself (`!ENV`).
        return is_true(self.extra.get("fail_on_overdue_review"))

    @property
    def operator(self) -> Mapping[str, Any]:
        value = self.extra.get("operator")
        return value if isinstance(value, Mapping) else {}

    @property
    def pdf(self) -> bool:
        """Whether the PDF editions are built (all builds but a quick preview)."""
        value = self.environ.get(PDF_VARIABLE, "true").strip().lower()
        return value not in {"0", "false", "no", "nein", "off"}


def is_true(value: Any) -> bool:
    """A switch: `!ENV` hands over strings, YAML hands over booleans."""
    return value is True or str(value).strip().lower() in {"1", "true", "yes", "ja"}


def read_settings(
    config: SiteConfig, *, environ: Mapping[str, str] | None = None
) -> tuple[Settings, list[Finding]]:
    """The settings of `config`, with the findings of the schema check of ``extra``."""
    env = dict(os.environ if environ is None else environ)
    values = _values(config, env)
    extra = _mapping(values.get("extra"))
    theme = _mapping(values.get("theme"))
    settings = Settings(
        site_name=_text(values.get("site_name")),
        site_url=_text(values.get("site_url")),
        edit_uri=_edit_uri(_text(values.get("edit_uri"))),
        repo_url=_text(values.get("repo_url")),
        extra=extra,
        redirects=_redirect_maps(values.get("plugins")),
        custom_dir=_text(theme.get("custom_dir")) or None,
        exclude_docs=tuple(config.patterns("exclude_docs")),
        not_in_nav=tuple(config.patterns("not_in_nav")),
        environ=env,
    )
    return settings, _schema_findings(extra, config=config)


def resolved(node: yaml.Node | None, environ: Mapping[str, str]) -> Any:
    """A composed node as data, typed as YAML types it, ``!ENV`` resolved as MkDocs does."""
    if node is None:
        return None
    if node.tag == "!ENV":
        names = plain(node)
        items = names if isinstance(names, list) else [names]
        default = _typed(items[-1]) if len(items) > 1 else None
        for name in items[:-1] if len(items) > 1 else items:
            if str(name) in environ:
                return _typed(environ[str(name)])
        return default
    if isinstance(node, yaml.MappingNode):
        return {str(plain(key)): resolved(value, environ) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [resolved(item, environ) for item in node.value]
    if isinstance(node, yaml.ScalarNode) and node.tag in _PLAIN_TAGS:
        return yaml.SafeLoader("").construct_object(node)
    return plain(node)


# The scalars YAML types by itself; MkDocs' own tags (!!python/name, …) stay text.
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")
}


# Helper functions


def _values(config: SiteConfig, environ: Mapping[str, str]) -> dict[str, Any]:
    # As MkDocs merges an inherited file: mappings key by key, all else replaced.
    values = _values(config.parent, environ) if config.parent is not None else {}
    own = config.nodes if config.parent is None else _own_nodes(config)
    for key, node in own.items():
        values[key] = _merged(values.get(key), resolved(node, environ))
    return values


def _own_nodes(config: SiteConfig) -> dict[str, yaml.Node]:
    return {key: node for key, node in config.nodes.items() if config.sources[key] == config.path}


def _merged(parent: Any, child: Any) -> Any:
    if isinstance(parent, dict) and isinstance(child, dict):
        merged = dict(parent)
        for key, value in child.items():
            merged[key] = _merged(merged.get(key), value)
        return merged
    return child


def _typed(text: Any) -> Any:
    # An environment variable's value is read as a YAML scalar (pyyaml-env-tag).
    if not isinstance(text, str):
        return text
    tag = yaml.resolver.Resolver().resolve(  # type: ignore[no-untyped-call]
        yaml.ScalarNode, text, (True, False)
    )
    return yaml.SafeLoader("").construct_object(yaml.ScalarNode(tag, text))


def _edit_uri(value: str) -> str:
    # MkDocs ends the address with a slash before anyone reads it.
    return value if not value or value.endswith("/") else value + "/"


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _redirect_maps(plugins: Any) -> dict[str, str]:
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("redirects"), dict):
            maps = plugin["redirects"].get("redirect_maps")
            if isinstance(maps, dict):
                return {str(old): str(new) for old, new in maps.items()}
    return {}


@cache
def _validator() -> Draft202012Validator:
    text = (Path(__file__).resolve().parent.parent / "schemas" / SCHEMA_NAME).read_text(
        encoding="utf-8"
    )
    return Draft202012Validator(json.loads(text))


def _schema_findings(extra: Mapping[str, Any], *, config: SiteConfig) -> list[Finding]:
    shown = config.shown("extra", config.path.parent)
    findings = []
    for error in sorted(_validator().iter_errors(dict(extra)), key=lambda e: list(e.path)):
        keys = [str(part) for part in error.path]
        where = "extra." + ".".join(keys) if keys else "extra"
        line = config.line_of("extra", *keys) or config.line_of("extra")
        expected = error.schema.get("description") or "ein Text"
        findings.append(
            Finding(
                shown,
                line,
                f"{where} hat einen ungültigen Wert ({error.instance!r})",
                f"tragen Sie {expected} ein.",
            )
        )
    return findings
