"""Golden files: generated output compared, exactly, with a committed expected file.

The expected files live in ``tests/expected/``. After an intended change to
generated output, rewrite them all with

    .venv/bin/pytest --update-golden

and read the change with ``git diff tests/expected/`` before committing it
(see tests/README.md). Without the flag a difference fails the test and
shows the diff.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

EXPECTED_DIR = Path(__file__).resolve().parent / "expected"
UPDATE_FLAG = "--update-golden"
MAX_DIFF_LINES = 80


class Golden:
    """Compares generated text with ``tests/expected/<name>``, or rewrites it when asked."""

    def __init__(self, *, update: bool) -> None:
        self.update = update

    def __call__(self, name: str, actual: str) -> None:
        __tracebackhide__ = True  # pytest shows the caller's line and the diff, not this code
        path = EXPECTED_DIR / name
        if self.update:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.is_file() or path.read_text(encoding="utf-8") != actual:
                path.write_text(actual, encoding="utf-8")
            return
        assert path.is_file(), (
            f"{path} fehlt — erzeugen Sie die Datei mit `pytest {UPDATE_FLAG}` und prüfen Sie sie"
        )
        expected = path.read_text(encoding="utf-8")
        if actual != expected:
            diff = difflib.unified_diff(
                expected.splitlines(),
                actual.splitlines(),
                f"tests/expected/{name}",
                "erzeugt",
                lineterm="",
            )
            shown = "\n".join(list(diff)[:MAX_DIFF_LINES])
            raise AssertionError(
                f"Die Ausgabe weicht von tests/expected/{name} ab — ist die Änderung gewollt, "
                f"aktualisieren Sie mit `pytest {UPDATE_FLAG}`:\n{shown}"
            )


def html_fragment(page: Path, selector: str = "article") -> str:
    """The element's HTML as built, without the template's blank and trailing whitespace."""
    node = LexborHTMLParser(page.read_text(encoding="utf-8")).css_first(selector)
    assert node is not None, f"{page}: kein {selector}"
    lines = (line.rstrip() for line in (node.html or "").splitlines())
    return "\n".join(line for line in lines if line.strip()) + "\n"


def json_text(data: object) -> str:
    """JSON as a diffable text: indented, keys in their generated order, umlauts as they are."""
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def pages_fragments(site: Path, paths: list[str], selector: str = "article") -> str:
    """Several pages' fragments in one text, each headed by its path (one golden file)."""
    return "".join(f"<!-- {path} -->\n{html_fragment(site / path, selector)}" for path in paths)


def replace_port(text: str, server: str) -> str:
    """A local test server's address, which changes from run to run, as a fixed one."""
    return re.sub(re.escape(server), "http://127.0.0.1:PORT", text)
