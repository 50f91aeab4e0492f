"""Every front matter rule, with the exact message an editor reads."""

from __future__ import annotations

import datetime
import json
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from portal.metadata import check_docs
from portal.metadata.audiences import AUDIENCES
from portal.metadata.dates import add_months, format_date
from portal.metadata.parse import to_json
from portal.metadata.schemas import SCHEMA_DIR, TYPES, common_vocabulary, registry, validator
from portal.roles import DEFAULT_ROLES, Role, label, roles_from_config
from sitebuilder import LANGUAGES

PAGE = """\
---
title: Seite
description: Eine Seite.
type: page
audience: [Leitung]
tags: []
owner: Redaktion
---
# Seite
"""

GUIDE = """\
---
title: Erste Woche
description: Was in der ersten Woche geschieht.
type: guide
audience: [neue Fachkräfte]
tags: [Einarbeitung]
owner: Redaktion
updated: 2026-11-20
---
# Erste Woche
"""

# A guide chapter with a recorded subject review (lines 9–13).
REVIEWED = GUIDE.replace(
    "updated: 2026-11-20\n",
    "updated: 2026-11-20\n"
    "review:\n"
    "  date: 2026-11-20\n"
    "  by: Redaktion\n"
    "  scope: Rechtsstand nach dem KJSG\n"
    "  interval_months: 12\n",
)

EVENT = """\
---
title: Fachtag
description: Der Fachtag in Güstrow.
type: event
audience: [Leitung]
tags: [Veranstaltung]
owner: Redaktion
start: 2016-07-13
end: 2016-07-13
place: Güstrow
organiser: Start gGmbH
speakers: [{name: Hans-Ullrich Krause, organisation: IGfH}]
---
# Fachtag
"""

NEWSLETTER = """\
---
title: Newsletter 1
description: Die erste Ausgabe.
type: newsletter
audience: [Leitung]
tags: [Newsletter]
owner: Redaktion
number: 1
date: 2016-06-01
---
# Newsletter 1
"""


TODAY = datetime.date(2026, 11, 28)


def findings(
    tmp_path: Path, pages: dict[str, str], *, roles: tuple[Role, ...] = DEFAULT_ROLES
) -> list[str]:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    result = check_docs(docs, project_root=tmp_path, languages=LANGUAGES, roles=roles, today=TODAY)
    return [str(finding) for finding in result.findings]


def test_valid_pages_of_every_kind_pass(tmp_path: Path) -> None:
    pages = {
        "index.md": PAGE,
        "einarbeitung/woche.md": GUIDE,
        "einarbeitung/zweite.md": REVIEWED,
        "veranstaltungen/fachtag.md": EVENT,
        "newsletter/ausgabe-1.md": NEWSLETTER,
    }
    assert findings(tmp_path, pages) == []


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    text = PAGE.replace("description: Eine Seite.", "description: Fazit: gut.")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:3:19: Kopfdaten sind kein gültiges YAML (ein Doppelpunkt an "
        "dieser Stelle ist nicht erlaubt) — prüfen Sie Einrückung und Doppelpunkte in dieser "
        "Zeile; Werte mit „:“, „#“ oder am Anfang mit „*“, „[“ oder „{“ gehören in "
        "Anführungszeichen."
    ]


def test_missing_front_matter(tmp_path: Path) -> None:
    assert findings(tmp_path, {"index.md": "# Nur Text\n"}) == [
        "docs/index.md:1: Kopfdaten fehlen — beginnen Sie die Datei mit einem Block zwischen "
        "zwei Zeilen „---“ (title, description, type, audience, tags, owner)."
    ]


def test_missing_field(tmp_path: Path) -> None:
    text = PAGE.replace("owner: Redaktion\n", "")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:1: Pflichtfeld „owner“ fehlt — ergänzen Sie „owner:“ (Rolle aus "
        "extra.roles in mkdocs.yml, z. B. Redaktion; nie eine Privatperson)."
    ]


def test_missing_type_names_the_types_of_the_folder(tmp_path: Path) -> None:
    text = EVENT.replace("type: event\n", "")
    assert findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:1: Pflichtfeld „type“ fehlt — ergänzen Sie "
        "„type: event“; in diesem Ordner erlaubt: event."
    ]


