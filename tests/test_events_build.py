"""Events inside a real build: a future event appears in the upcoming list and in the
calendar feed after one build, an event without a date gets no calendar file, a
past offer that says it is coming fails the strict build; the real portal's
three events are past, on their pages and in the feed."""

from __future__ import annotations

import datetime
from pathlib import Path

import icalendar
import pytest
from selectolax.lexbor import LexborHTMLParser

from calendars import parse
from portal.cli import main
from sitebuilder import FURNISHED_NOT_IN_NAV, BuildResult, build, page, write_site

EVENT = """\
---
title: {title}
description: Eine Veranstaltung für die Tests.
type: event
audience: [Leitung]
tags: [Veranstaltung]
owner: Redaktion
start: {start}
end: {end}
place: {place}
organiser: Start gGmbH
speakers: [{{name: Hans-Ullrich Krause, organisation: IGfH}}]
status: {status}
---
"""

OVERVIEW = "# Veranstaltungen\n\n<!-- portal:events -->\n"


def html(site: Path, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / path).read_text(encoding="utf-8"))


def words(node: object) -> str:
    """The text of a node as readers see it: whitespace collapsed."""
    return " ".join(node.text().split())  # type: ignore[attr-defined]


def parsed(site: Path, path: str) -> icalendar.Calendar:
    return parse((site / path).read_bytes())


def build_events(tmp_path: Path, events: dict[str, str], *, today: str) -> BuildResult:
    pages = {
        "index.md": page("Start", "# Start"),
        "index.en.md": page("Home", "# Home"),
        "veranstaltungen/index.md": page("Veranstaltungen", OVERVIEW),
        "veranstaltungen/index.en.md": page(
            "Events", OVERVIEW.replace("Veranstaltungen", "Events")
        ),
        **events,
    }
    config = write_site(tmp_path, pages)
    return build(config, env={"PORTAL_BUILD_DATE": today})


