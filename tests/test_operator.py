"""Operator details: a warning while unset, a failure when required, a block when set."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from portal.operator import describe_missing, missing_operator_fields
from sitebuilder import build, page, write_site

COMPLETE = {
    "name": "Beispielstelle",
    "street": "Musterweg 1",
    "postcode": "12345",
    "city": "Musterort",
    "email": "portal@example.org",
    "represented_by": "die Leitung",
    "responsible": "die Redaktion",
}


def test_missing_fields_are_named_in_order() -> None:
    assert missing_operator_fields({}) == list(COMPLETE)
    assert missing_operator_fields({**COMPLETE, "city": "  "}) == ["city"]
    assert missing_operator_fields(None) == list(COMPLETE)
    assert missing_operator_fields(COMPLETE) == []


def test_message_names_the_field_and_the_fix() -> None:
    assert describe_missing(["email"]) == (
        "mkdocs.yml: Betreiberangaben fehlen: extra.operator.email (E-Mail-Adresse) — "
        "tragen Sie sie vor der Veröffentlichung ein; bis dahin zeigen Impressum und "
        "Kontakt einen Hinweis."
    )


def _legal_site(tmp_path: Path, operator: dict[str, str]) -> Path:
    yaml_operator = "".join(f"    {key}: {value}\n" for key, value in operator.items())
    return write_site(
        tmp_path,
        {
            "index.md": page("Impressum", "# Impressum\n\n<!-- portal:operator -->"),
            "index.en.md": page("Legal notice", "# Legal notice\n\n<!-- portal:operator -->"),
        },
        extra_config=f"extra:\n  operator:\n{yaml_operator}" if operator else "",
    )


def test_unset_operator_warns_once_and_shows_a_notice(tmp_path: Path) -> None:
    result = build(_legal_site(tmp_path, {}))
    assert result.ok, result.log
    assert [w for w in result.warnings() if "Betreiberangaben" in w] == [
        describe_missing(list(COMPLETE))
    ]
    german = (result.site_dir / "index.html").read_text(encoding="utf-8")
    english = (result.site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert "Angaben folgen" in german
    assert "Details pending" in english


def test_required_operator_fails_the_build(tmp_path: Path) -> None:
    result = build(_legal_site(tmp_path, {}), env={"PORTAL_REQUIRE_OPERATOR": "true"})
    assert not result.ok
    assert "Betreiberangaben fehlen" in result.log


def test_complete_operator_is_rendered_as_address(tmp_path: Path) -> None:
    result = build(_legal_site(tmp_path, COMPLETE), env={"PORTAL_REQUIRE_OPERATOR": "true"})
    assert result.ok, result.log
    assert not [w for w in result.warnings() if "Betreiberangaben" in w]
    tree = LexborHTMLParser((result.site_dir / "index.html").read_text(encoding="utf-8"))
    address = tree.css_first("address.portal-operator")
    assert address is not None
    assert "Musterweg 1" in address.text()