def test_unknown_type(tmp_path: Path) -> None:
    text = PAGE.replace("type: page", "type: artikel")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:4: unbekannter Seitentyp „artikel“ — wählen Sie einen von: page, guide, "
        "event, training, newsletter, publication, project."
    ]


def test_unknown_field(tmp_path: Path) -> None:
    text = PAGE.replace("owner: Redaktion\n", "owner: Redaktion\nautor: Frau M.\n")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:8: unbekanntes Feld „autor“ — korrigieren Sie den Namen oder löschen "
        "Sie das Feld; erlaubt: title, description, type, audience, tags, keywords, owner, hide, "
        "template, search, icon, subtitle, status, translated_from."
    ]


def test_material_keys_stay_allowed(tmp_path: Path) -> None:
    text = PAGE.replace(
        "owner: Redaktion\n",
        "owner: Redaktion\nhide: [toc, navigation]\nsearch: {exclude: true}\n"
        "template: seite.html\nstatus: new\n",
    )
    assert findings(tmp_path, {"index.md": text}) == []


def test_wrong_type(tmp_path: Path) -> None:
    text = PAGE.replace("audience: [Leitung]", "audience: Leitung")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:5: „audience“ muss Liste sein, ist aber Text — schreiben Sie den Wert "
        "als Liste, z. B. „audience: [Leitung]“."
    ]


def test_value_outside_its_list(tmp_path: Path) -> None:
    text = PAGE.replace("tags: []", "tags: [Recht, Schule]")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:6: „Schule“ ist kein erlaubter Wert für „tags“ (2. Eintrag) — wählen "
        "Sie einen von: Hilfeplanung, Einarbeitung, Mentoring, Kinderschutz, "
        "Qualitätsentwicklung, Modellprojekt, Fortbildung, Jugendhilfeplanung, Zusammenarbeit "
        "mit freien Trägern, Recht, Veranstaltung, Publikation, Praxisbeispiel, Newsletter, "
        "Glossar, Rechtliches, Redaktion."
    ]


def test_owner_must_be_a_role_not_a_person(tmp_path: Path) -> None:
    text = PAGE.replace("owner: Redaktion", "owner: Erika Mustermann")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:7: „Erika Mustermann“ ist kein erlaubter Wert für „owner“ — wählen Sie "
        "eine der Rollen aus extra.roles in mkdocs.yml: Redaktion; eine neue Rolle trägt die "
        "betreibende Stelle dort ein."
    ]


def test_owner_may_be_any_configured_role(tmp_path: Path) -> None:
    roles = (*DEFAULT_ROLES, Role("Fachberatung Kinderschutz", "Child protection advisers"))
    text = PAGE.replace("owner: Redaktion", "owner: Fachberatung Kinderschutz")
    assert findings(tmp_path, {"index.md": text}, roles=roles) == []
    # The units the first edition invented are no roles unless the operator has them.
    text = GUIDE.replace("owner: Redaktion", "owner: Fachredaktion Einarbeitung")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}, roles=roles) == [
        "docs/einarbeitung/woche.md:7: „Fachredaktion Einarbeitung“ ist kein erlaubter Wert "
        "für „owner“ — wählen Sie eine der Rollen aus extra.roles in mkdocs.yml: Redaktion, "
        "Fachberatung Kinderschutz; eine neue Rolle trägt die betreibende Stelle dort ein."
    ]


def test_roles_setting() -> None:
    assert roles_from_config(None) == (DEFAULT_ROLES, [])
    roles, problems = roles_from_config([{"de": "Leitung ASD", "en": "Head of the ASD"}])
    assert (roles, problems) == ((Role("Leitung ASD", "Head of the ASD"),), [])
    assert label("Leitung ASD", language="en", roles=roles) == "Head of the ASD"
    assert label("Dr. Beispiel", language="en", roles=roles) == "Dr. Beispiel"
    for broken in ([], "Redaktion", [{"de": "Redaktion"}], [{"de": " ", "en": "x"}]):
        roles, problems = roles_from_config(broken)
        assert roles == DEFAULT_ROLES
        assert [str(problem) for problem in problems] == [
            "mkdocs.yml: extra.roles ist keine Liste von Rollen mit deutschem und englischem "
            "Namen — schreiben Sie je Rolle einen Eintrag wie „- {de: Redaktion, en: Editorial "
            "team}“."
        ]


