"""``python -m portal move``: a page renamed with its translation, links, nav and redirects."""

from __future__ import annotations

import difflib
import re
import textwrap
from pathlib import Path

import pytest

from golden import Golden
from portal.cli import main
from portal.move.config_edit import edit_config
from portal.move.front_matter import restamp, rewrite_related
from portal.move.links import rewrite_links
from portal.project import find_project
from portal.site.config import load_site_config
from portal.translations import bytes_digest, source_digest
from portal.translations.stamp import stamp
from sitebuilder import FURNISHED_NOT_IN_NAV, build, page, write_site

NAV = textwrap.dedent(
    """\
      - Start: index.md
      - Einarbeitung:
          - einarbeitung/index.md
          - Phasen: einarbeitung/phasen.md  # die Phasen der Einarbeitung
      - Mentoring:
          - mentoring/index.md
    """
).rstrip()

PAGES = {
    "index.md": page(
        "Start",
        """
        # Start

        Die [Phasen](einarbeitung/phasen.md) und [die erste Woche](einarbeitung/phasen.md#woche-1)
        sind beschrieben, auch [als Verweis][phasen]. Der [Überblick](einarbeitung/index.md)
        bleibt, wo er ist.

        Als Beispiel, kein Link: `[Phasen](einarbeitung/phasen.md)`.

        ```markdown
        [Phasen](einarbeitung/phasen.md)
        ```

        [phasen]: einarbeitung/phasen.md#woche-2
        """,
    ),
    "index.en.md": page(
        "Home",
        """
        # Home

        The [phases](einarbeitung/phasen.md) and [week 1](einarbeitung/phasen.md#week-1).
        """,
    ),
    "einarbeitung/index.md": page(
        "Einarbeitung",
        """
        # Einarbeitung

        [Phasen](phasen.md), [Woche 1](./phasen.md#woche-1).
        """,
    ),
    "einarbeitung/index.en.md": page("Onboarding", "# Onboarding\n\n[Phases](phasen.md)."),
    "einarbeitung/phasen.md": page(
        "Phasen",
        """
        # Phasen

        Zurück zum [Überblick](index.md) oder zum [Start](../index.md).

        ![Logo](../assets/logo.svg)

        ## Woche 1

        Siehe [Woche 2](#woche-2) und [noch einmal Woche 1](phasen.md#woche-1).

        ## Woche 2

        Text.
        """,
    ),
    "einarbeitung/phasen.en.md": page(
        "Phases",
        """
        # Phases

        Back to the [overview](index.md) or [home](../index.md).

        ## Week 1

        Text.

        ## Week 2

        Text.
        """,
    ),
    "mentoring/index.md": page(
        "Mentoring", "# Mentoring\n\nWie die [Phasen](../einarbeitung/phasen.md) zeigen …"
    ),
}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_site(tmp_path, PAGES, nav=NAV, not_in_nav=FURNISHED_NOT_IN_NAV)
    # Two translations are up to date (einarbeitung/index.en.md is not): the
    # move keeps them so, although their sources' links change.
    for source in ("docs/index.md", "docs/einarbeitung/phasen.md"):
        stamp(find_project(tmp_path), source)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def sources(root: Path) -> dict[str, bytes]:
    """Every file of the checkout but the built site, with its bytes."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.relative_to(root).as_posix().startswith("site/")
    }


def changes(before: dict[str, bytes], after: dict[str, bytes], moved: dict[str, str]) -> str:
    """The changed Markdown files as unified diffs: a moved file against its old self."""
    texts = []
    renamed = {new: old for old, new in moved.items()}
    for path in sorted(set(before) | set(after)):
        if not path.endswith(".md") or path in moved:
            continue
        old_path = renamed.get(path, path)
        old = before.get(old_path, b"").decode("utf-8").splitlines()
        new = after.get(path, b"").decode("utf-8").splitlines()
        texts += difflib.unified_diff(old, new, old_path, path, lineterm="", n=1)
    return "\n".join(texts) + "\n"


def test_move_renames_page_and_translation_and_rewrites_every_link(
    site: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    before = sources(site)
    code, out, err = run(["move", "einarbeitung/phasen.md", "mentoring/ablauf.md"], capsys)
    assert (code, err) == (0, "")
    after = sources(site)
    moved = {
        "docs/einarbeitung/phasen.md": "docs/mentoring/ablauf.md",
        "docs/einarbeitung/phasen.en.md": "docs/mentoring/ablauf.en.md",
    }
    assert not set(moved) & set(after)
    for source, translation in (
        ("index.md", "index.en.md"),
        ("mentoring/ablauf.md", "mentoring/ablauf.en.md"),
    ):
        digest = source_digest(site / "docs" / source)
        assert f"translated_from: {digest}\n" in (site / "docs" / translation).read_text("utf-8")
    # The test site's mkdocs.yml lists the portal's hooks: its line numbers
    # move with every new hook (they are checked in the next test).
    shown = re.sub(r"mkdocs\.yml, Zeile \d+", "mkdocs.yml, Zeile N", out)
    golden(
        "cli/move_site.txt",
        f"$ portal move einarbeitung/phasen.md mentoring/ablauf.md\n{shown}\n"
        + changes(before, after, moved),
    )


def test_move_edits_nav_and_redirects_in_place(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["move", "docs/einarbeitung/phasen.md", "docs/mentoring/ablauf.md"], capsys)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    lines = config.splitlines()
    nav_line = lines.index("    - Phasen: mentoring/ablauf.md  # die Phasen der Einarbeitung") + 1
    redirect_line = next(
        number
        for number, line in enumerate(lines, start=1)
        if "einarbeitung/phasen.md: mentoring/ablauf.md" in line
    )
    assert f"Navigation: mkdocs.yml, Zeile {nav_line}\n" in out
    assert (
        "Weiterleitung einarbeitung/phasen.md: mentoring/ablauf.md: "
        f"mkdocs.yml, Zeile {redirect_line}\n"
    ) in out
    assert "\n    - Phasen: mentoring/ablauf.md  # die Phasen der Einarbeitung\n" in config
    assert "phasen" not in config.split("\nnav:\n", 1)[1].split("\nplugins:", 1)[0]
    plugins = load_site_config(site / "mkdocs.yml").data["plugins"]
    redirects = next(plugin["redirects"] for plugin in plugins if "redirects" in plugin)
    assert redirects == {"redirect_maps": {"einarbeitung/phasen.md": "mentoring/ablauf.md"}}


def test_paths_below_docs_are_accepted_from_inside_docs(
    site: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(site / "docs" / "einarbeitung")
    code, out, err = run(["move", "phasen.md", "ablauf"], capsys)
    assert (code, err) == (0, "")
    assert out.startswith(
        "Verschoben:\n"
        "  docs/einarbeitung/phasen.md → docs/einarbeitung/ablauf.md\n"
        "  docs/einarbeitung/phasen.en.md → docs/einarbeitung/ablauf.en.md\n"
    )


REFUSALS = {
    "target exists": (
        ["einarbeitung/phasen.md", "mentoring/index.md"],
        "Die Datei docs/mentoring/index.md gibt es schon — wählen Sie einen anderen Namen oder "
        "führen Sie die Seiten von Hand zusammen; verschoben wurde nichts.",
    ),
    "translation target exists": (
        ["einarbeitung/phasen.md", "einarbeitung/index.md"],
        "Die Datei docs/einarbeitung/index.md gibt es schon — wählen Sie einen anderen Namen "
        "oder führen Sie die Seiten von Hand zusammen; verschoben wurde nichts.",
    ),
    "same address": (
        ["einarbeitung/phasen.md", "mentoring.md"],
        "Unter der Adresse /mentoring/ steht schon die Seite docs/mentoring/index.md — wählen "
        "Sie einen anderen Namen; verschoben wurde nichts.",
    ),
    "source missing": (
        ["einarbeitung/phase.md", "einarbeitung/ablauf.md"],
        "Die Seite docs/einarbeitung/phase.md gibt es nicht — prüfen Sie den Pfad (relativ zu "
        "docs/ oder zum Ordner des Portals); verschoben wurde nichts.",
    ),
    "bad name": (
        ["einarbeitung/phasen.md", "einarbeitung/Übersicht Phasen.md"],
        "Der Dateiname „Übersicht Phasen“ enthält Großbuchstaben, Leerzeichen, Umlaute oder "
        "Sonderzeichen und wird so Teil der Adresse — wählen Sie einen Namen aus "
        "Kleinbuchstaben, Ziffern und Bindestrichen, z. B. „einarbeitung/uebersicht-phasen.md“; "
        "verschoben wurde nichts.",
    ),
    "translation named": (
        ["einarbeitung/phasen.en.md", "einarbeitung/ablauf.en.md"],
        "„einarbeitung/phasen.en.md“ ist eine Übersetzung — geben Sie die deutsche Datei an "
        "(einarbeitung/phasen.md); ihre Übersetzungen ziehen mit um. Verschoben wurde nichts.",
    ),
    "not a page": (
        ["assets/logo.svg", "assets/marke.svg"],
        "„assets/logo.svg“ ist keine Seite — geben Sie die Markdown-Datei an, z. B. "
        "einarbeitung/phasen.md (relativ zu docs/); verschoben wurde nichts.",
    ),
    "outside docs": (
        ["einarbeitung/phasen.md", "../phasen.md"],
        "„../phasen.md“ liegt nicht unter docs/ — Seiten werden nur innerhalb von docs/ "
        "verschoben; verschoben wurde nichts.",
    ),
    "unchanged": (
        ["einarbeitung/phasen.md", "docs/einarbeitung/phasen.md"],
        "Alter und neuer Name sind gleich („einarbeitung/phasen.md“) — verschoben wurde nichts.",
    ),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_refusals_say_why_and_change_nothing(
    case: str, site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv, message = REFUSALS[case]
    before = sources(site)
    code, out, err = run(["move", *argv], capsys)
    assert (code, out, err) == (1, "", message + "\n")
    assert sources(site) == before


def test_a_redirect_address_is_not_a_free_name(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["move", "einarbeitung/phasen.md", "einarbeitung/ablauf.md"], capsys)
    before = sources(site)
    code, out, err = run(["move", "mentoring/index.md", "einarbeitung/phasen.md"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "„einarbeitung/phasen.md“ ist in mkdocs.yml unter redirect_maps die alte Adresse einer "
        "Weiterleitung — löschen Sie den Eintrag zuerst oder wählen Sie einen anderen Namen; "
        "verschoben wurde nichts.\n"
    )
    assert sources(site) == before


def test_moved_site_builds_strictly_and_old_addresses_redirect(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run(["move", "einarbeitung/phasen.md", "mentoring/ablauf.md"], capsys)
    assert code == 0
    result = build(site / "mkdocs.yml")
    assert result.ok, result.log
    assert result.findings() == []
    built = result.site_dir
    german = (built / "einarbeitung/phasen/index.html").read_text(encoding="utf-8")
    assert 'url=../../mentoring/ablauf/"' in german
    assert "Woche 1" in (built / "mentoring/ablauf/index.html").read_text(encoding="utf-8")
    english = (built / "en/einarbeitung/phasen/index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in english
    assert '<meta http-equiv="refresh" content="0; url=../../mentoring/ablauf/">' in english
    assert '<a href="../../mentoring/ablauf/">go to its new address</a>' in english
    assert "<script" not in english
    assert "Week 1" in (built / "en/mentoring/ablauf/index.html").read_text(encoding="utf-8")


# The parts on their own


def test_links_in_code_html_and_other_sites_are_handled_as_written() -> None:
    text = (
        '<a href="phasen.md#woche-1">Phasen</a> [Mail](mailto:a@b.de) [Web](https://x.de/phasen.md)'
        " [Phasen](<phasen.md>) `[Code](phasen.md)` [Andere](abschluss.md)\n"
        "~~~\n[Phasen](phasen.md)\n~~~\n"
    )
    result = rewrite_links(
        text,
        src_uri="einarbeitung/index.md",
        new_src_uri="einarbeitung/index.md",
        moves={"einarbeitung/phasen.md": "einarbeitung/ablauf.md"},
    )
    assert result.text == (
        '<a href="ablauf.md#woche-1">Phasen</a> [Mail](mailto:a@b.de) [Web](https://x.de/phasen.md)'
        " [Phasen](<ablauf.md>) `[Code](phasen.md)` [Andere](abschluss.md)\n"
        "~~~\n[Phasen](phasen.md)\n~~~\n"
    )
    assert result.links == 2


BLOCK_CONFIG = """\
# Kommentar oben
nav:
  - Start: index.md
  - alt.md   # bleibt kommentiert
