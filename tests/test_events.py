"""Events and trainings: sorting around the build date, calendar files, checks, overviews.

Everything here runs on the core (portal.events) without a build, with a
frozen clock; tests/test_events_build.py builds a tiny site once.
"""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path
from typing import Any

import icalendar
import pytest
from clisite import write_checkout

from calendars import parse
from golden import Golden
from portal.cli import main
from portal.clock import TIMEZONE, clock_from_environment, fixed_clock
from portal.events.calendar import entry_calendar, feed_calendar, uid
from portal.events.checks import check_entries
from portal.events.details import page_details
from portal.events.model import Entry, entry_from_data
from portal.events.overview import events_markdown, split_events, trainings_markdown
from portal.events.pages import read_entries
from portal.findings import ConfigurationError
from portal.metadata import check_docs
from sitebuilder import LANGUAGES

# A Saturday in winter time; the golden files are written for this moment.
NOW = fixed_clock(datetime.datetime(2026, 11, 28, 9, 0, tzinfo=TIMEZONE))()
STAMP = NOW
PAGE_URL = "https://portal.example/veranstaltungen/x/"


def entry(src_uri: str, *, kind: str = "event", title: str = "", **data: Any) -> Entry:
    name = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    return entry_from_data(
        data,
        kind=kind,
        src_uri=src_uri,
        path=f"docs/{src_uri}",
        titles={"de": title or name},
        descriptions={"de": f"Beschreibung von {name}."},
        translated=frozenset({"de"}),
    )


def berlin(*parts: int) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=TIMEZONE)  # type: ignore[misc]


# A small programme around NOW: past, today, tomorrow, several days, no date.
ENTRIES = [
    entry(
        "veranstaltungen/2015-01-27-auftakt.md",
        title="Auftakt",
        start=datetime.date(2015, 1, 27),
        end=datetime.date(2015, 1, 27),
        place="Neubrandenburg",
        status="dokumentiert",
    ),
    entry(
        "veranstaltungen/2016-07-13-forum.md",
        title="Forum",
        start=datetime.date(2016, 7, 13),
        place="Güstrow",
        status="dokumentiert",
    ),
    entry(
        "veranstaltungen/2026-11-27-gestern.md",
        title="Gestern",
        start=berlin(2026, 11, 27, 10, 0),
        end=berlin(2026, 11, 27, 16, 0),
        place="Schwerin",
    ),
    entry(
        "veranstaltungen/2026-11-28-heute-vorbei.md",
        title="Heute früh",
        start="2026-11-28T07:00:00+01:00",
        end="2026-11-28T08:30:00+01:00",
        place="Rostock",
    ),
    entry(
        "veranstaltungen/2026-11-28-heute.md",
        title="Heute ganztags",
        start=datetime.date(2026, 11, 28),
        place="Rostock",
        status="geplant",
    ),
    entry(
        "veranstaltungen/2027-03-10-fachtage.md",
        title="Fachtage",
        start=datetime.date(2027, 3, 10),
        end=datetime.date(2027, 3, 12),
        place="Greifswald",
    ),
    entry(
        "veranstaltungen/2027-07-01-sommer.md",
        title="Sommerforum",
        start="2027-07-01T10:00:00+02:00",
        end="2027-07-01T15:30:00+02:00",
        place="Güstrow",
        status="geplant",
    ),
    entry(
        "veranstaltungen/2027-01-20-winter.md",
        title="Winterforum",
        start="2027-01-20T09:00:00+01:00",
        end="2027-01-21T13:00:00+01:00",
        place="Stralsund",
    ),
    entry("veranstaltungen/herbst.md", title="Herbsttreffen", start=None, status="geplant"),
]


def titles(entries: list[Entry]) -> list[str]:
    return [item.title("de") for item in entries]


def test_upcoming_soonest_first_and_past_latest_first() -> None:
    upcoming, past = split_events(ENTRIES, now=NOW)
    assert titles(upcoming) == [
        "Heute ganztags",  # all day today: not over before midnight
        "Winterforum",
        "Fachtage",
        "Sommerforum",
        "Herbsttreffen",  # no date yet: last
    ]
    assert titles(past) == ["Heute früh", "Gestern", "Forum", "Auftakt"]


