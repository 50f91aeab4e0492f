"""The JSON Schema files of scripts/portal/schemas/, loaded and compiled once per process."""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from portal.findings import ConfigurationError

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"
"""One ``<type>.schema.json`` per page type, ``definitions.schema.json`` for the vocabularies."""

TYPES: tuple[str, ...] = (
    "page",
    "guide",
    "event",
    "training",
    "newsletter",
    "publication",
    "project",
)

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# RFC 3339 as the portal uses it: seconds optional, the offset required, so
# that a time means the same in the calendar export and on the page.
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)")

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date")
def is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if _DATE.fullmatch(value) is None:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


@FORMATS.checks("date-time")
def is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if _DATE_TIME.fullmatch(value) is None:
        return False
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


@functools.cache
def raw_schemas() -> dict[str, dict[str, Any]]:
    """Every schema file by name; a broken file stops the build with one sentence."""
    schemas: dict[str, dict[str, Any]] = {}
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        try:
            schemas[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ConfigurationError(f"{path}: Schema nicht lesbar ({error}).") from error
    return schemas


@functools.cache
def registry() -> Registry[Any]:
    # The files refer to each other by file name ("definitions.schema.json#…"),
    # as editors resolve them next to each other on disk.
    return Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT7))
        for name, schema in raw_schemas().items()
    )


@functools.cache
def validator(page_type: str) -> Draft7Validator:
    """The compiled validator of one page type, built on first use and kept."""
    name = f"{page_type}.schema.json"
    schema = raw_schemas().get(name)
    if schema is None:
        raise ConfigurationError(
            f"{SCHEMA_DIR / name}: Schema für den Seitentyp „{page_type}“ fehlt."
        )
    try:
        Draft7Validator.check_schema(schema)
    except SchemaError as error:
        raise ConfigurationError(
            f"{SCHEMA_DIR / name}: Schema ungültig ({error.message})."
        ) from error
    # References are resolved once here, not at every page: the compiled
    # schema is self-contained, which halves the time per page.
    return Draft7Validator(inline(schema), registry=registry(), format_checker=FORMATS)


@functools.cache
def quick_check(page_type: str) -> Callable[[Any], bool]:
    """A yes/no check of one page type's schema, compiled to Python code.

    fastjsonschema answers in a tenth of jsonschema's time but with English
    messages only; pages it passes need nothing more, the others go through
    :func:`validator` for messages in German at the right line.
    """
    compiled = fastjsonschema.compile(
        inline(raw_schemas()[f"{page_type}.schema.json"]),
        formats={"date": is_date, "date-time": is_date_time},
    )

    def passes(instance: Any) -> bool:
        try:
            compiled(instance)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return passes


def inline(fragment: Any) -> Any:
    """`fragment` with every `$ref` replaced by its target (annotations beside it kept)."""
    if isinstance(fragment, list):
        return [inline(item) for item in fragment]
    if not isinstance(fragment, dict):
        return fragment
    if "$ref" in fragment:
        target = inline(resolve({"$ref": fragment["$ref"]}))
        siblings = {key: value for key, value in fragment.items() if key != "$ref"}
        return {**target, **siblings}
    return {key: inline(value) for key, value in fragment.items()}


def resolve(fragment: dict[str, Any]) -> dict[str, Any]:
    """Follow `$ref`s (within the schema files) until a schema with content is reached."""
    seen = 0
    while "$ref" in fragment and seen < 10:
        fragment = dict(registry().resolver().lookup(_absolute(fragment["$ref"])).contents)
        seen += 1
    return fragment


def _absolute(ref: str) -> str:
    # Refs inside definitions.schema.json are local ("#/definitions/date").
    return f"definitions.schema.json{ref}" if ref.startswith("#") else ref


def allowed_values(fragment: dict[str, Any]) -> list[Any]:
    """The enum of a field, also through `$ref` and list items; [] if free."""
    target = resolve(fragment)
    if "enum" in target:
        return list(target["enum"])
    items = target.get("items")
    if isinstance(items, dict):
        return allowed_values(items)
    return []


def common_vocabulary(name: str) -> list[str]:
    """An enum of definitions.schema.json, e.g. ``audienceValue`` or ``owner``."""
    definition = raw_schemas()["definitions.schema.json"]["definitions"][name]
    return [str(value) for value in definition["enum"]]