plugins:
  - search
  - redirects:
      redirect_maps:
        # Frühere Umzüge
        ganz-alt.md: alt.md
        anderes.md: 'alt.md#abschnitt'
  - i18n:
      docs_structure: suffix
"""


def test_block_style_config_keeps_comments_and_gets_one_line(tmp_path: Path) -> None:
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(BLOCK_CONFIG, encoding="utf-8")
    edits = edit_config(
        load_site_config(config_file),
        old="alt.md",
        new="neu/seite.md",
        shown={config_file: "mkdocs.yml"},
    )
    assert edits.texts[config_file] == BLOCK_CONFIG.replace(
        "  - alt.md   #", "  - neu/seite.md   #"
    ).replace("ganz-alt.md: alt.md\n", "ganz-alt.md: neu/seite.md\n").replace(
        "anderes.md: 'alt.md#abschnitt'\n",
        "anderes.md: 'neu/seite.md#abschnitt'\n        alt.md: neu/seite.md\n",
    )
    assert edits.done == [
        "Navigation: mkdocs.yml, Zeile 4",
        "Weiterleitung von ganz-alt.md führt jetzt auf neu/seite.md: mkdocs.yml, Zeile 10",
        "Weiterleitung von anderes.md führt jetzt auf neu/seite.md: mkdocs.yml, Zeile 11",
        "Weiterleitung alt.md: neu/seite.md: mkdocs.yml, Zeile 12",
    ]
    assert edits.todo == []


def test_related_paths_in_front_matter_follow_the_page() -> None:
    text = (
        "---\ntitle: Leitfaden\nrelated: [einarbeitung/phasen.md, mentoring/index.md]\n"
        "see:\n  - einarbeitung/phasen.md\nalso:\nrelated_more: x\n---\n\neinarbeitung/phasen.md\n"
    )
    block = "---\nrelated:\n  - einarbeitung/phasen.md\n  - einarbeitung/phasen.md.bak\n---\n"
    moves = {"einarbeitung/phasen.md": "mentoring/ablauf.md"}
    assert rewrite_related(text, moves=moves) == (
        text.replace("[einarbeitung/phasen.md,", "[mentoring/ablauf.md,"),
        1,
    )
    assert rewrite_related(block, moves=moves) == (
        "---\nrelated:\n  - mentoring/ablauf.md\n  - einarbeitung/phasen.md.bak\n---\n",
        1,
    )


def test_only_an_up_to_date_translation_is_restamped() -> None:
    old, new = "# Phasen\n[a](x.md)\n", "# Phasen\n[a](y.md)\n"
    current = f"---\ntitle: Phases\ntranslated_from: {bytes_digest(old.encode())}\n---\n# Phases\n"
    outdated = "---\ntitle: Phases\ntranslated_from: 0123456789ab\n---\n# Phases\n"
    assert restamp(current, old_source=old, new_source=new) == current.replace(
        bytes_digest(old.encode()), bytes_digest(new.encode())
    )
    assert restamp(outdated, old_source=old, new_source=new) is None
    assert restamp("---\ntitle: Phases\n---\n", old_source=old, new_source=new) is None
