"""Whatever an editor types, the checker answers with findings, never a crash."""

from __future__ import annotations

import datetime
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from portal.findings import Finding
from portal.metadata.check import check_page
from portal.metadata.parse import to_json
from portal.metadata.schemas import TYPES, quick_check, validator
from portal.sources import parse_source
from sitebuilder import LANGUAGES

PATH = "docs/veranstaltungen/zufall.md"
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FIELDS = [
    "title", "description", "type", "audience", "tags", "owner", "updated", "review",
    "start", "end", "place", "organiser", "speakers",
    "status", "dates", "registration", "number", "date", "kind", "year", "related", "period",
    "level", "hide", "unbekannt",
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates(min_value=datetime.date(1900, 1, 1)),
    st.sampled_from(TYPES),
    st.sampled_from(["Leitung", "Redaktion", "2016-07-13", "2016-13-45", "2016-07-13T10:00"]),
)
values: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["start", "end", "name", "date", "by", "scope", "due", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


def run(front_matter: str) -> tuple[Finding, ...]:
    source = parse_source(f"---\n{front_matter}\n---\n# Text\n", path=PATH)
    _, findings = check_page(source, src_uri="veranstaltungen/zufall.md", languages=LANGUAGES)
    return findings


def assert_well_formed(findings: tuple[Finding, ...], *, lines: int) -> None:
    for finding in findings:
        assert finding.path == PATH
        assert str(finding).startswith(f"{PATH}:")
        assert 1 <= finding.line <= lines + 2, finding
        assert " — " in str(finding)


@SETTINGS
@given(st.text(max_size=200))
@example("{\x85")  # YAML breaks the line at NEL; the editor does not
def test_random_text_never_crashes(text: str) -> None:
    findings = run(text)
    assert_well_formed(findings, lines=text.count("\n") + text.count("\r") + 1)


@SETTINGS
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=12))
def test_random_values_never_crash(data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    findings = run(text)
    assert_well_formed(findings, lines=text.count("\n") + 1)


@SETTINGS
@given(
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=12),
    # Not "type": it is set to "event" below, so that the event schema applies.
    st.sampled_from([field for field in FIELDS if field != "type"]),
)
@example({"description": "\x85"}, "tags")
def test_a_wrong_field_is_reported_at_its_own_line(data: dict[str, Any], broken: str) -> None:
    # A value no schema allows anywhere: the finding must point at that key.
    data = {**data, "type": "event", broken: {"x": {"x": None}}}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    # Lines as editors count them: str.splitlines() would also break at NEL
    # and U+2028, which editors show inside a line.
    line = 2 + text.split("\n").index(f"{broken}:")
    findings = run(text)
    assert any(finding.line == line for finding in findings), (text, findings)


# One valid front matter per page type; the test below changes one field.
VALID: dict[str, dict[str, Any]] = {
    "page": {},
    "guide": {
        "updated": "2026-11-20",
        "review": {
            "date": "2026-11-20",
            "by": "Redaktion",
            "scope": "Rechtsstand",
            "interval_months": 12,
        },
    },
    "event": {
        "start": "2016-07-13",
        "end": "2016-07-13T16:00:00+02:00",
        "place": "Güstrow",
        "organiser": "Start gGmbH",
        "speakers": [{"name": "Petra Beispiel", "organisation": "Start gGmbH"}],
        "status": "dokumentiert",
    },
    "training": {"status": "geplant", "dates": [], "registration": None, "place": None},
    "newsletter": {"number": 3, "date": "2016-03-01"},
    "publication": {
        "kind": "Leitfaden",
        "year": 2017,
        "status": "veröffentlicht",
        "related": ["einarbeitung/index.md"],
    },
    "project": {"period": {"start": 2015, "end": 2017}, "level": "Landesebene"},
}
COMMON = {
    "title": "Ein Titel",
    "description": "Ein Satz.",
    "audience": ["Leitung"],
    "tags": [],
    "owner": "Redaktion",
}


@SETTINGS
@given(st.sampled_from(TYPES), st.sampled_from(FIELDS), values)
def test_quick_check_and_full_validation_agree(page_type: str, field: str, value: Any) -> None:
    # The quick check may only let through what the full validation lets
    # through: else a page with a wrong value would pass without a finding.
    instance = to_json({**COMMON, "type": page_type, **VALID[page_type], field: value})
    full = not list(validator(page_type).iter_errors(instance))
    assert quick_check(page_type)(instance) == full, instance


def test_quick_check_passes_the_valid_examples() -> None:
    for page_type in TYPES:
        instance = to_json({**COMMON, "type": page_type, **VALID[page_type]})
        assert quick_check(page_type)(instance), page_type
        assert not list(validator(page_type).iter_errors(instance)), page_type
