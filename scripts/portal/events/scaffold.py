"""New event and training pages: ``python -m portal new event`` and ``new training``.

The kinds are registered in ``portal.commands.new``; pages are written by
``portal.scaffold.files.write_page`` (python-frontmatter, checked like the
build, never over an existing file) and entered into the nav. Unknown facts
stay empty (``null``, ``[]``): the page then says „nicht überliefert“ or
„Termin folgt“ instead of a made-up value, so the options for them are optional.
"""

from __future__ import annotations

import argparse
import datetime
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from portal.clock import TIMEZONE
from portal.events.model import Moment
from portal.metadata.schemas import common_vocabulary, raw_schemas
from portal.project import Project
from portal.scaffold.files import ScaffoldError, common_metadata, slug, src_uri_of, write_page
from portal.scaffold.nav import add_to_nav

EVENT_FOLDER = "veranstaltungen"
TRAINING_FOLDER = "fortbildungen"

_BODY_HINT = (
    "<!-- Schreiben Sie hier, worum es geht und für wen. Termin, Ort, Veranstalter, "
    "Referent*innen und Programm zeigt die Seite aus den Kopfdaten. -->"
)

# Commands


def event_arguments(parser: argparse.ArgumentParser) -> None:
    _page_arguments(parser, folder=EVENT_FOLDER, audience="Leitung", tag="Veranstaltung")
    parser.add_argument(
        "--beginn",
        type=_moment_option,
        default=None,
        metavar="DATUM",
        help="Beginn: JJJJ-MM-TT oder „JJJJ-MM-TT HH:MM“ (Uhrzeit in Deutschland); "
        "weglassen, solange der Termin nicht feststeht („Termin folgt“)",
    )
    parser.add_argument(
        "--ende",
        type=_moment_option,
        default=None,
        metavar="DATUM",
        help="Ende, wie --beginn (Standard: am Tag des Beginns)",
    )
    parser.add_argument("--ort", default=None, help="Ort (weglassen, wenn er nicht bekannt ist)")
    parser.add_argument("--veranstalter", required=True, help="wer einlädt, z. B. Start gGmbH")
    parser.add_argument(
        "--referent",
        action="append",
        default=None,
        metavar="NAME[, ORGANISATION]",
        help="Referent*in, mit Komma die Organisation, z. B. „Hans-Ullrich Krause, IGfH“ "
        "(mehrfach möglich)",
    )
    statuses = _enum("event", "status")
    parser.add_argument(
        "--status",
        default="geplant",
        choices=statuses,
        metavar="STATUS",
        help="Stand der Veranstaltung: " + ", ".join(statuses) + " (Standard: geplant)",
    )


def training_arguments(parser: argparse.ArgumentParser) -> None:
    _page_arguments(parser, folder=TRAINING_FOLDER, audience="neue Fachkräfte", tag="Fortbildung")
    statuses = _enum("training", "status")
    parser.add_argument(
        "--status",
        required=True,
        choices=statuses,
        metavar="STATUS",
        help="Stand der Fortbildung: " + ", ".join(statuses),
    )
    parser.add_argument(
        "--termin",
        action="append",
        type=_span_option,
        default=None,
        metavar="BEGINN[/ENDE]",
        help="ein Termin, z. B. 2030-03-05 oder „2030-03-05 09:00/2030-03-05 16:00“ "
        "(mehrfach möglich; ohne Termin zeigt die Seite „Termin folgt“)",
    )
    parser.add_argument(
        "--anmeldung",
        default=None,
        metavar="ADRESSE",
        help="Anmeldung als https://… oder mailto:… (weglassen, wenn es keine gibt)",
    )
    parser.add_argument("--ort", default=None, help="Ort (weglassen, wenn er nicht bekannt ist)")
    parser.add_argument(
        "--fuer",
        default=None,
        metavar="TEXT",
        help="für wen die Fortbildung gedacht ist, ein Satz (erscheint als „Zielgruppe“)",
    )


def create_event(project: Project, args: argparse.Namespace) -> Path:
    metadata = common_metadata(project, _with_defaults(args), page_type="event")
    metadata.update(
        event_fields(
            start=args.beginn,
            end=args.ende,
            place=args.ort,
            organiser=args.veranstalter,
            speakers=[_speaker(text) for text in args.referent or []],
            status=args.status,
        )
    )
    name = event_file_name(args.titel, args.beginn)
    return _create(project, args, metadata, folder=EVENT_FOLDER, name=name)


def create_training(project: Project, args: argparse.Namespace) -> Path:
    metadata = common_metadata(project, _with_defaults(args), page_type="training")
    metadata.update(
        training_fields(
            status=args.status,
            dates=args.termin or [],
            registration=args.anmeldung,
            place=args.ort,
            target_group=args.fuer,
        )
    )
    return _create(project, args, metadata, folder=TRAINING_FOLDER, name=slug(args.titel))


# Front matter