def test_one_minute_decides_between_upcoming_and_past() -> None:
    early = [item for item in ENTRIES if item.title("de") == "Heute früh"]
    before = berlin(2026, 11, 28, 8, 29)
    after = berlin(2026, 11, 28, 8, 30)
    assert titles(split_events(early, now=before)[0]) == ["Heute früh"]
    assert titles(split_events(early, now=after)[1]) == ["Heute früh"]
    # An all-day date is past from midnight in Berlin, not in UTC.
    today = [item for item in ENTRIES if item.title("de") == "Heute ganztags"]
    late = datetime.datetime(2026, 11, 28, 22, 59, tzinfo=datetime.UTC)  # 23:59 in Berlin
    assert titles(split_events(today, now=late)[0]) == ["Heute ganztags"]
    midnight = datetime.datetime(2026, 11, 28, 23, 0, tzinfo=datetime.UTC)
    assert titles(split_events(today, now=midnight)[1]) == ["Heute ganztags"]


def test_summer_and_winter_time_are_kept_as_berlin_time() -> None:
    summer = next(item for item in ENTRIES if item.title("de") == "Sommerforum")
    winter = next(item for item in ENTRIES if item.title("de") == "Winterforum")
    assert summer.occurrences[0].start == berlin(2027, 7, 1, 10, 0)
    assert summer.occurrences[0].start.utcoffset() == datetime.timedelta(hours=2)  # type: ignore[union-attr]
    assert winter.occurrences[0].start.utcoffset() == datetime.timedelta(hours=1)  # type: ignore[union-attr]
    # The same moment written in UTC is shown in Berlin time.
    utc = entry("veranstaltungen/utc.md", start="2027-07-01T08:00:00Z", end=None, place="x")
    details = page_details(utc, language="de", calendar_url=None)
    assert details["rows"][0]["dates"][0]["text"] == "01.07.2027, 10:00 Uhr"


def test_events_overview_golden(golden: Golden) -> None:
    for language in ("de", "en"):
        text = events_markdown(
            ENTRIES, now=NOW, language=language, page_src_uri="veranstaltungen/index.md"
        )
        golden(f"events_overview.{language}.md", text)


def test_trainings_overview_golden(golden: Golden) -> None:
    trainings = [
        entry(
            "fortbildungen/grundkurs.md",
            kind="training",
            title="Grundkurs Hilfeplanung",
            status="Anmeldung offen",
            dates=[
                {"start": datetime.date(2027, 2, 1), "end": datetime.date(2027, 2, 2)},
                {"start": datetime.date(2027, 1, 11), "end": datetime.date(2027, 1, 11)},
            ],
            place="Rostock",
            registration="mailto:fortbildung@example.org",
        ),
        entry(
            "fortbildungen/reihe.md",
            kind="training",
            title="Reihe für Berufseinsteiger*innen",
            status="geplant",
            dates=[],
        ),
        entry(
            "fortbildungen/alt.md",
            kind="training",
            title="Angebot 2016",
            status="Stand unbekannt",
            dates=[],
        ),
        entry(
            "fortbildungen/voll.md",
            kind="training",
            title="Kinderschutz kompakt",
            status="ausgebucht",
            dates=[{"start": "2027-04-14T09:00:00+02:00", "end": "2027-04-14T16:00:00+02:00"}],
        ),
    ]
    for language in ("de", "en"):
        text = trainings_markdown(
            trainings, now=NOW, language=language, page_src_uri="fortbildungen/index.md"
        )
        golden(f"trainings_overview.{language}.md", text)


def test_real_events_are_past_with_their_dates() -> None:
    root = Path(__file__).resolve().parent.parent
    entries, _ = read_entries(root / "docs", project_root=root, languages=LANGUAGES)
    _, past = split_events(entries, now=NOW)
    found = {item.src_uri: item.occurrences[0].first_day for item in past}
    assert found == {
        "veranstaltungen/2015-01-27-auftaktveranstaltung.md": datetime.date(2015, 1, 27),
        "veranstaltungen/2016-07-13-qualitaetsforum.md": datetime.date(2016, 7, 13),
        "veranstaltungen/2017-12-07-abschlussveranstaltung.md": datetime.date(2017, 12, 7),
    }
    places = {item.src_uri.split("/")[1][:10]: item.place for item in past}
    assert places == {
        "2015-01-27": "Neubrandenburg",
        "2016-07-13": "Güstrow",
        "2017-12-07": "Güstrow",
    }
    # The project's trainings have no known dates and do not claim to be coming.
    trainings = [item for item in entries if item.kind == "training"]
    assert trainings and {item.status for item in trainings} == {"Stand unbekannt"}


