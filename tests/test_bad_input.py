"""Bad input never crashes the build: each mistake is one finding at the line where it starts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sitebuilder import build, page, write_site

PAGE_WITH_UMLAUT = page("Ärger", "# Ärger\n\nÜber Gespräche.")
UNCLOSED_QUOTE = (
    '---\ntitle: "Nicht geschlossen\ndescription: Eine Seite.\ntype: page\n'
    "audience: [Redaktion]\ntags: []\nowner: Redaktion\n---\n\n# A\n"
)


def _write(name: str, data: bytes) -> Callable[[Path], None]:
    def write(docs: Path) -> None:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_bytes(data)

    return write


CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "latin-1": (
        _write("a.md", PAGE_WITH_UMLAUT.encode("latin-1")),
        "docs/a.md:2:8: Die Datei ist nicht als UTF-8 gespeichert (Byte 0xC4 ist kein UTF-8, "
        "vermutlich ein Umlaut in Windows-1252 oder Latin-1) — speichern Sie die Datei mit der "
        "Kodierung „UTF-8“ (im Editor z. B. über „Speichern unter“ → Kodierung) und prüfen "
        "Sie dann die Umlaute.",
    ),
    "windows-1252": (
        # The first byte that is no UTF-8: the „ü“ of „für“ in the front matter.
        _write("a.md", page("A", "# A\n\n„Zitat“ – mit Gedankenstrich.").encode("cp1252")),
        "docs/a.md:3:30: Die Datei ist nicht als UTF-8 gespeichert (Byte 0xFC ist kein UTF-8, "
        "vermutlich ein Umlaut in Windows-1252 oder Latin-1) — speichern Sie die Datei mit der "
        "Kodierung „UTF-8“ (im Editor z. B. über „Speichern unter“ → Kodierung) und prüfen "
        "Sie dann die Umlaute.",
    ),
    "byte order mark": (
        _write("a.md", b"\xef\xbb\xbf" + page("A", "# A").encode()),
        "docs/a.md:1: Die Datei beginnt mit einer unsichtbaren Byte-Order-Markierung (BOM) — "
        "speichern Sie die Datei als „UTF-8“ ohne BOM (im Editor unter Kodierung).",
    ),
    "empty file": (
        _write("a.md", b""),
        "docs/a.md:1: Die Datei ist leer — schreiben Sie Kopfdaten und Text hinein oder "
        "löschen Sie die Datei.",
    ),
    "front matter not closed": (
        _write("a.md", b"---\ntitle: A\ndescription: Eine Seite.\ntype: page\n\n# A\n"),
        "docs/a.md:1: Die Kopfdaten beginnen mit „---“, werden aber nie mit einer Zeile „---“ "
        "geschlossen — fügen Sie nach dem letzten Feld eine Zeile mit genau drei Bindestrichen "
        "„---“ ein.",
    ),
    "quote not closed": (
        _write("a.md", UNCLOSED_QUOTE.encode()),
        "docs/a.md:2:8: Kopfdaten sind kein gültiges YAML (ein Anführungszeichen wird nicht "
        "geschlossen) — prüfen Sie Einrückung und Doppelpunkte in dieser Zeile; Werte mit „:“, "
        "„#“ oder am Anfang mit „*“, „[“ oder „{“ gehören in Anführungszeichen.",
    ),
    "glossary not valid YAML": (
        _write("glossar/abkuerzungen.yml", b'- abbr: HPG\n  term: "offen\n'),
        "docs/glossar/abkuerzungen.yml:2:9: Die Datei ist kein gültiges YAML (ein "
        "Anführungszeichen wird nicht geschlossen) — prüfen Sie Einrückung, Bindestriche und "
        "Doppelpunkte in dieser Zeile.",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_is_one_finding_not_a_traceback(tmp_path: Path, case: str) -> None:
    spoil, expected = CASES[case]
    config = write_site(tmp_path, {"index.md": page("Start", "# Start"), "a.md": page("A", "# A")})
    spoil(tmp_path / "docs")
    result = build(config)
    assert not result.ok
    assert "Traceback" not in result.log
    assert result.findings(under="docs/") == [expected]


def test_one_broken_file_hides_nothing_else(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {"index.md": page("Start", "# Start"), "a.md": page("A", "# A"), "b.md": page("B", "# B")},
    )
    CASES["latin-1"][0](tmp_path / "docs")
    (tmp_path / "docs" / "b.md").write_text(UNCLOSED_QUOTE, encoding="utf-8")
    result = build(config)
    assert [finding.split(":", 1)[0] for finding in result.findings(under="docs/")] == [
        "docs/a.md",
        "docs/b.md",
    ]
