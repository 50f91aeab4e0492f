"""The operator's details that the legal pages need (Impressum, Kontakt, …).

They are not known to the editorial team: the operator fills them in under
``extra.operator`` in ``mkdocs.yml``. Until then the pages say so openly
and the build warns.
"""

from __future__ import annotations

from collections.abc import Mapping

REQUIRED_FIELDS: dict[str, str] = {
    "name": "Name der betreibenden Stelle",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
    "represented_by": "vertretungsberechtigte Stelle",
    "responsible": "inhaltlich verantwortliche Stelle",
}
"""Fields an Impressum cannot do without (§ 5 DDG, § 18 MStV), with German labels."""


def missing_operator_fields(operator: object) -> list[str]:
    """Names of the required fields that are absent or blank, in a stable order."""
    values: Mapping[object, object] = operator if isinstance(operator, Mapping) else {}
    # YAML reads an unquoted postcode as a number: that still counts as set.
    return [
        field
        for field in REQUIRED_FIELDS
        if not isinstance(values.get(field), str | int) or not str(values.get(field)).strip()
    ]


def describe_missing(missing: list[str]) -> str:
    """One sentence for the build log that names the fields and the fix."""
    labels = ", ".join(f"extra.operator.{field} ({REQUIRED_FIELDS[field]})" for field in missing)
    return (
        f"mkdocs.yml: Betreiberangaben fehlen: {labels} — tragen Sie sie vor der "
        "Veröffentlichung ein; bis dahin zeigen Impressum und Kontakt einen Hinweis."
    )