def test_empty_audience(tmp_path: Path) -> None:
    text = PAGE.replace("audience: [Leitung]", "audience: []")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:5: „audience“ darf nicht leer sein — nennen Sie mindestens einen Wert "
        "aus: neue Fachkräfte, Mentor*innen, Leitung, Jugendhilfeplanung, freie Träger, "
        "Redaktion."
    ]


def test_date_that_is_not_a_date(tmp_path: Path) -> None:
    text = GUIDE.replace("updated: 2026-11-20", "updated: letzte Woche")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:8: „letzte Woche“ in „updated“ ist kein Datum — schreiben "
        "Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-20."
    ]


def test_impossible_date_is_reported_not_raised(tmp_path: Path) -> None:
    text = REVIEWED.replace("date: 2026-11-20", "date: 2026-02-30")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:10: „2026-02-30“ in „review“ („date“) ist kein Datum — "
        "schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2026-11-20."
    ]


def test_event_time_needs_an_offset(tmp_path: Path) -> None:
    text = EVENT.replace("start: 2016-07-13", "start: 2016-07-13 10:00")
    assert findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:8: „2016-07-13 10:00“ in „start“ hat eine Uhrzeit, "
        "aber keine Zeitzone — hängen Sie die Zeitzone an: +02:00 im Sommer, +01:00 im Winter "
        "(z. B. 2016-07-13T10:00:00+02:00)."
    ]


def test_interval_out_of_range(tmp_path: Path) -> None:
    text = REVIEWED.replace("interval_months: 12", "interval_months: 48")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:13: „review“ („interval_months“) muss zwischen 1 und 36 "
        "liegen, ist aber 48 — korrigieren Sie die Zahl."
    ]


def test_unreviewed_chapter_is_valid_without_any_review_field(tmp_path: Path) -> None:
    assert findings(tmp_path, {"einarbeitung/woche.md": GUIDE}) == []


def test_old_review_fields_are_no_longer_accepted(tmp_path: Path) -> None:
    text = GUIDE.replace("updated: 2026-11-20\n", "updated: 2026-11-20\nreviewed: 2026-11-22\n")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:9: unbekanntes Feld „reviewed“ — korrigieren Sie den Namen "
        "oder löschen Sie das Feld; erlaubt: title, description, type, audience, tags, keywords, "
        "owner, hide, template, search, icon, subtitle, updated, review, status, translated_from."
    ]


def test_review_names_who_and_what(tmp_path: Path) -> None:
    text = REVIEWED.replace("  by: Redaktion\n", "").replace(
        "  scope: Rechtsstand nach dem KJSG\n", ""
    )
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:9: Pflichtfeld „by“ fehlt in „review“ — ergänzen Sie „by:“ "
        "(Rolle aus extra.roles oder ein Name, dessen Veröffentlichung die Person und die "
        "betreibende Stelle zugestimmt haben).",
        "docs/einarbeitung/woche.md:9: Pflichtfeld „scope“ fehlt in „review“ — ergänzen Sie "
        "„scope:“ (Ein Satz: was die Prüfung umfasste, z. B. Rechtsstand nach dem KJSG und die "
        "Abläufe in Abschnitt 2).",
    ]


def test_review_needs_interval_or_due_date(tmp_path: Path) -> None:
    text = REVIEWED.replace("  interval_months: 12\n", "")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:9: Pflichtfeld „interval_months“ (oder „due“) fehlt in "
        "„review“ — ergänzen Sie, wann die nächste Prüfung fällig ist: z. B. "
        "„interval_months: 12“ (1–36 Monate) oder „due: JJJJ-MM-TT“."
    ]
    text = REVIEWED.replace("  interval_months: 12\n", "  interval_months: 12\n  due: 2027-06-01\n")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:14: „interval_months“ und „due“ stehen beide in „review“ — "
        "behalten Sie nur eines: das Intervall in Monaten oder das feste Datum."
    ]