def test_future_and_undated_events_after_one_build(tmp_path: Path) -> None:
    events = {
        "veranstaltungen/2030-03-05-fachtag.md": EVENT.format(
            title="Fachtag 2030",
            start="2030-03-05T09:30:00+01:00",
            end="2030-03-05T16:00:00+01:00",
            place="Güstrow",
            status="geplant",
        )
        + "# Fachtag 2030\n",
        "veranstaltungen/2016-07-13-forum.md": EVENT.format(
            title="Forum 2016",
            start="2016-07-13",
            end="2016-07-13",
            place="Güstrow",
            status="dokumentiert",
        )
        + "# Forum 2016\n",
        "veranstaltungen/herbsttreffen.md": EVENT.format(
            title="Herbsttreffen", start="null", end="null", place="null", status="geplant"
        )
        + "# Herbsttreffen\n",
    }
    result = build_events(tmp_path, events, today="2026-11-28")
    assert result.ok, result.log
    site = result.site_dir

    overview = html(site, "veranstaltungen/index.html")
    upcoming = overview.css_first("#bevorstehende-veranstaltungen + ul")
    assert [words(item) for item in upcoming.css("li")] == [
        "05.03.2030, 09:30–16:00 Uhr, Güstrow: Fachtag 2030 (geplant)",
        "Termin folgt: Herbsttreffen (geplant)",
    ]
    assert overview.css_first("#2016 + ul li a").attributes["href"] == "2016-07-13-forum/"
    english = html(site, "en/veranstaltungen/index.html")
    assert (
        english.css_first("#upcoming-events + ul li")
        .text(strip=True)
        .startswith("5 March 2030, 09:30–16:00, Güstrow:")
    )

    # Calendar files: one per dated event and language, none without a date.
    calendars = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.ics"))
    assert calendars == [
        "en/kalender.ics",
        "en/veranstaltungen/2016-07-13-forum.ics",
        "en/veranstaltungen/2030-03-05-fachtag.ics",
        "kalender.ics",
        "veranstaltungen/2016-07-13-forum.ics",
        "veranstaltungen/2030-03-05-fachtag.ics",
    ]
    feed = parsed(site, "kalender.ics")
    starts = sorted(event.decoded("dtstart").isoformat() for event in feed.walk("VEVENT"))
    assert starts == ["2016-07-13", "2030-03-05T09:30:00+01:00"]
    assert [zone["tzid"] for zone in feed.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (fachtag,) = parsed(site, "veranstaltungen/2030-03-05-fachtag.ics").walk("VEVENT")
    assert str(fachtag["url"]) == "http://127.0.0.1:8000/veranstaltungen/2030-03-05-fachtag/"
    # Midnight of the build day in Berlin: two builds of one day are the same.
    stamp = datetime.datetime(2026, 11, 27, 23, 0, tzinfo=datetime.UTC)
    assert fachtag.decoded("dtstamp") == stamp

    # The page links its own calendar file; the undated one has no link.
    details = html(site, "veranstaltungen/2030-03-05-fachtag/index.html")
    link = details.css_first("a.portal-event__calendar")
    assert (link.text(), link.attributes["href"]) == (
        "In den Kalender",
        "../2030-03-05-fachtag.ics",
    )
    english_link = html(site, "en/veranstaltungen/2030-03-05-fachtag/index.html").css_first(
        "a.portal-event__calendar"
    )
    assert english_link.text() == "Add to calendar"
    undated = html(site, "veranstaltungen/herbsttreffen/index.html")
    assert undated.css_first("a.portal-event__calendar") is None
    facts = [node.text(strip=True) for node in undated.css(".portal-event__facts > div")]
    assert facts[:2] == ["DatumTermin folgt", "Ortnicht überliefert"]

    # One build later, in 2031, the same event is past, and its status
    # "geplant" is a finding: strict mode fails once the pages are written.
    later = build(tmp_path / "mkdocs.yml", env={"PORTAL_BUILD_DATE": "2031-01-01"})
    assert not later.ok
    assert any(
        line.startswith("docs/veranstaltungen/2030-03-05-fachtag.md:13: Der Status „geplant“")
        for line in later.warnings()
    )
    past = html(later.site_dir, "veranstaltungen/index.html")
    assert words(past.css_first("#2030 + ul li")).endswith("Fachtag 2030")


def test_past_event_still_planned_fails_the_strict_build(tmp_path: Path) -> None:
    events = {
        "veranstaltungen/2016-07-13-forum.md": EVENT.format(
            title="Forum 2016",
            start="2016-07-13",
            end="2016-07-13",
            place="Güstrow",
            status="geplant",
        )
        + "# Forum 2016\n",
    }
    result = build_events(tmp_path, events, today="2026-11-28")
    assert not result.ok
    assert (
        "docs/veranstaltungen/2016-07-13-forum.md:13: Der Status „geplant“ kündigt etwas an, "
        "aber der letzte Termin (13.07.2016) ist vorbei — setzen Sie „status: dokumentiert“ "
        "(oder „Stand unbekannt“, wenn nicht überliefert ist, ob es stattfand) oder tragen "
        "Sie den neuen Termin ein."
    ) in result.warnings()


def test_portal_events_are_past_on_the_site_and_in_the_feed(portal_site: Path) -> None:
    overview = html(portal_site, "veranstaltungen/index.html")
    past = [item.text(strip=True) for item in overview.css("#vergangene-veranstaltungen ~ ul li")]
    assert past == [
        "07.12.2017, Güstrow:Reflektierende Abschlussveranstaltung",
        "13.07.2016, Güstrow:1. landesweites Qualitätsforum",
        "27.01.2015, Neubrandenburg:Landesweite Auftaktveranstaltung",
    ]
    for language in ("", "en/"):
        feed = parsed(portal_site, f"{language}kalender.ics")
        days = sorted(event.decoded("dtstart") for event in feed.walk("VEVENT"))
        assert days == [
            datetime.date(2015, 1, 27),
            datetime.date(2016, 7, 13),
            datetime.date(2017, 12, 7),
        ]
    for path in sorted(portal_site.rglob("*.ics")):
        parsed(portal_site, path.relative_to(portal_site).as_posix())
    trainings = html(portal_site, "fortbildungen/index.html").text()
    assert "Termin folgt" not in trainings
    assert "Stand unbekannt" in trainings


def test_scaffolded_event_is_upcoming_on_the_start_page_and_in_the_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = {
        "index.md": page("Start", "# Start\n\n<!-- portal:news -->"),
        "index.en.md": page("Home", "# Home\n\n<!-- portal:news -->"),
        "veranstaltungen/index.md": page("Veranstaltungen", OVERVIEW),
    }
    nav = "  - index.md\n  - Veranstaltungen:\n      - veranstaltungen/index.md"
    config = write_site(tmp_path, pages, nav=nav, not_in_nav=FURNISHED_NOT_IN_NAV)
    monkeypatch.chdir(tmp_path)
    argv = ["new", "event", "--titel", "Fachtag 2030", "--beginn", "2030-06-12"]
    argv += ["--beschreibung", "Ein landesweiter Fachtag.", "--veranstalter", "Start gGmbH"]
    assert main(argv) == 0
    assert "      - veranstaltungen/2030-06-12-fachtag-2030.md\n" in config.read_text("utf-8")

    result = build(config, env={"PORTAL_BUILD_DATE": "2026-11-28"})
    assert result.ok, result.log
    site = result.site_dir
    upcoming = html(site, "veranstaltungen/index.html").css_first(
        "#bevorstehende-veranstaltungen + ul"
    )
    assert words(upcoming) == "12.06.2030: Fachtag 2030 (geplant)"
    news = html(site, "index.html").css_first(".portal-news__item")
    assert words(news).startswith("12.06.2030 · Veranstaltung Fachtag 2030")
    assert news.css_first("a").attributes["href"] == "veranstaltungen/2030-06-12-fachtag-2030/"
    english = html(site, "en/index.html").css_first(".portal-news__item a")
    assert english.attributes["hreflang"] == "de"  # no English page yet
    (event,) = parsed(site, "kalender.ics").walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2030, 6, 12)
    assert str(event["uid"]) == "veranstaltungen/2030-06-12-fachtag-2030-1@wissensportal-hpv-mv"
