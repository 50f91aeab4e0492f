"""``python -m portal new``: pages from templates, in the nav, never over an existing file."""

from __future__ import annotations

from pathlib import Path

import pytest
from clisite import write_checkout

from golden import Golden
from portal.cli import main
from portal.commands.new import KINDS
from portal.metadata import check_docs
from portal.project import find_project
from portal.scaffold.nav import add_to_nav
from portal.translations import source_digest

GUIDE_ARGS = [
    "--titel",
    "Phase 6: Nachbereitung",
    "--beschreibung",
    "Was nach der Einarbeitung bleibt.",
    "--zielgruppe",
    "neue Fachkräfte",
    "--zielgruppe",
    "Mentor*innen",
    "--schlagwort",
    "Einarbeitung",
    "--stand",
    "2026-11-28",
]


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_checkout(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def no_findings(root: Path) -> list[str]:
    project = find_project(root)
    result = check_docs(project.docs_dir, project_root=root, languages=project.languages)
    return [str(finding) for finding in result.findings]


def test_new_guide_chapter_is_valid_and_in_the_nav(
    checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    code, out, err = run(["new", "guide", "einarbeitung/nachbereitung", *GUIDE_ARGS], capsys)
    assert (code, err) == (0, "")
    created = checkout / "docs/einarbeitung/nachbereitung.md"
    config = (checkout / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(config, 1) if "einarbeitung/nachbereitung.md" in text)
    # The nav line moves with the number of the portal's hooks (see clisite).
    shown = out.replace(f"mkdocs.yml, Zeile {line} ", "mkdocs.yml, Zeile NAV ")
    golden("cli/new_guide.txt", shown + created.read_text(encoding="utf-8"))
    nav = (checkout / "mkdocs.yml").read_text(encoding="utf-8")
    assert (
        "    - einarbeitung/orientierung.md\n    - einarbeitung/nachbereitung.md\n"
        "- Newsletter:\n" in nav
    )
    assert no_findings(checkout) == []


def test_new_never_overwrites(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = checkout / "docs/einarbeitung/orientierung.md"
    before = existing.read_text(encoding="utf-8")
    code, out, err = run(["new", "guide", "einarbeitung/orientierung.md", *GUIDE_ARGS], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "docs/einarbeitung/orientierung.md gibt es schon — nichts überschrieben. Wählen Sie "
        "einen anderen Dateinamen oder ändern Sie die vorhandene Seite.\n"
    )
    assert existing.read_text(encoding="utf-8") == before


def test_new_page_in_the_wrong_folder_is_refused(
    checkout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["new", "guide", "publikationen/bericht.md", *GUIDE_ARGS], capsys)
    assert (code, out) == (1, "")
    assert err == (
        "docs/publikationen/bericht.md nicht angelegt: Seitentyp „guide“ passt nicht an diese "
        "Stelle (Ordner publikationen/) — schreiben Sie „type: publication“ (erlaubt: "
        "publication) oder legen Sie die Seite in den passenden Ordner.\n"
    )
    assert not (checkout / "docs/publikationen/bericht.md").exists()


def test_new_publication_and_page(
    checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    code, out, err = run(
        [
            "new",
            "publication",
            "docs/publikationen/abschlussbericht.md",
            "--titel",
            "Abschlussbericht",
            "--beschreibung",
            "Der Bericht zum Ende des Projekts.",
            "--zielgruppe",
            "Leitung",
            "--art",
            "Ergebnisbericht",
            "--status",
            "nicht verfügbar",
            "--verwandt",
            "einarbeitung/index.md",
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    text = (checkout / "docs/publikationen/abschlussbericht.md").read_text(encoding="utf-8")
    golden("cli/new_publication.txt", out + text)
    code, out, err = run(
        [
            "new",
            "page",
            "neu.md",
            "--titel",
            "Neu",
            "--beschreibung",
            "Neu.",
            "--zielgruppe",
            "Leitung",
        ],
        capsys,
    )
    assert (code, err) == (0, "")
    assert no_findings(checkout) == []


def test_new_translation_records_its_source(
    checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    code, out, err = run(["new", "translation", "einarbeitung/orientierung.md"], capsys)
    assert (code, err) == (0, "")
    translation = checkout / "docs/einarbeitung/orientierung.en.md"
    text = translation.read_text(encoding="utf-8")
    digest = source_digest(checkout / "docs/einarbeitung/orientierung.md")
    assert f"\ntranslated_from: {digest}\n" in text
    assert "review:" not in text  # a review belongs to the text someone read
    golden("cli/new_translation.txt", out + text.replace(digest, "HASH"))
    assert no_findings(checkout) == []
    code, out, err = run(["new", "translation", "einarbeitung/orientierung.md"], capsys)
    assert code == 1
    assert err.startswith("docs/einarbeitung/orientierung.en.md gibt es schon — nichts")


def test_pages_left_out_of_the_nav_are_not_entered(checkout: Path) -> None:
    before = (checkout / "mkdocs.yml").read_text(encoding="utf-8")
    message = add_to_nav(find_project(checkout), "newsletter/ausgaben/2016-03.md")
    assert message == (
        "Die Seite gehört bewusst nicht in die Navigation (not_in_nav in mkdocs.yml): "
        "verlinken Sie sie auf der Übersichtsseite docs/newsletter/index.md."
    )
    assert (checkout / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_help_lists_every_kind(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["new", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for name, kind in KINDS.items():
        assert f"{name} {' '.join(kind.help.split())}" in out


def test_help_and_parser_errors_are_german(
    checkout: Path, capsys: pytest.CaptureFixture[str], golden: Golden
) -> None:
    texts = []
    calls = (["new", "guide", "--help"], ["new", "guide"], ["new", "page", "x", "--titel"])
    for argv in calls:
        with pytest.raises(SystemExit) as stop:
            main(argv)
        captured = capsys.readouterr()
        texts.append(
            f"$ portal {' '.join(argv)}  → {stop.value.code}\n{captured.out}{captured.err}"
        )
    golden("cli/new_help.txt", "\n".join(texts))