def test_review_cannot_lie_in_the_future(tmp_path: Path) -> None:
    text = REVIEWED.replace("date: 2026-11-20", "date: 2026-11-29")
    assert findings(tmp_path, {"einarbeitung/woche.md": text}) == [
        "docs/einarbeitung/woche.md:10: die fachliche Prüfung ist auf den 29.11.2026 datiert, "
        "einen Tag in der Zukunft — tragen Sie eine Prüfung erst ein, wenn sie stattgefunden "
        "hat, mit ihrem Datum."
    ]


def test_translation_records_its_own_review(tmp_path: Path) -> None:
    # A review checks one text: the German one reviewed, the English one not yet.
    english = GUIDE.replace("title: Erste Woche", "title: First week")
    pages = {"einarbeitung/woche.md": REVIEWED, "einarbeitung/woche.en.md": english}
    assert findings(tmp_path, pages) == []


def test_end_before_start(tmp_path: Path) -> None:
    text = EVENT.replace("end: 2016-07-13", "end: 2016-07-12")
    assert findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:9: Ende „2016-07-12“ liegt vor dem Beginn "
        "„2016-07-13“ — prüfen Sie Beginn und Ende; an einem einzigen Tag sind beide gleich."
    ]


def test_end_before_start_in_training_dates(tmp_path: Path) -> None:
    text = """\
    ---
    title: Kurs
    description: Ein Kurs.
    type: training
    audience: [Leitung]
    tags: [Fortbildung]
    owner: Redaktion
    status: geplant
    dates:
      - {start: 2027-03-01, end: 2027-03-02}
      - start: 2027-04-02
        end: 2027-04-01
    registration: null
    ---
    """
    assert findings(tmp_path, {"fortbildungen/kurs.md": text}) == [
        "docs/fortbildungen/kurs.md:12: Ende „2027-04-01“ liegt vor dem Beginn „2027-04-02“ "
        "in „dates“ (2. Eintrag) — prüfen Sie Beginn und Ende; an einem einzigen Tag sind "
        "beide gleich."
    ]


def test_duplicate_newsletter_number(tmp_path: Path) -> None:
    pages = {
        "newsletter/ausgabe-1.md": NEWSLETTER,
        "newsletter/ausgabe-2.md": NEWSLETTER.replace("date: 2016-06-01", "date: 2016-09-01"),
        "newsletter/ausgabe-1.en.md": NEWSLETTER,
    }
    assert findings(tmp_path, pages) == [
        "docs/newsletter/ausgabe-2.md:8: Newsletter-Nummer 1 ist schon an "
        "docs/newsletter/ausgabe-1.md vergeben — geben Sie dieser Ausgabe die nächste freie "
        "Nummer."
    ]


def test_type_must_fit_the_folder(tmp_path: Path) -> None:
    assert findings(tmp_path, {"veranstaltungen/fachtag.md": PAGE}) == [
        "docs/veranstaltungen/fachtag.md:4: Seitentyp „page“ passt nicht an diese Stelle "
        "(Ordner veranstaltungen/) — schreiben Sie „type: event“ (erlaubt: event) oder legen "
        "Sie die Seite in den passenden Ordner."
    ]


def test_section_index_is_a_page(tmp_path: Path) -> None:
    assert findings(tmp_path, {"veranstaltungen/index.md": PAGE}) == []


def test_translation_must_keep_type_and_key_fields(tmp_path: Path) -> None:
    english = EVENT.replace("title: Fachtag", "title: Conference").replace(
        "end: 2016-07-13", "end: 2016-07-14"
    )
    pages = {"veranstaltungen/fachtag.md": EVENT, "veranstaltungen/fachtag.en.md": english}
    assert findings(tmp_path, pages) == [
        "docs/veranstaltungen/fachtag.en.md:9: „end“ ist hier „2016-07-14“, in der deutschen "
        "Fassung docs/veranstaltungen/fachtag.md: „2016-07-13“ — übernehmen Sie den Wert der "
        "deutschen Fassung; Schlüsselwerte sind in beiden Sprachen gleich."
    ]


