"""Check one page's front matter against the schema of its type, in German.

jsonschema's own messages are English and name Python values; every error is
translated here into a `Finding` at the line of the offending key.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema.exceptions import ValidationError

from portal.findings import Finding
from portal.metadata import messages
from portal.metadata.parse import FrontMatter, Location, to_json
from portal.metadata.schemas import allowed_values, quick_check, resolve, validator


def validate(front_matter: FrontMatter, *, page_type: str) -> list[Finding]:
    """Findings of the type schema for one page; [] when it fits."""
    assert front_matter.data is not None
    instance = to_json(front_matter.data)
    if quick_check(page_type)(instance):
        return []
    findings: set[Finding] = set()
    for error in validator(page_type).iter_errors(instance):
        findings.update(_translate(error, front_matter))
    return sorted(findings)


def _translate(error: ValidationError, front_matter: FrontMatter) -> Iterator[Finding]:
    path = front_matter.source.path
    location: Location = tuple(error.absolute_path)
    line = front_matter.line_of(location)
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    value: Any = error.instance
    rule: Any = error.validator_value
    if kind == "required":
        assert isinstance(value, dict)
        properties = schema.get("properties", {})
        for name in rule:
            if name not in value:
                hint = _hint(properties.get(name, {}))
                yield messages.missing_field(path, line=line, location=(*location, name), hint=hint)
    elif kind == "additionalProperties":
        assert isinstance(value, dict)
        allowed = list(schema.get("properties", {}))
        for name in value:
            if name not in allowed:
                key: Location = (*location, name)
                yield messages.unknown_field(
                    path, line=front_matter.line_of(key), location=key, allowed=allowed
                )
    elif kind == "type":
        expected = rule
        names = [expected] if isinstance(expected, str) else list(expected)
        yield messages.wrong_type(path, line=line, location=location, expected=names, value=value)
    elif kind in {"enum", "const"}:
        allowed = list(rule) if kind == "enum" else [rule]
        yield messages.not_in_list(path, line=line, location=location, value=value, allowed=allowed)
    elif kind == "format":
        yield messages.not_a_date(
            path,
            line=line,
            location=location,
            value=value,
            with_time=rule == "date-time",
        )
    elif kind in {"minimum", "maximum"}:
        yield messages.out_of_range(
            path,
            line=line,
            location=location,
            value=value,
            minimum=schema.get("minimum"),
            maximum=schema.get("maximum"),
        )
    elif kind == "minItems":
        allowed = allowed_values(schema)
        yield messages.empty_list(path, line=line, location=location, allowed=allowed)
    elif kind == "uniqueItems":
        yield messages.repeated_value(path, line=line, location=location)
    elif kind == "minLength":
        yield messages.empty_text(path, line=line, location=location)
    elif kind == "maxLength":
        yield messages.too_long(
            path, line=line, location=location, maximum=int(schema["maxLength"])
        )
    elif kind == "oneOf" and location == ("review",) and isinstance(value, dict):
        # The one `oneOf` of the schemas: next review by interval or by date.
        both = "interval_months" in value and "due" in value
        line = front_matter.line_of(("review", "due")) if both else line
        yield messages.review_interval_choice(path, line=line, both=both)
    elif kind == "anyOf" and _is_date_choice(schema):
        yield messages.not_a_date(path, line=line, location=location, value=value, with_time=True)
    elif kind in {"anyOf", "pattern"} and location[-1:] == ("registration",):
        yield messages.registration_address(path, line=line, value=value)
    elif kind in {"anyOf", "oneOf", "pattern"}:
        yield messages.wrong_form(
            path, line=line, location=location, value=value, hint=_hint(schema)
        )
    else:
        yield messages.generic(path, line=line, location=location, value=value)


def _is_date_choice(schema: dict[str, Any]) -> bool:
    # A date that may also stay empty (`start: null` of an event without a
    # date yet) is still a date choice: the message names the date format.
    options = [
        option
        for option in (resolve(option) for option in schema.get("anyOf", []))
        if option.get("type") != "null"
    ]
    return bool(options) and all(
        option.get("format") in {"date", "date-time"} or _is_date_choice(option)
        for option in options
    )


def _hint(fragment: dict[str, Any]) -> str:
    """What goes into a field, in a few words, for the fix of a message."""
    target = resolve(fragment)
    values = allowed_values(target)
    if values:
        return "erlaubt: " + messages.listing(values)
    if target.get("format") == "date":
        return "Datum als JJJJ-MM-TT"
    if _is_date_choice(target):
        return "Datum als JJJJ-MM-TT oder 2016-07-13T10:00:00+02:00"
    description = fragment.get("description") or target.get("description")
    if isinstance(description, str):
        return description.rstrip(".")
    title = fragment.get("title") or target.get("title")
    return str(title) if title else "siehe Schema in scripts/portal/schemas/"