# Calendar files


def vevents(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def test_all_day_event_is_a_date_with_exclusive_end() -> None:
    fachtage = next(item for item in ENTRIES if item.title("de") == "Fachtage")
    data = entry_calendar(fachtage, language="de", page_url=PAGE_URL, stamp=STAMP, site_name="P")
    assert b"DTSTART;VALUE=DATE:20270310\r\n" in data
    assert b"DTEND;VALUE=DATE:20270313\r\n" in data  # the day after the last day
    calendar = parse(data)
    assert calendar.walk("VTIMEZONE") == []  # no times, no time zone needed
    (event,) = vevents(calendar)
    assert event.decoded("dtstart") == datetime.date(2027, 3, 10)
    assert event["uid"] == "veranstaltungen/2027-03-10-fachtage-1@wissensportal-hpv-mv"
    assert event.decoded("dtstamp") == datetime.datetime(2026, 11, 28, 8, 0, tzinfo=datetime.UTC)
    assert str(event["location"]) == "Greifswald"
    assert str(event["url"]) == PAGE_URL


@pytest.mark.parametrize(
    ("title", "start", "end", "offset"),
    [
        ("Sommerforum", "20270701T100000", "20270701T153000", 2),
        ("Winterforum", "20270120T090000", "20270121T130000", 1),
    ],
)
def test_times_carry_europe_berlin_with_its_vtimezone(
    title: str, start: str, end: str, offset: int
) -> None:
    item = next(item for item in ENTRIES if item.title("de") == title)
    data = entry_calendar(item, language="de", page_url=PAGE_URL, stamp=STAMP, site_name="P")
    assert f"DTSTART;TZID=Europe/Berlin:{start}\r\n".encode() in data
    assert f"DTEND;TZID=Europe/Berlin:{end}\r\n".encode() in data
    calendar = parse(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["tzid"] == "Europe/Berlin"
    assert {component.name for component in zone.subcomponents} >= {"STANDARD", "DAYLIGHT"}
    (event,) = vevents(calendar)
    assert event.decoded("dtstart").utcoffset() == datetime.timedelta(hours=offset)


def test_event_without_date_gets_no_calendar_file() -> None:
    undated = next(item for item in ENTRIES if item.title("de") == "Herbsttreffen")
    assert entry_calendar(undated, language="de", page_url="", stamp=STAMP, site_name="P") == b""
    details = page_details(undated, language="de", calendar_url=None)
    assert details["calendar_url"] is None
    assert details["rows"][0]["dates"] == [{"iso": None, "text": "Termin folgt"}]


def test_uids_are_stable_and_unique() -> None:
    training = entry(
        "fortbildungen/kurs.md",
        kind="training",
        status="Anmeldung offen",
        dates=[
            {"start": datetime.date(2027, 5, 1), "end": datetime.date(2027, 5, 1)},
            {"start": datetime.date(2027, 4, 1), "end": datetime.date(2027, 4, 1)},
        ],
    )
    # Sorted by date, numbered as written: moving a date keeps its UID.
    assert [uid(training, item) for item in training.occurrences] == [
        "fortbildungen/kurs-2@wissensportal-hpv-mv",
        "fortbildungen/kurs-1@wissensportal-hpv-mv",
    ]
    dated = [(item, PAGE_URL) for item in ENTRIES if item.dated]
    data = feed_calendar(dated, language="de", stamp=STAMP, site_name="P")
    events = vevents(parse(data))
    assert len({str(event["uid"]) for event in events}) == len(events) == len(dated)
    assert feed_calendar(dated, language="de", stamp=STAMP, site_name="P") == data


def test_feed_golden(golden: Golden) -> None:
    dated = [(item, PAGE_URL) for item in ENTRIES if item.dated]
    data = feed_calendar(dated, language="de", stamp=STAMP, site_name="Wissensportal")
    parse(data)
    lines = data.decode("utf-8").split("\r\n")
    assert lines[-1] == "" and not any("\n" in line for line in lines)  # CRLF, as RFC 5545 says
    # Stored with plain line ends: reading text turns CRLF into LF anyway.
    golden("kalender.de.ics", "\n".join(lines))


# Checks


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
speakers: []
status: geplant
---
# Fachtag

Der Termin folgt in Kürze.
"""

TRAINING = """\
---
title: Kurs
description: Ein Kurs.
type: training
audience: [Leitung]
tags: [Fortbildung]
owner: Redaktion
status: Anmeldung offen
dates:
  - {start: 2016-03-01, end: 2016-03-02}
registration: https://example.org/anmeldung
---
# Kurs
"""


def write(tmp_path: Path, pages: dict[str, str]) -> Path:
    docs = tmp_path / "docs"
    for name, text in pages.items():
        target = docs / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text), encoding="utf-8")
    return docs


def event_findings(tmp_path: Path, pages: dict[str, str]) -> list[str]:
    docs = write(tmp_path, pages)
    entries, records = read_entries(docs, project_root=tmp_path, languages=LANGUAGES)
    return [str(item) for item in sorted(check_entries(entries, pages=records, now=NOW))]


def metadata_findings(tmp_path: Path, pages: dict[str, str]) -> list[str]:
    docs = write(tmp_path, pages)
    result = check_docs(docs, project_root=tmp_path, languages=LANGUAGES, today=NOW.date())
    return [str(item) for item in result.findings]


def test_past_event_that_still_says_planned(tmp_path: Path) -> None:
    assert event_findings(tmp_path, {"veranstaltungen/fachtag.md": EVENT}) == [
        "docs/veranstaltungen/fachtag.md:13: Der Status „geplant“ kündigt etwas an, aber der "
        "letzte Termin (13.07.2016) ist vorbei — setzen Sie „status: dokumentiert“ (oder "
        "„Stand unbekannt“, wenn nicht überliefert ist, ob es stattfand) oder tragen Sie den "
        "neuen Termin ein.",
        "docs/veranstaltungen/fachtag.md:17: Der Text sagt „Termin folgt“, aber der letzte "
        "Termin (13.07.2016) ist vorbei — beschreiben Sie den Termin in der Vergangenheit oder "
        "streichen Sie den Satz.",
    ]


def test_past_training_with_open_registration(tmp_path: Path) -> None:
    assert event_findings(tmp_path, {"fortbildungen/kurs.md": TRAINING}) == [
        "docs/fortbildungen/kurs.md:8: Der Status „Anmeldung offen“ kündigt etwas an, aber der "
        "letzte Termin (02.03.2016) ist vorbei — setzen Sie „status: abgeschlossen“ (oder "
        "„Stand unbekannt“, wenn nicht überliefert ist, ob es stattfand) oder tragen Sie den "
        "neuen Termin ein."
    ]


def test_future_and_undated_offers_may_say_they_are_coming(tmp_path: Path) -> None:
    future = TRAINING.replace("2016-03-01, end: 2016-03-02", "2027-03-01, end: 2027-03-02")
    undated = EVENT.replace("start: 2016-07-13\nend: 2016-07-13", "start: null")
    pages = {"fortbildungen/kurs.md": future, "veranstaltungen/fachtag.md": undated}
    assert event_findings(tmp_path, pages) == []
    assert metadata_findings(tmp_path, pages) == []


def test_end_before_start(tmp_path: Path) -> None:
    text = EVENT.replace("end: 2016-07-13", "end: 2016-07-12")
    assert metadata_findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:9: Ende „2016-07-12“ liegt vor dem Beginn "
        "„2016-07-13“ — prüfen Sie Beginn und Ende; an einem einzigen Tag sind beide gleich."
    ]


def test_date_that_is_no_date(tmp_path: Path) -> None:
    text = EVENT.replace("start: 2016-07-13", "start: 2016-02-30")
    assert metadata_findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:8: „2016-02-30“ in „start“ ist kein Datum — "
        "schreiben Sie das Datum als JJJJ-MM-TT (z. B. 2016-07-13) oder, mit Uhrzeit, als "
        "2016-07-13T10:00:00+02:00."
    ]


def test_time_without_zone(tmp_path: Path) -> None:
    text = EVENT.replace("start: 2016-07-13", "start: 2016-07-13T10:00:00")
    assert metadata_findings(tmp_path, {"veranstaltungen/fachtag.md": text}) == [
        "docs/veranstaltungen/fachtag.md:8: „2016-07-13T10:00:00“ in „start“ hat eine Uhrzeit, "
        "aber keine Zeitzone — hängen Sie die Zeitzone an: +02:00 im Sommer, +01:00 im Winter "
        "(z. B. 2016-07-13T10:00:00+02:00)."
    ]


@pytest.mark.parametrize("address", ["http://example.org/anmeldung", "anmeldung@example.org"])
def test_registration_neither_https_nor_mailto(tmp_path: Path, address: str) -> None:
    text = TRAINING.replace("https://example.org/anmeldung", address)
    assert metadata_findings(tmp_path, {"fortbildungen/kurs.md": text}) == [
        f"docs/fortbildungen/kurs.md:11: „{address}“ in „registration“ ist weder eine https- "
        "noch eine mailto-Adresse — schreiben Sie https://… (Anmeldeseite) oder mailto:… "
        "(E-Mail), oder null, wenn es keine Anmeldung gibt."
    ]


# The clock


def test_build_date_from_the_environment() -> None:
    clock = clock_from_environment({"PORTAL_BUILD_DATE": "2030-06-01"})
    assert clock() == datetime.datetime(2030, 6, 1, 12, 0, tzinfo=TIMEZONE)
    clock = clock_from_environment({"PORTAL_BUILD_DATE": "2030-06-01T08:00:00+02:00"})
    assert clock().isoformat() == "2030-06-01T08:00:00+02:00"
    assert clock_from_environment({})().tzinfo is not None
    with pytest.raises(ConfigurationError, match="PORTAL_BUILD_DATE='morgen' ist kein Datum"):
        clock_from_environment({"PORTAL_BUILD_DATE": "morgen"})


# Scaffolds (python -m portal new event / new training)


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_checkout(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_new_event_is_valid_upcoming_and_never_overwritten(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "new",
        "event",
        "--titel",
        "Fachtag Übergänge",
        "--beschreibung",
        "Ein Fachtag zu Übergängen zwischen Hilfen.",
        "--beginn",
        "2030-03-05 09:30",
        "--ende",
        "2030-03-05 16:00",
        "--ort",
        "Güstrow",
        "--veranstalter",
        "Start gGmbH",
        "--referent",
        "Hans-Ullrich Krause, IGfH",
    ]
    assert main(argv) == 0
    page = checkout / "docs/veranstaltungen/2030-03-05-fachtag-uebergaenge.md"
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Fachtag Übergänge\n")
    assert "start: '2030-03-05T09:30:00+01:00'\n" in text  # winter time
    assert "speakers:\n- name: Hans-Ullrich Krause\n  organisation: IGfH\n" in text
    assert metadata_findings(checkout, {}) == []
    entries, _ = read_entries(checkout / "docs", project_root=checkout, languages=LANGUAGES)
    upcoming, _ = split_events(entries, now=NOW)
    assert titles(upcoming) == ["Fachtag Übergänge"]
    capsys.readouterr()
    assert main(argv) == 1
    assert "gibt es schon — nichts überschrieben" in capsys.readouterr().err
    assert page.read_text(encoding="utf-8") == text


def test_new_training_without_dates_and_refused_input(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["new", "training", "--titel", "Grundkurs Hilfeplanung"]
    base += ["--beschreibung", "Ein Grundkurs für neue Fachkräfte."]
    assert main([*base, "--status", "geplant", "--anmeldung", "mailto:kurs@example.org"]) == 0
    text = (checkout / "docs/fortbildungen/grundkurs-hilfeplanung.md").read_text(encoding="utf-8")
    assert "status: geplant\ndates: []\nregistration: mailto:kurs@example.org\n" in text
    assert metadata_findings(checkout, {}) == []
    capsys.readouterr()
    other = ["new", "training", "--titel", "Kurs", "--beschreibung", "Ein Kurs."]
    assert main([*other, "--status", "geplant", "--anmeldung", "http://example.org"]) == 1
    assert "weder eine https- noch eine mailto-Adresse" in capsys.readouterr().err
    assert not (checkout / "docs/fortbildungen/kurs.md").exists()
    with pytest.raises(SystemExit):
        main([*other, "--status", "geplant", "--termin", "morgen"])
    assert "„morgen“ ist kein Datum" in capsys.readouterr().err
    assert main([*other, "--status", "Anmeldung offen", "--termin", "2030-07-01/2030-07-02"]) == 0
    text = (checkout / "docs/fortbildungen/kurs.md").read_text(encoding="utf-8")
    assert "dates:\n- start: 2030-07-01\n  end: 2030-07-02\n" in text