def test_translation_with_other_type_gets_one_message(tmp_path: Path) -> None:
    english = GUIDE.replace("type: guide", "type: page")
    pages = {"einarbeitung/woche.md": GUIDE, "einarbeitung/woche.en.md": english}
    result = findings(tmp_path, pages)
    assert (
        "docs/einarbeitung/woche.en.md:4: „type“ ist hier „page“, in der deutschen Fassung "
        "docs/einarbeitung/woche.md: „guide“ — übernehmen Sie den Wert der deutschen Fassung; "
        "Schlüsselwerte sind in beiden Sprachen gleich." in result
    )
    assert sum("in der deutschen Fassung" in message for message in result) == 1


def test_duplicate_key(tmp_path: Path) -> None:
    text = PAGE.replace("tags: []", "tags: []\ntags: [Recht]")
    assert findings(tmp_path, {"index.md": text}) == [
        "docs/index.md:7: Feld „tags“ steht doppelt in den Kopfdaten — löschen Sie eine der "
        "beiden Zeilen; sonst gilt nur die letzte."
    ]


def test_related_must_exist(tmp_path: Path) -> None:
    text = """\
    ---
    title: Leitfaden
    description: Der Leitfaden.
    type: publication
    audience: [Leitung]
    tags: [Publikation]
    owner: Redaktion
    kind: Leitfaden
    year: 2017
    status: veröffentlicht
    related: [index.md, einarbeitung/fehlt.md]
    ---
    """
    assert findings(tmp_path, {"index.md": PAGE, "publikationen/leitfaden.md": text}) == [
        "docs/publikationen/leitfaden.md:11: „related“ nennt docs/einarbeitung/fehlt.md, diese "
        "Datei gibt es nicht — korrigieren Sie den Pfad (relativ zu docs/) oder löschen Sie "
        "den Eintrag."
    ]


def test_overdue_review(tmp_path: Path) -> None:
    findings(tmp_path, {"einarbeitung/woche.md": REVIEWED, "einarbeitung/zweite.md": GUIDE})
    result = check_docs(tmp_path / "docs", project_root=tmp_path, languages=LANGUAGES)
    assert result.overdue(today=datetime.date(2027, 11, 20)) == []
    assert [str(f) for f in result.overdue(today=datetime.date(2027, 11, 21))] == [
        "docs/einarbeitung/woche.md:9: fachliche Prüfung überfällig seit 20.11.2027 (zuletzt "
        "geprüft 20.11.2026) — lassen Sie das Kapitel prüfen und tragen Sie danach die neue "
        "Prüfung unter „review:“ ein (date, by, scope)."
    ]


def test_months_and_dates_for_readers() -> None:
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 20), 14) == datetime.date(2028, 1, 20)
    assert format_date(datetime.date(2026, 11, 22), language="de") == "22.11.2026"
    assert format_date(datetime.date(2026, 11, 2), language="en") == "2 November 2026"


# The schema files themselves


def test_every_type_has_a_valid_schema_with_the_common_fields() -> None:
    for page_type in TYPES:
        schema = json.loads((SCHEMA_DIR / f"{page_type}.schema.json").read_text("utf-8"))
        Draft7Validator.check_schema(schema)
        assert schema["additionalProperties"] is False
        for name in ["title", "description", "type", "audience", "tags", "owner"]:
            assert name in schema["required"], (page_type, name)
        assert validator(page_type) is validator(page_type)  # compiled once


def test_editor_entry_schema_dispatches_by_type() -> None:
    schema = json.loads((SCHEMA_DIR / "frontmatter.schema.json").read_text("utf-8"))
    entry = Draft7Validator(schema, registry=registry())
    good = {
        "title": "A",
        "description": "B.",
        "type": "newsletter",
        "audience": ["Leitung"],
        "tags": [],
        "owner": "Redaktion",
        "number": 3,
        "date": "2016-06-01",
    }
    assert list(entry.iter_errors(to_json(good))) == []
    assert list(entry.iter_errors({**good, "number": "drei"})) != []


def test_audience_labels_cover_the_controlled_list() -> None:
    assert list(AUDIENCES) == common_vocabulary("audienceValue")


@pytest.mark.parametrize("page_type", TYPES)
def test_each_type_schema_rejects_an_unknown_field(page_type: str) -> None:
    errors = list(validator(page_type).iter_errors({"unbekannt": 1}))
    assert any(error.validator == "additionalProperties" for error in errors)
