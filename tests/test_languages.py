"""One language model: files, sources, translations and URLs; a third language is config only."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from portal.languages import Language, Languages, languages_from_i18n
from sitebuilder import FURNISHED_NOT_IN_NAV, LANGUAGES, MKDOCS_YML, build, page, write_site

THREE = Languages(
    (
        Language("de", "Deutsch", True),
        Language("en", "English", False),
        Language("fr", "Français", False),
    )
)


def test_portal_languages_come_from_mkdocs_yml() -> None:
    assert LANGUAGES.codes == ("de", "en")
    assert LANGUAGES.default.prefix == ""
    assert LANGUAGES.get("en").prefix == "en/"


def test_sources_translations_and_urls() -> None:
    assert THREE.of_source("a/b.fr.md").code == "fr"
    assert THREE.of_source("a/b.md").code == "de"
    assert THREE.of_source("a/b.es.md").code == "de"  # not a built language: a German page
    assert THREE.default_source("a/index.en.md") == "a/index.md"
    assert THREE.translation("a/b.md", "fr") == "a/b.fr.md"
    assert THREE.translation("a/b.en.md", "de") == "a/b.md"
    assert THREE.url("a/b.md", "fr") == "fr/a/b/"
    assert THREE.url("a/index.en.md", "de") == "a/"
    assert THREE.dest_path("index.md", "en") == "en/index.html"
    assert THREE.of_url("/fr/a/b/").code == "fr"
    assert THREE.strip_prefix("en/a/b/") == "a/b/"


def test_default_language_comes_first_whatever_the_order() -> None:
    languages = languages_from_i18n(
        [
            {"locale": "en", "name": "English"},
            {"locale": "de", "name": "Deutsch", "default": True},
            {"locale": "fr", "name": "Français", "build": False},
        ]
    )
    assert languages.codes == ("de", "en")


I18N_THREE = """\
plugins:
  - search:
      lang: de
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
        - {locale: de, default: true, name: Deutsch, build: true}
        - {locale: en, name: English, build: true}
        - {locale: fr, name: Français, build: true}
"""


def test_a_third_language_is_a_change_to_mkdocs_yml_alone(tmp_path: Path) -> None:
    pages = {
        "index.md": page("Start", "# Start\n\n[Seite](seite.md)"),
        "index.en.md": page("Home", "# Home\n\n[Page](seite.md){ hreflang=de }"),
        "index.fr.md": page("Accueil", "# Accueil\n\n[Page](seite.md)"),
        "seite.md": page("Seite", "# Seite"),
        "seite.fr.md": page("Page", "# Page"),
    }
    for name in ("impressum", "datenschutz", "barrierefreiheit", "kontakt"):
        pages[f"{name}.fr.md"] = page(name.title(), f"# {name.title()}")
    config = write_site(
        tmp_path,
        pages,
        extra_config=I18N_THREE,
        nav="  - index.md\n  - seite.md",
        not_in_nav=FURNISHED_NOT_IN_NAV,
    )
    result = build(config)
    assert result.ok, result.log
    site = result.site_dir
    assert '<html lang="fr"' in (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "# Page" not in (site / "fr" / "seite" / "index.html").read_text(encoding="utf-8")
    # English has no translation of the page: the German one stands in.
    assert (site / "en" / "seite" / "index.html").is_file()
    assert (site / "fr" / "search" / "search_index.json").is_file()
    assert (site / "fr" / "404.html").is_file()


def test_two_builds_in_one_process_give_the_same_site(tmp_path: Path) -> None:
    # `mkdocs serve` rebuilds in one process, and MkDocs 1.6 imports each hook
    # once: state a hook keeps must not leak from one build into the next.
    script = textwrap.dedent(
        f"""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config
        for target in ("first", "second"):
            site_dir = {str(tmp_path)!r} + "/" + target
            build(load_config(config_file={str(MKDOCS_YML)!r}, site_dir=site_dir))
        """
    )
    subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, cwd=MKDOCS_YML.parent
    )
    first, second = tmp_path / "first", tmp_path / "second"
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    # The sitemap's gzip header carries the time it was written.
    different = [
        str(name)
        for name in files
        if name.suffix != ".gz" and (first / name).read_bytes() != (second / name).read_bytes()
    ]
    assert different == []
