"""Redaktionshandbuch: generated from one source each, reachable from the footer only."""

from __future__ import annotations

import inspect
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from golden import Golden
from portal.handbook import messages as catalogue
from portal.handbook.reference import MATERIAL_FIELDS, reference_markdown
from portal.links import messages as link_messages
from portal.metadata import messages as metadata_messages
from portal.metadata.schemas import TYPES, raw_schemas


def test_reference_is_generated_from_every_schema(golden: Golden) -> None:
    text = reference_markdown()
    for page_type in TYPES:
        assert f"## `type: {page_type}`" in text
        for field in raw_schemas()[f"{page_type}.schema.json"]["properties"]:
            if field not in MATERIAL_FIELDS:
                assert f"| `{field}` |" in text, (page_type, field)
    golden("handbook_kopfdaten.md", text)


def test_every_message_has_an_example() -> None:
    source = inspect.getsource(catalogue)
    for module, prefix in ((metadata_messages, "meta."), (link_messages, "link.")):
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            if name in {"quote", "field_label", "json_type_name", "listing", "german_date"}:
                continue  # helpers that word parts of messages
            assert f"{prefix}{name}(" in source, name
    groups = catalogue.catalogue()
    assert all(findings for _, findings in groups)


def test_handbook_is_in_the_footer_not_in_the_nav(portal_site: Path) -> None:
    for prefix, label in [("", "Redaktionshandbuch"), ("en/", "Editors’ handbook (German)")]:
        tree = LexborHTMLParser((portal_site / prefix / "index.html").read_text(encoding="utf-8"))
        link = tree.css_first(".portal-editors a")
        assert link is not None
        assert link.text(strip=True) == label
        assert link.attributes["hreflang"] == "de"
        nav = " ".join(a.attributes.get("href") or "" for a in tree.css(".md-nav a, .md-tabs a"))
        assert "redaktion/" not in nav


def test_handbook_pages_carry_the_generated_parts(portal_site: Path) -> None:
    reference = (portal_site / "redaktion/kopfdaten/index.html").read_text(encoding="utf-8")
    assert "portal:frontmatter-reference" not in reference
    assert "<code>translated_from</code>" in reference
    report = (portal_site / "redaktion/uebersetzungen/index.html").read_text(encoding="utf-8")
    assert "Stand der Übersetzung nicht erfasst" in report
    assert "portal:translations" not in report
    messages = (portal_site / "redaktion/meldungen/index.html").read_text(encoding="utf-8")
    assert "meinten Sie „orientierung.md“?" in messages
