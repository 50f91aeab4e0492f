"""The operator's details that the legal pages need (Impressum, Datenschutz, …).

They are not known to the editorial team: the operator fills them in under
``extra.operator`` in ``mkdocs.yml``. Until then the pages say so openly
and the build warns.
"""

from __future__ import annotations

from collections.abc import Mapping

from portal.findings import Finding

ADDRESS_FIELDS: dict[str, str] = {
    "name": "Name der betreibenden Stelle",
    "street": "Straße und Hausnummer",
    "postcode": "Postleitzahl",
    "city": "Ort",
    "email": "E-Mail-Adresse",
    "represented_by": "vertretungsberechtigte Stelle",
    "responsible": "inhaltlich verantwortliche Stelle",
}
"""Fields an Impressum cannot do without (§ 5 DDG, § 18 MStV), with German labels."""

REQUIRED_FIELDS: dict[str, str] = {
    **ADDRESS_FIELDS,
    # Art. 13 Abs. 1 lit. b and Abs. 2 lit. a DSGVO; the feedback contact of
    # the accessibility statement (§ 14 LBGG M-V).
    "data_protection_officer": "Kontakt der*des behördlichen Datenschutzbeauftragten",
    "log_retention_days": "Speicherdauer der Server-Protokolle in Tagen",
    "accessibility_contact": "Kontakt für Meldungen zu Barrieren",
}
"""Every field the legal pages need, in the order the warning names them."""

PARTS: dict[str, tuple[str, ...]] = {
    "": tuple(ADDRESS_FIELDS),
    "data-protection-officer": ("data_protection_officer",),
    "log-retention": ("log_retention_days",),
    "accessibility-contact": ("accessibility_contact",),
}
"""The blocks a legal page can ask for (``<!-- portal:operator:part -->``) and their fields."""


def missing_operator_fields(operator: object, *, fields: tuple[str, ...] = ()) -> list[str]:
    """Names of the required `fields` (default: all) that are absent or blank, in order."""
    values: Mapping[object, object] = operator if isinstance(operator, Mapping) else {}
    return [field for field in fields or tuple(REQUIRED_FIELDS) if not _is_set(field, values)]


def _is_set(field: str, values: Mapping[object, object]) -> bool:
    value = values.get(field)
    if field == "log_retention_days":
        # A number of days, shown in both languages; 0 means no access logs.
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    # YAML reads an unquoted postcode as a number: that still counts as set.
    return isinstance(value, str | int) and not isinstance(value, bool) and bool(str(value).strip())


def missing_finding(missing: list[str], *, path: str, line: int) -> Finding:
    """One finding for the build log that names the fields and the fix."""
    labels = ", ".join(f"extra.operator.{field} ({REQUIRED_FIELDS[field]})" for field in missing)
    return Finding(
        path,
        line,
        f"Betreiberangaben fehlen: {labels}",
        "tragen Sie sie vor der Veröffentlichung ein; bis dahin zeigen Impressum, "
        "Datenschutz, Barrierefreiheit und Kontakt einen Hinweis.",
    )
