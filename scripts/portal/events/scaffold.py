"""New event and training pages with valid front matter (``python -m portal new event``).

The functions write one German Markdown file below ``docs/`` and never
replace an existing one. Unknown facts stay empty (``null``, ``[]``): the
page then says „nicht überliefert“ or „Termin folgt“ instead of a made-up
value. The front matter is written with python-frontmatter and checked
against its schema before the file is written.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter

from portal.events.model import TIMEZONE, Moment
from portal.metadata.parse import to_json
from portal.metadata.schemas import validator

EVENT_FOLDER = "veranstaltungen"
TRAINING_FOLDER = "fortbildungen"
TRAINING_STATUSES = ("geplant", "Anmeldung offen", "ausgebucht", "abgeschlossen", "Stand unbekannt")


class ScaffoldError(Exception):
    """The page cannot be created as asked; the message is one German sentence."""


@dataclass(frozen=True)
class Created:
    path: Path
    src_uri: str


def create_event(
    docs_dir: Path,
    *,
    title: str,
    description: str,
    start: Moment | None,
    end: Moment | None = None,
    place: str | None = None,
    organiser: str,
    speakers: Sequence[tuple[str, str | None]] = (),
    status: str = "geplant",
    audience: Sequence[str] = ("Leitung",),
) -> Created:
    """Write ``veranstaltungen/<JJJJ-MM-TT>-<titel>.md`` (without a date: ``<titel>.md``)."""
    metadata: dict[str, Any] = {
        "title": title,
        "description": description,
        "type": "event",
        "audience": list(audience),
        "tags": ["Veranstaltung"],
        "owner": "Redaktion",
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
    day = _day(start)
    name = f"{day.isoformat()}-{slugify(title)}" if day else slugify(title)
    body = (
        f"# {title}\n\n"
        "## Worum geht es?\n\n"
        "Beschreiben Sie hier in zwei, drei Sätzen, worum es geht und für wen.\n"
    )
    return _write(docs_dir, f"{EVENT_FOLDER}/{name}.md", metadata, body, page_type="event")


def create_training(
    docs_dir: Path,
    *,
    title: str,
    description: str,
    status: str,
    dates: Sequence[tuple[Moment, Moment | None]] = (),
    registration: str | None = None,
    place: str | None = None,
    target_group: str | None = None,
    audience: Sequence[str] = ("neue Fachkräfte",),
) -> Created:
    """Write ``fortbildungen/<titel>.md``."""
    metadata: dict[str, Any] = {
        "title": title,
        "description": description,
        "type": "training",
        "audience": list(audience),
        "tags": ["Fortbildung"],
        "owner": "Redaktion",
        "status": status,
        "dates": [
            {"start": _value(start), "end": _value(end if end is not None else start)}
            for start, end in dates
        ],
        "registration": registration,
        "place": place,
    }
    if target_group:
        metadata["target_group"] = target_group
    body = (
        f"# {title}\n\n"
        "## Was lernen Sie?\n\n"
        "Beschreiben Sie hier Inhalte und Ziele der Fortbildung.\n"
    )
    name = slugify(title)
    return _write(docs_dir, f"{TRAINING_FOLDER}/{name}.md", metadata, body, page_type="training")


def parse_moment(text: str) -> Moment:
    """``2030-03-05`` (a day) or ``2030-03-05 09:30`` (Berlin time) as the editor types it."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return datetime.date.fromisoformat(text)
        moment = datetime.datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError as error:
        raise ScaffoldError(
            f"„{text}“ ist kein Datum: schreiben Sie JJJJ-MM-TT oder JJJJ-MM-TT HH:MM."
        ) from error
    # A time typed without a zone is Berlin time, summer or winter as the day has it.
    return moment if moment.tzinfo else moment.replace(tzinfo=TIMEZONE)


def slugify(title: str) -> str:
    """A file name from a title: ``Fachtag Übergänge`` → ``fachtag-uebergaenge``."""
    text = title.casefold()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60].strip("-") or "seite"


# Helper functions


def _write(
    docs_dir: Path, src_uri: str, metadata: dict[str, Any], body: str, *, page_type: str
) -> Created:
    target = docs_dir / src_uri
    if target.exists():
        raise ScaffoldError(
            f"docs/{src_uri} gibt es schon: wählen Sie einen anderen Titel "
            "oder bearbeiten Sie die vorhandene Seite."
        )
    errors = sorted(
        validator(page_type).iter_errors(_json(metadata)), key=lambda error: error.json_path
    )
    if errors:
        # Rather no page than one the build rejects.
        raise ScaffoldError(
            f"Die Angaben passen nicht zum Schema ({errors[0].json_path}: {errors[0].message})."
        )
    post = frontmatter.Post(body, **metadata)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = frontmatter.dumps(post, sort_keys=False) + "\n"
    # "x" refuses to replace a file that appeared since the check above.
    with target.open("x", encoding="utf-8") as file:
        file.write(text)
    return Created(target, src_uri)


def _value(moment: Moment | None) -> Any:
    if isinstance(moment, datetime.datetime):
        # As editors write it: ISO with the offset of that day (+01:00 / +02:00).
        return moment.astimezone(TIMEZONE).isoformat()
    return moment


def _day(moment: Moment | None) -> datetime.date | None:
    if isinstance(moment, datetime.datetime):
        return moment.astimezone(TIMEZONE).date()
    return moment


def _json(metadata: dict[str, Any]) -> dict[str, Any]:
    return dict(to_json(metadata))
