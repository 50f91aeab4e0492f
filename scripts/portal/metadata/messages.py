"""Every German message of the metadata check, in one place.

Each function returns one `Finding`: what is wrong (no final full stop) and,
after the dash, what the editor does next, so that the texts can be reviewed
and changed together.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import Any

from portal.findings import Finding

# YAML's own explanations are English; the frequent ones get a German line
# (in the wording of libyaml, which parses, and of PyYAML, its fallback).
_JSON_TYPES = {
    "string": "Text",
    "integer": "ganze Zahl",
    "number": "Zahl",
    "array": "Liste",
    "object": "Gruppe von Feldern",
    "boolean": "ja/nein-Wert",
    "null": "leer",
}


def quote(value: object) -> str:
    """A value as the editor wrote it, in German quotation marks."""
    if isinstance(value, bool):
        return "„true“" if value else "„false“"
    if value is None:
        return "„null“"
    if isinstance(value, datetime.date):
        return f"„{value.isoformat()}“"
    return f"„{value}“"


def field_label(location: Sequence[str | int]) -> str:
    """`("dates", 0, "start")` → „dates“ (1. Eintrag, „start“)."""
    if not location:
        return "Kopfdaten"
    head, rest = f"„{location[0]}“", []
    for part in location[1:]:
        rest.append(f"{part + 1}. Eintrag" if isinstance(part, int) else f"„{part}“")
    return f"{head} ({', '.join(rest)})" if rest else head


def json_type_name(value: object) -> str:
    if value is None:
        return "leer"
    if isinstance(value, bool):
        return "ja/nein-Wert"
    if isinstance(value, int):
        return "ganze Zahl"
    if isinstance(value, float):
        return "Zahl"
    if isinstance(value, str):
        return "Text"
    if isinstance(value, list):
        return "Liste"
    if isinstance(value, dict):
        return "Gruppe von Feldern"
    return type(value).__name__


def listing(values: Iterable[object]) -> str:
    return ", ".join(str(value) for value in values)


# Reading the file


def no_front_matter(path: str) -> Finding:
    return Finding(
        path,
        1,
        "Kopfdaten fehlen",
        "beginnen Sie die Datei mit einem Block zwischen zwei Zeilen „---“ "
        "(title, description, type, audience, tags, owner).",
    )


def yaml_syntax(path: str, *, line: int, column: int, problem: str) -> Finding:
    """`problem` is already German (portal.yaml_errors.describe)."""
    return Finding(
        path,
        line,
        f"Kopfdaten sind kein gültiges YAML ({problem})",
        "prüfen Sie Einrückung und Doppelpunkte in dieser Zeile; Werte mit „:“, „#“ "
        "oder am Anfang mit „*“, „[“ oder „{“ gehören in Anführungszeichen.",
        column,
    )


def unclosed_front_matter(path: str) -> Finding:
    return Finding(
        path,
        1,
        "Die Kopfdaten beginnen mit „---“, werden aber nie mit einer Zeile „---“ geschlossen",
        "fügen Sie nach dem letzten Feld eine Zeile mit genau drei Bindestrichen „---“ ein.",
    )


def not_a_mapping(path: str) -> Finding:
    return Finding(
        path,
        2,
        "Kopfdaten bestehen nicht aus Feldern der Form „name: wert“",
        "schreiben Sie jedes Feld als „name: wert“ in eine eigene Zeile.",
    )


def duplicate_key(path: str, *, line: int, key: str) -> Finding:
    return Finding(
        path,
        line,
        f"Feld „{key}“ steht doppelt in den Kopfdaten",
        "löschen Sie eine der beiden Zeilen; sonst gilt nur die letzte.",
    )


# Type and folder


def missing_type(path: str, *, allowed: Sequence[str]) -> Finding:
    return Finding(
        path,
        1,
        "Pflichtfeld „type“ fehlt",
        f"ergänzen Sie „type: {allowed[0]}“; in diesem Ordner erlaubt: {listing(allowed)}.",
    )


def unknown_type(path: str, *, line: int, value: object, types: Sequence[str]) -> Finding:
    return Finding(
        path,
        line,
        f"unbekannter Seitentyp {quote(value)}",
        f"wählen Sie einen von: {listing(types)}.",
    )


def type_not_in_folder(
    path: str, *, line: int, value: str, folder: str, allowed: Sequence[str]
) -> Finding:
    return Finding(
        path,
        line,
        f"Seitentyp „{value}“ passt nicht an diese Stelle ({folder})",
        f"schreiben Sie „type: {allowed[0]}“ (erlaubt: {listing(allowed)}) "
        "oder legen Sie die Seite in den passenden Ordner.",
    )


# Schema findings


def missing_field(path: str, *, line: int, location: Sequence[str | int], hint: str) -> Finding:
    name = location[-1] if location else "?"
    where = "" if len(location) == 1 else f" in {field_label(location[:-1])}"
    return Finding(
        path,
        line,
        f"Pflichtfeld „{name}“ fehlt{where}",
        f"ergänzen Sie „{name}:“ ({hint}).",
    )


def unknown_field(
    path: str, *, line: int, location: Sequence[str | int], allowed: Sequence[str]
) -> Finding:
    return Finding(
        path,
        line,
        f"unbekanntes Feld {field_label(location)}",
        f"korrigieren Sie den Namen oder löschen Sie das Feld; erlaubt: {listing(allowed)}.",
    )


def wrong_type(
    path: str, *, line: int, location: Sequence[str | int], expected: Sequence[str], value: object
) -> Finding:
    wanted = " oder ".join(_JSON_TYPES.get(name, name) for name in expected)
    example = ""
    if "array" in expected:
        example = f", z. B. „{location[-1]}: [{value}]“" if isinstance(value, str) else ""
    return Finding(
        path,
        line,
        f"{field_label(location)} muss {wanted} sein, ist aber {json_type_name(value)}",
        f"schreiben Sie den Wert als {wanted}{example}.",
    )


def not_in_list(
    path: str, *, line: int, location: Sequence[str | int], value: object, allowed: Sequence[object]
) -> Finding:
    return Finding(
        path,
        line,
        f"{quote(value)} ist kein erlaubter Wert für {field_label(location)}",
        f"wählen Sie einen von: {listing(allowed)}.",
    )


def not_a_date(
    path: str, *, line: int, location: Sequence[str | int], value: object, with_time: bool
) -> Finding:
    fix = (
        "schreiben Sie das Datum als JJJJ-MM-TT (z. B. 2016-07-13) oder, mit Uhrzeit, "
        "als 2016-07-13T10:00:00+02:00."
        if with_time
        else "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-20."
    )
    if with_time and _time_without_zone(value):
        # YAML reads such a value as a time of no particular place: the page
        # and the calendar file could not say when it begins.
        return Finding(
            path,
            line,
            f"{quote(value)} in {field_label(location)} hat eine Uhrzeit, aber keine Zeitzone",
            "hängen Sie die Zeitzone an: +02:00 im Sommer, +01:00 im Winter "
            "(z. B. 2016-07-13T10:00:00+02:00).",
        )
    return Finding(path, line, f"{quote(value)} in {field_label(location)} ist kein Datum", fix)


def _time_without_zone(value: object) -> bool:
    if isinstance(value, datetime.datetime):
        return value.tzinfo is None
    if not isinstance(value, str):
        return False
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        return False
    has_time = "T" in value.upper() or " " in value.strip()
    return has_time and moment.tzinfo is None


def out_of_range(
    path: str,
    *,
    line: int,
    location: Sequence[str | int],
    value: object,
    minimum: object | None,
    maximum: object | None,
) -> Finding:
    if minimum is not None and maximum is not None:
        bounds = f"zwischen {minimum} und {maximum} liegen"
    elif minimum is not None:
        bounds = f"mindestens {minimum} sein"
    else:
        bounds = f"höchstens {maximum} sein"
    return Finding(
        path,
        line,
        f"{field_label(location)} muss {bounds}, ist aber {value}",
        "korrigieren Sie die Zahl.",
    )


def empty_list(
    path: str, *, line: int, location: Sequence[str | int], allowed: Sequence[object]
) -> Finding:
    hint = f" aus: {listing(allowed)}" if allowed else ""
    return Finding(
        path,
        line,
        f"{field_label(location)} darf nicht leer sein",
        f"nennen Sie mindestens einen Wert{hint}.",
    )


def repeated_value(path: str, *, line: int, location: Sequence[str | int]) -> Finding:
    return Finding(
        path,
        line,
        f"{field_label(location)} enthält einen Wert doppelt",
        "löschen Sie die Wiederholung.",
    )


def empty_text(path: str, *, line: int, location: Sequence[str | int]) -> Finding:
    return Finding(path, line, f"{field_label(location)} ist leer", "tragen Sie einen Text ein.")


def too_long(path: str, *, line: int, location: Sequence[str | int], maximum: int) -> Finding:
    return Finding(
        path,
        line,
        f"{field_label(location)} ist länger als {maximum} Zeichen",
        "fassen Sie den Inhalt in einem kurzen Satz zusammen.",
    )


def wrong_form(
    path: str, *, line: int, location: Sequence[str | int], value: object, hint: str
) -> Finding:
    return Finding(
        path,
        line,
        f"{quote(value)} passt nicht zu {field_label(location)}",
        f"{hint[0].lower()}{hint[1:]}" if hint else "korrigieren Sie den Wert.",
    )


def registration_address(path: str, *, line: int, value: object) -> Finding:
    # http:// would send readers' registration data unencrypted; a bare
    # address opens nothing. Only the two forms a browser can act on safely.
    return Finding(
        path,
        line,
        f"{quote(value)} in „registration“ ist weder eine https- noch eine mailto-Adresse",
        "schreiben Sie https://… (Anmeldeseite) oder mailto:… (E-Mail), "
        "oder null, wenn es keine Anmeldung gibt.",
    )


def review_interval_choice(path: str, *, line: int, both: bool) -> Finding:
    if both:
        return Finding(
            path,
            line,
            "„interval_months“ und „due“ stehen beide in „review“",
            "behalten Sie nur eines: das Intervall in Monaten oder das feste Datum.",
        )
    return Finding(
        path,
        line,
        "Pflichtfeld „interval_months“ (oder „due“) fehlt in „review“",
        "ergänzen Sie, wann die nächste Prüfung fällig ist: z. B. „interval_months: 12“ "
        "(1–36 Monate) oder „due: JJJJ-MM-TT“.",
    )


def generic(path: str, *, line: int, location: Sequence[str | int], value: Any) -> Finding:
    return Finding(
        path,
        line,
        f"{quote(value)} passt nicht zu {field_label(location)}",
        "vergleichen Sie den Wert mit dem Schema in scripts/portal/schemas/.",
    )


# Rules across fields and files


def end_before_start(
    path: str, *, line: int, location: Sequence[str | int], start: object, end: object
) -> Finding:
    where = f" in {field_label(location)}" if location else ""
    return Finding(
        path,
        line,
        f"Ende {quote(end)} liegt vor dem Beginn {quote(start)}{where}",
        "prüfen Sie Beginn und Ende; an einem einzigen Tag sind beide gleich.",
    )


def duplicate_number(path: str, *, line: int, number: int, other: str) -> Finding:
    return Finding(
        path,
        line,
        f"Newsletter-Nummer {number} ist schon an {other} vergeben",
        "geben Sie dieser Ausgabe die nächste freie Nummer.",
    )


def translation_differs(
    path: str, *, line: int, key: str, value: object, source: str, source_value: object
) -> Finding:
    shown = "fehlt hier" if value is _MISSING else f"ist hier {quote(value)}"
    theirs = "fehlt dort" if source_value is _MISSING else quote(source_value)
    return Finding(
        path,
        line,
        f"„{key}“ {shown}, in der deutschen Fassung {source}: {theirs}",
        "übernehmen Sie den Wert der deutschen Fassung; Schlüsselwerte sind in beiden "
        "Sprachen gleich.",
    )


def related_missing(path: str, *, line: int, target: str) -> Finding:
    return Finding(
        path,
        line,
        f"„related“ nennt docs/{target}, diese Datei gibt es nicht",
        "korrigieren Sie den Pfad (relativ zu docs/) oder löschen Sie den Eintrag.",
    )


def unknown_role(path: str, *, line: int, value: str, roles: Sequence[str]) -> Finding:
    return Finding(
        path,
        line,
        f"{quote(value)} ist kein erlaubter Wert für „owner“",
        f"wählen Sie eine der Rollen aus extra.roles in mkdocs.yml: {listing(roles)}; "
        "eine neue Rolle trägt die betreibende Stelle dort ein.",
    )


def review_in_future(path: str, *, line: int, day: datetime.date) -> Finding:
    return Finding(
        path,
        line,
        f"die fachliche Prüfung ist auf den {german_date(day)} datiert, einen Tag in der Zukunft",
        "tragen Sie eine Prüfung erst ein, wenn sie stattgefunden hat, mit ihrem Datum.",
    )


def review_overdue(path: str, *, line: int, due: datetime.date, reviewed: datetime.date) -> Finding:
    return Finding(
        path,
        line,
        f"fachliche Prüfung überfällig seit {german_date(due)} "
        f"(zuletzt geprüft {german_date(reviewed)})",
        "lassen Sie das Kapitel prüfen und tragen Sie danach die neue Prüfung unter "
        "„review:“ ein (date, by, scope).",
    )


def german_date(value: datetime.date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year}"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()
MISSING: Any = _MISSING
"""Stands for a field that is absent, in `translation_differs`."""