def event_fields(
    *,
    start: Moment | None,
    end: Moment | None,
    place: str | None,
    organiser: str,
    speakers: Sequence[tuple[str, str | None]],
    status: str,
) -> dict[str, Any]:
    """The event's own fields, in the order of the schema."""
    return {
        "start": _value(start),
        "end": _value(end if end is not None else start),
        "place": place,
        "organiser": organiser,
        "speakers": [
            {"name": name, **({"organisation": organisation} if organisation else {})}
            for name, organisation in speakers
        ],
        "status": status,
    }


def training_fields(
    *,
    status: str,
    dates: Sequence[tuple[Moment, Moment | None]],
    registration: str | None,
    place: str | None,
    target_group: str | None,
) -> dict[str, Any]:
    """The training's own fields, in the order of the schema."""
    fields: dict[str, Any] = {
        "status": status,
        "dates": [
            {"start": _value(start), "end": _value(end if end is not None else start)}
            for start, end in dates
        ],
        "registration": registration,
        "place": place,
    }
    if target_group:
        fields["target_group"] = target_group
    return fields


def event_file_name(title: str, start: Moment | None) -> str:
    """``2030-03-05-fachtag-uebergaenge``: the date first, so the folder lists in order."""
    day = start.astimezone(TIMEZONE).date() if isinstance(start, datetime.datetime) else start
    return f"{day.isoformat()}-{slug(title)}" if day else slug(title)


def parse_moment(text: str) -> Moment:
    """``2030-03-05`` (a day) or ``2030-03-05 09:30`` (time in Germany) as an editor types it."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        moment = datetime.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError as error:
        raise ScaffoldError(
            f"„{text}“ ist kein Datum — schreiben Sie JJJJ-MM-TT oder „JJJJ-MM-TT HH:MM“."
        ) from error
    # A time typed without a zone is the time in Germany, summer or winter as the day has it.
    return moment if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)


# Helper functions


def _page_arguments(
    parser: argparse.ArgumentParser, *, folder: str, audience: str, tag: str
) -> None:
    # The options of every new page (portal.scaffold.files), with defaults
    # that fit the kind, and the file name made from date and title.
    parser.add_argument(
        "pfad",
        metavar="PFAD",
        nargs="?",
        default=None,
        help=f"Datei unter docs/ (Standard: {folder}/ mit Datum und Titel im Namen)",
    )
    parser.add_argument("--titel", required=True, help="Titel der Seite")
    parser.add_argument(
        "--beschreibung", required=True, help="ein Satz: worum es geht (Suche, Übersichten)"
    )
    audiences = common_vocabulary("audienceValue")
    parser.add_argument(
        "--zielgruppe",
        action="append",
        default=None,
        choices=audiences,
        metavar="ZIELGRUPPE",
        help=f"für wen die Seite ist (mehrfach möglich; Standard: {audience}): "
        + ", ".join(audiences),
    )
    tags = common_vocabulary("tag")
    parser.add_argument(
        "--schlagwort",
        action="append",
        default=None,
        choices=tags,
        metavar="SCHLAGWORT",
        help=f"Schlagwort aus der Liste der Schemas (mehrfach möglich; Standard: {tag})",
    )
    parser.add_argument(
        "--verantwortlich",
        default=None,
        metavar="ROLLE",
        help="Rolle aus extra.roles in mkdocs.yml (Standard: die erste, meist Redaktion)",
    )
    parser.set_defaults(default_audience=audience, default_tag=tag)


def _create(
    project: Project, args: argparse.Namespace, metadata: dict[str, Any], *, folder: str, name: str
) -> Path:
    src_uri = src_uri_of(project, args.pfad) if args.pfad else f"{folder}/{name}.md"
    body = f"# {metadata['title']}\n\n{_BODY_HINT}\n"
    path = write_page(project, src_uri, metadata, body)
    print(add_to_nav(project, src_uri))
    return path


def _with_defaults(args: argparse.Namespace) -> argparse.Namespace:
    # `append` options keep a list default forever: the kind's default is set here.
    return argparse.Namespace(
        **{
            **vars(args),
            "zielgruppe": args.zielgruppe or [args.default_audience],
            "schlagwort": args.schlagwort or [args.default_tag],
        }
    )


def _enum(page_type: str, field: str) -> list[str]:
    return [
        str(value)
        for value in raw_schemas()[f"{page_type}.schema.json"]["properties"][field]["enum"]
    ]


def _moment_option(text: str) -> Moment:
    try:
        return parse_moment(text)
    except ScaffoldError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _span_option(text: str) -> tuple[Moment, Moment | None]:
    start, _, end = text.partition("/")
    return _moment_option(start), _moment_option(end) if end.strip() else None


def _speaker(text: str) -> tuple[str, str | None]:
    name, _, organisation = text.partition(",")
    return name.strip(), organisation.strip() or None


def _value(moment: Moment | None) -> Any:
    if isinstance(moment, datetime.datetime):
        # As editors write it: ISO with the offset of that day (+01:00 / +02:00).
        return moment.astimezone(TIMEZONE).isoformat()
    return moment
