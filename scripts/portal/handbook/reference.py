"""The front matter reference of the Redaktionshandbuch, written from the JSON Schemas.

One section per page type: the schema's title and description, then a table
of its fields (required or optional, meaning, allowed values or form). The
Material fields every type allows (``hide``, ``template``, …) are named once
at the end instead of in every table.
"""

from __future__ import annotations

from typing import Any

from portal.metadata.schemas import TYPES, raw_schemas, resolve

MATERIAL_FIELDS = ("hide", "template", "search", "icon", "subtitle")
"""Fields of the theme, allowed on every page, rarely needed by editors."""


def reference_markdown() -> str:
    """Markdown: one section per page type with a table of its fields."""
    schemas = raw_schemas()
    lines: list[str] = []
    for page_type in TYPES:
        schema = schemas[f"{page_type}.schema.json"]
        required = set(schema.get("required", []))
        lines += [
            f"## `type: {page_type}` – {schema.get('title', page_type)}",
            "",
            _sentence(schema.get("description", "")),
            "",
            "| Feld | Pflicht | Bedeutung | Werte |",
            "| --- | --- | --- | --- |",
        ]
        for name, fragment in schema.get("properties", {}).items():
            if name in MATERIAL_FIELDS:
                continue
            lines.append(_row(name, fragment, required=name in required))
            target = resolve(fragment)
            if target.get("type") == "object":
                inner_required = set(target.get("required", []))
                for inner, inner_fragment in target.get("properties", {}).items():
                    lines.append(
                        _row(f"{name}.{inner}", inner_fragment, required=inner in inner_required)
                    )
        lines.append("")
    lines += [
        "## Felder des Themes",
        "",
        "Jede Seite darf außerdem "
        + ", ".join(f"`{name}`" for name in MATERIAL_FIELDS)
        + " tragen (Einstellungen von Material for MkDocs, z. B. `hide: [toc]`); "
        "die Redaktion braucht sie selten.",
        "",
    ]
    return "\n".join(lines)


def _row(name: str, fragment: dict[str, Any], *, required: bool) -> str:
    target = resolve(fragment)
    title = fragment.get("title") or target.get("title") or ""
    if name == "type":
        title = "Seitentyp – bestimmt die weiteren Felder und muss zum Ordner passen"
    description = fragment.get("description") or target.get("description") or ""
    meaning = " – ".join(part for part in (title, description) if part)
    cells = [f"`{name}`", "ja" if required else "nein", _cell(meaning), _cell(_values(target))]
    return "| " + " | ".join(cells) + " |"


def _values(schema: dict[str, Any]) -> str:
    """The allowed values or the form of a field, in words."""
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return ", ".join(_literal(value) for value in schema["enum"])
    if schema.get("type") == "object":
        fields = ", ".join(f"`{key}`" for key in schema.get("properties", {}))
        return f"Block mit {fields}" if fields else "Block"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " oder ".join(_values(resolve(option)) for option in schema[key])
    kind = schema.get("type")
    if kind == "array":
        items = schema.get("items")
        inner = _values(resolve(items)) if isinstance(items, dict) else ""
        minimum = " (mindestens ein Eintrag)" if schema.get("minItems") else ""
        return f"Liste{minimum}" + (f" aus: {inner}" if inner else "")
    if kind == "null":
        return "`null` (unbekannt)"
    if kind == "integer":
        bounds = [schema.get("minimum"), schema.get("maximum")]
        return "ganze Zahl" + (f" von {bounds[0]} bis {bounds[1]}" if None not in bounds else "")
    if kind == "string":
        form = schema.get("format")
        if form == "date":
            return "Datum JJJJ-MM-TT"
        if form == "date-time":
            return "Zeitpunkt wie 2016-07-13T10:00:00+02:00"
        if "pattern" in schema:
            return f"Text der Form `{schema['pattern']}` (setzt ein Befehl)"
        limit = schema.get("maxLength")
        return "Text" + (f" (höchstens {limit} Zeichen)" if limit else "")
    return "beliebig"


def _literal(value: object) -> str:
    return "`null`" if value is None else f"„{value}“"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else text + "."
