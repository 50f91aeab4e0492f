"""The site model: mkdocs.yml read once into typed settings, docs/ walked once."""

from __future__ import annotations

import textwrap
from pathlib import Path

from portal.findings import Finding
from portal.project import find_project
from portal.site.config import load_site_config
from portal.site.model import load_site
from portal.site.settings import read_settings

PARENT = """\
site_name: Eltern
site_url: !ENV [PORTAL_SITE_URL, "http://127.0.0.1:8000/"]
edit_uri: https://git.example.org/amt/portal/-/edit/main/docs
extra:
  require_operator: !ENV [PORTAL_REQUIRE_OPERATOR, false]
  operator:
    name: ""
    log_retention_days: 7
plugins:
  - redirects:
      redirect_maps:
        alt.md: neu.md
"""


def write(root: Path, name: str, text: str) -> Path:
    path = root / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_env_values_are_resolved_and_typed_as_mkdocs_does(tmp_path: Path) -> None:
    config = load_site_config(write(tmp_path, "mkdocs.yml", PARENT))
    settings, findings = read_settings(config, environ={})
    assert findings == []
    assert settings.site_url == "http://127.0.0.1:8000/"
    assert settings.extra["require_operator"] is False
    assert settings.require_operator is False
    assert settings.operator["log_retention_days"] == 7
    # MkDocs ends the edit address with a slash before anyone reads it.
    assert settings.edit_uri == "https://git.example.org/amt/portal/-/edit/main/docs/"
    assert dict(settings.redirects) == {"alt.md": "neu.md"}
    release, _ = read_settings(
        config,
        environ={
            "PORTAL_SITE_URL": "https://portal.example.de/",
            "PORTAL_REQUIRE_OPERATOR": "true",
        },
    )
    assert release.site_url == "https://portal.example.de/"
    assert release.require_operator is True


def test_an_inheriting_file_is_merged_key_by_key(tmp_path: Path) -> None:
    write(tmp_path, "eltern.yml", PARENT)
    child = write(
        tmp_path,
        "mkdocs.yml",
        """\
        INHERIT: eltern.yml
        site_name: Kind
        extra:
          operator:
            name: Jugendamt Beispielkreis
        """,
    )
    settings, _ = read_settings(load_site_config(child), environ={"PORTAL_REQUIRE_OPERATOR": "1"})
    assert settings.site_name == "Kind"
    # The parent's other settings stay, as MkDocs merges mappings.
    assert settings.require_operator is True
    assert dict(settings.operator) == {"name": "Jugendamt Beispielkreis", "log_retention_days": 7}


def test_a_setting_of_the_wrong_shape_is_a_finding_at_its_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "mkdocs.yml",
        """\
        site_name: Portal
        extra:
          operator:
            name:
              - Jugendamt
        """,
    )
    _, findings = read_settings(load_site_config(path), environ={})
    assert findings == [
        Finding(
            "mkdocs.yml",
            4,
            "extra.operator.name hat einen ungültigen Wert (['Jugendamt'])",
            'tragen Sie einen Text oder eine Zahl (oder "", solange die Angabe fehlt), keine '
            "Liste und keine eingerückten Felder ein.",
        )
    ]


def test_the_site_walks_docs_once_and_knows_what_no_build_publishes(tmp_path: Path) -> None:
    write(tmp_path, "mkdocs.yml", PARENT + "exclude_docs: |\n  /entwurf.md\n")
    docs = tmp_path / "docs"
    (docs / "bilder").mkdir(parents=True)
    for name in ("index.md", "index.en.md", "entwurf.md", ".versteckt.md", "bilder/logo.svg"):
        (docs / name).write_text("# Seite\n", encoding="utf-8")
    project = find_project(tmp_path)
    site = load_site(project, environ={})
    assert site.files == (
        ".versteckt.md",
        "bilder/logo.svg",
        "entwurf.md",
        "index.en.md",
        "index.md",
    )
    assert site.excluded == (".versteckt.md", "entwurf.md")
    assert site.source("index.md").path == "docs/index.md"
    # The configuration read when the checkout was found is the one the site uses.
    assert (
        site.config is find_project(tmp_path).config or site.config.path == tmp_path / "mkdocs.yml"
    )
