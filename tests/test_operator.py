"""Operator details: a warning while unset, a failure when required, blocks when set,
and the footer naming the operator."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from portal.deployment import is_public_address
from portal.operator import missing_finding, missing_operator_fields
from portal.site.config import load_site_config
from sitebuilder import MKDOCS_YML, build, page, write_site

ADDRESS = {
    "name": "Beispielstelle",
    "street": "Musterweg 1",
    "postcode": "12345",
    "city": "Musterort",
    "email": "portal@example.org",
    "represented_by": "die Leitung",
    "responsible": "die Redaktion",
}
COMPLETE: dict[str, str | int] = {
    **ADDRESS,
    "data_protection_officer": "datenschutz@example.org",
    "log_retention_days": 7,
    "accessibility_contact": "Barrieren <barrierefrei@example.org>",
}
BODY = """\
# {title}

<!-- portal:operator -->

<!-- portal:operator:data-protection-officer -->

<!-- portal:operator:log-retention -->

<!-- portal:operator:accessibility-contact -->
"""


def test_missing_fields_are_named_in_order() -> None:
    assert missing_operator_fields({}) == list(COMPLETE)
    assert missing_operator_fields({**COMPLETE, "city": "  "}) == ["city"]
    assert missing_operator_fields(None) == list(COMPLETE)
    assert missing_operator_fields(COMPLETE) == []
    assert missing_operator_fields(ADDRESS, fields=tuple(ADDRESS)) == []


def test_log_retention_is_a_number_of_days() -> None:
    for value in ("", "7 Tage", -1, True, None):
        retention = {**COMPLETE, "log_retention_days": value}
        assert missing_operator_fields(retention) == ["log_retention_days"], value
    assert missing_operator_fields({**COMPLETE, "log_retention_days": 0}) == []


def test_message_names_the_field_and_the_fix() -> None:
    assert str(missing_finding(["email", "log_retention_days"], path="mkdocs.yml", line=93)) == (
        "mkdocs.yml:93: Betreiberangaben fehlen: extra.operator.email (E-Mail-Adresse), "
        "extra.operator.log_retention_days (Speicherdauer der Server-Protokolle in Tagen) — "
        "tragen Sie sie vor der Veröffentlichung ein; bis dahin zeigen Impressum, "
        "Datenschutz, Barrierefreiheit und Kontakt einen Hinweis."
    )


def _legal_site(tmp_path: Path, operator: dict[str, str | int], body: str = BODY) -> Path:
    yaml_operator = "".join(f"    {key}: {value!r}\n" for key, value in operator.items())
    return write_site(
        tmp_path,
        {
            "index.md": page("Impressum", body.format(title="Impressum")),
            "index.en.md": page("Legal notice", body.format(title="Legal notice")),
        },
        extra_config=f"extra:\n  operator:\n{yaml_operator}" if operator else "",
    )


def test_unset_operator_warns_once_and_shows_a_notice(tmp_path: Path) -> None:
    result = build(_legal_site(tmp_path, {}))
    assert result.ok, result.log
    # The tiny site inherits `extra` from the portal's mkdocs.yml: the
    # message points at the line there.
    line = load_site_config(MKDOCS_YML).line_of("extra", "operator")
    expected = missing_finding(list(COMPLETE), path=MKDOCS_YML.as_posix(), line=line)
    assert [w for w in result.warnings() if "Betreiberangaben" in w] == [str(expected)]
    german = LexborHTMLParser((result.site_dir / "index.html").read_text(encoding="utf-8"))
    pending = [" ".join(n.text().split()) for n in german.css(".portal-operator-missing p")]
    assert pending == [
        "Angaben folgen",
        "Name, Anschrift und Kontakt der betreibenden Stelle werden vor der Veröffentlichung "
        "des Portals eingetragen. Bis dahin kann diese Seite sie nicht nennen.",
        "Angaben folgen",
        "Die Kontaktdaten der*des behördlichen Datenschutzbeauftragten trägt die "
        "betreibende Stelle vor der Veröffentlichung hier ein.",
        "Angaben folgen",
        "Wie lange der Webserver die Zugriffsprotokolle aufbewahrt, trägt die betreibende "
        "Stelle vor der Veröffentlichung hier ein.",
        "Angaben folgen",
        "Die Kontaktstelle für Meldungen zu Barrieren trägt die betreibende Stelle vor der "
        "Veröffentlichung hier ein.",
    ]
    english = (result.site_dir / "en" / "index.html").read_text(encoding="utf-8")
    assert english.count("Details pending") == 4
    # The footer names no rights holder while the operator is unknown.
    footer = german.css_first(".md-copyright__highlight").text(strip=True)
    assert footer == "Wissensportal Hilfeplanverfahren M-V"


def test_required_operator_fails_the_build(tmp_path: Path) -> None:
    result = build(_legal_site(tmp_path, {}), env={"PORTAL_REQUIRE_OPERATOR": "true"})
    assert not result.ok
    assert "Betreiberangaben fehlen" in result.log


def test_complete_operator_is_rendered_as_address(tmp_path: Path) -> None:
    release = {"PORTAL_REQUIRE_OPERATOR": "true", "PORTAL_SITE_URL": "https://portal.example.de/"}
    config = _legal_site(tmp_path, COMPLETE)
    # A release build also requires the newsletter's mailing list.
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "extra:\n",
            "extra:\n  newsletter:\n"
            "    subscribe_email: join@lists.example.org\n"
            "    unsubscribe_email: leave@lists.example.org\n",
            1,
        ),
        encoding="utf-8",
    )
    result = build(config, env=release)
    assert result.ok, result.log
    assert not [w for w in result.warnings() if "Betreiberangaben" in w]
    tree = LexborHTMLParser((result.site_dir / "index.html").read_text(encoding="utf-8"))
    address = tree.css_first("address.portal-operator")
    assert address is not None
    assert "Musterweg 1" in address.text()
    assert tree.css_first(".portal-operator-missing") is None
    details = [" ".join(n.html.split()) for n in tree.css(".portal-operator-detail")]
    assert details == [
        '<p class="portal-operator-detail"><a href="mailto:datenschutz@example.org">'
        "datenschutz@example.org</a></p>",
        '<p class="portal-operator-detail">Die Zugriffsprotokolle werden nach 7 Tagen '
        "gelöscht.</p>",
        '<p class="portal-operator-detail">Barrieren &lt;barrierefrei@example.org&gt;</p>',
    ]
    english = LexborHTMLParser((result.site_dir / "en/index.html").read_text(encoding="utf-8"))
    retention = english.css(".portal-operator-detail")[1].text()
    assert retention == "The access logs are deleted after 7 days."
    assert tree.css_first(".md-copyright__highlight").text(strip=True) == "© Beispielstelle"


def test_no_access_logs_is_said_plainly(tmp_path: Path) -> None:
    config = _legal_site(tmp_path, {**COMPLETE, "log_retention_days": 0})
    result = build(config)
    assert result.ok, result.log
    tree = LexborHTMLParser((result.site_dir / "index.html").read_text(encoding="utf-8"))
    assert tree.css(".portal-operator-detail")[1].text() == (
        "Der Webserver dieses Portals führt keine Zugriffsprotokolle."
    )


def test_unknown_marker_is_a_finding(tmp_path: Path) -> None:
    body = "# {title}\n\nText.\n\n<!-- portal:operator:fax -->\n"
    result = build(_legal_site(tmp_path, COMPLETE, body=body))
    assert not result.ok
    expected = (
        "docs/index.md:14: unbekannte Betreiberangabe „<!-- portal:operator:fax -->“ "
        "— schreiben Sie eine der Marken <!-- portal:operator -->, "
        "<!-- portal:operator:data-protection-officer -->, <!-- portal:operator:log-retention "
        "-->, <!-- portal:operator:accessibility-contact -->."
    )
    assert expected in result.warnings()


def test_release_build_needs_the_public_address(tmp_path: Path) -> None:
    config = _legal_site(tmp_path, {})
    preview = build(config)
    assert preview.ok, preview.log
    assert not [w for w in preview.warnings() if "öffentliche Adresse" in w]
    release = build(config, env={"PORTAL_REQUIRE_OPERATOR": "true"})
    assert not release.ok
    line = load_site_config(MKDOCS_YML).line_of("site_url")
    assert (
        f"{MKDOCS_YML.as_posix()}:{line}: Die öffentliche Adresse des Portals fehlt: site_url ist "
        in release.log
    )
    public = build(
        config,
        env={"PORTAL_REQUIRE_OPERATOR": "true", "PORTAL_SITE_URL": "https://portal.example.de/"},
    )
    assert "öffentliche Adresse" not in public.log


def test_public_address_is_https_on_another_host() -> None:
    assert is_public_address("https://portal.example.de/")
    assert not is_public_address("http://portal.example.de/")
    assert not is_public_address("https://127.0.0.1:8000/")
    assert not is_public_address("")
