"""The Gendersternchen stays a star; emphasis starts and ends at word edges."""

from __future__ import annotations

import re
from pathlib import Path

import markdown  # type: ignore[import-untyped]
import pytest
from selectolax.lexbor import LexborHTMLParser

from portal.emphasis import emphasis_problems
from sitebuilder import BuildResult, build, page, write_site

# The extensions of mkdocs.yml that touch inline text, the portal's first.
EXTENSIONS = ["portal.gender_star", "abbr", "attr_list", "tables", "md_in_html", "toc"]


def render(text: str, *, extensions: list[str] = EXTENSIONS) -> str:
    return str(markdown.markdown(text, extensions=extensions))


# The extension


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "Mentor*innen und Mentor*innen beraten.",
            "<p>Mentor*innen und Mentor*innen beraten.</p>",
            id="two-forms-in-one-paragraph",
        ),
        pytest.param(
            "**Mentor*innen** begleiten Kolleg*innen.",
            "<p><strong>Mentor*innen</strong> begleiten Kolleg*innen.</p>",
            id="bold-around-a-gender-form",
        ),
        pytest.param(
            "*Mentor*innen* und **Berufseinsteiger*innen**",
            "<p><em>Mentor*innen</em> und <strong>Berufseinsteiger*innen</strong></p>",
            id="emphasis-around-gender-forms",
        ),
        pytest.param(
            "Die Mentor*in ist *keine* Vorgesetzte der Berufseinsteiger*innen.",
            "<p>Die Mentor*in ist <em>keine</em> Vorgesetzte der Berufseinsteiger*innen.</p>",
            id="real-emphasis-between-gender-forms",
        ),
        pytest.param(
            "jede*r Mitarbeiter*in, ein*e Ärzt*in, des*der Bürger*in",
            "<p>jede*r Mitarbeiter*in, ein*e Ärzt*in, des*der Bürger*in</p>",
            id="short-endings-and-umlauts",
        ),
        pytest.param(
            "* Mentor*innen\n* **Kolleg*innen** im ASD\n* *Leitung*",
            "<ul>\n<li>Mentor*innen</li>\n<li><strong>Kolleg*innen</strong> im ASD</li>\n"
            "<li><em>Leitung</em></li>\n</ul>",
            id="list-items-starting-with-a-star",
        ),
        pytest.param(
            "[Mentor*innen](a.md) und Kolleg*innen",
            '<p><a href="a.md">Mentor*innen</a> und Kolleg*innen</p>',
            id="link-text",
        ),
        pytest.param(
            "`a*b*c` und Mentor*innen",
            "<p><code>a*b*c</code> und Mentor*innen</p>",
            id="code-span-untouched",
        ),
        pytest.param(
            "| Rolle | Wer |\n| --- | --- |\n| Mentor*in | Kolleg*innen |",
            "<table>\n<thead>\n<tr>\n<th>Rolle</th>\n<th>Wer</th>\n</tr>\n</thead>\n<tbody>\n"
            "<tr>\n<td>Mentor*in</td>\n<td>Kolleg*innen</td>\n</tr>\n</tbody>\n</table>",
            id="table-cells",
        ),
        pytest.param(
            "2 * 3 und 2*3 und *kursiv*",
            "<p>2 * 3 und 2*3 und <em>kursiv</em></p>",
            id="arithmetic-and-emphasis",
        ),
    ],
)
def test_gender_star_renders_as_a_star(source: str, expected: str) -> None:
    assert render(source) == expected
    assert emphasis_problems(render(source)) == []


def test_heading_keeps_the_star_and_a_clean_anchor() -> None:
    html = render("## Rolle der Mentor*innen")
    assert html == '<h2 id="rolle-der-mentorinnen">Rolle der Mentor*innen</h2>'


def test_site_registers_the_extension() -> None:
    # The extension works only where it is registered: in the site's config.
    config = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - portal.gender_star\n" in config


# The check over rendered HTML


def messages(html: str) -> list[str]:
    return [f"{problem.problem} — {problem.fix}" for problem in emphasis_problems(html)]


def test_check_catches_what_markdown_does_without_the_extension() -> None:
    html = render("Mentor*innen und Kolleg*innen", extensions=[])
    assert html == "<p>Mentor<em>innen und Kolleg</em>innen</p>"
    fix = (
        "die Markdown-Erweiterung portal.gender_star muss in mkdocs.yml unter "
        "markdown_extensions stehen; im Text ist nichts zu ändern."
    )
    assert messages(html) == [
        "Das Gendersternchen in „Mentor*innen“ wurde als Hervorhebung gelesen: "
        f"das Sternchen fehlt, Text ist kursiv oder fett — {fix}",
        "Das Gendersternchen in „Kolleg*innen“ wurde als Hervorhebung gelesen: "
        f"das Sternchen fehlt, Text ist kursiv oder fett — {fix}",
    ]


def test_check_catches_bold_that_breaks_without_the_extension() -> None:
    html = render("**Mentor*innen**", extensions=[])
    assert messages(html)[0].startswith("Das Gendersternchen in „Mentor*innen“")


def test_check_catches_emphasis_inside_a_word() -> None:
    assert messages("<p><strong>ASD</strong>s und Fach<em>kraft</em></p>") == [
        "Eine Hervorhebung endet mitten im Wort „ASDs“ — setzen Sie * und ** nur vor den "
        "Anfang und hinter das Ende ganzer Wörter.",
        "Eine Hervorhebung beginnt mitten im Wort „Fachkraft“ — setzen Sie * und ** nur vor "
        "den Anfang und hinter das Ende ganzer Wörter.",
    ]


def test_check_catches_a_star_left_at_a_word_edge() -> None:
    assert messages(render("**Mentor*innen und Kolleg*innen")) == [
        "Ein Sternchen steht als Zeichen im Text: „**Mentor*innen“ — schließen Sie jede "
        "Hervorhebung im selben Absatz (*…* oder **…**), ein Sternchen als Zeichen steht "
        "frei, mit Leerzeichen davor und danach."
    ]


def test_check_passes_emphasis_at_word_edges_and_code() -> None:
    html = (
        "<p><em>Wichtig</em>: die <strong>Mentor*innen</strong> (<em>nicht</em> die Leitung)."
        " <a href='x'>Link</a><em>,</em> 2 * 3</p><pre><code>a*b **c</code></pre>"
        "<p><code>Mentor**innen</code></p>"
    )
    assert messages(html) == []


def test_check_passes_emphasis_that_opens_a_source_line() -> None:
    # Markdown keeps the line break of the source before the emphasis; a
    # word before a line break still ends there.
    assert messages(render("Das Jugendamt ist dazu\n**berechtigt und verpflichtet**, wenn")) == []
    assert messages("<p>Fach\n<strong>kraft</strong></p>") == []
    assert messages("<p>Fach<strong>kraft</strong>\n</p>") != []


# The build


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("gender")
    body = """\
        # Mentoring

        Mentor*innen und Kolleg*innen beraten **Berufseinsteiger*innen**.

        - *Mentor*innen* begleiten, die Leitung *entscheidet*.
        - Das **ASD**s-Team berät.
        """
    config = write_site(root, {"index.md": page("Start", body)})
    # Strict mode stops the build only after the pages are written.
    return build(config)


def test_build_renders_gender_forms_and_reports_emphasis_in_a_word(
    tiny_build: BuildResult,
) -> None:
    assert tiny_build.findings() == [
        "docs/index.md:15: Eine Hervorhebung endet mitten im Wort „ASDs-Team“ — setzen Sie * und "
        "** nur vor den Anfang und hinter das Ende ganzer Wörter."
    ]


def test_build_keeps_every_star_of_the_page(tiny_build: BuildResult) -> None:
    tree = LexborHTMLParser((tiny_build.site_dir / "index.html").read_text(encoding="utf-8"))
    assert [node.html for node in tree.css("article > p, article > ul > li")] == [
        "<p>Mentor*innen und Kolleg*innen beraten <strong>Berufseinsteiger*innen</strong>.</p>",
        "<li><em>Mentor*innen</em> begleiten, die Leitung <em>entscheidet</em>.</li>",
        "<li>Das <strong>ASD</strong>s-Team berät.</li>",
    ]


# The portal


def test_no_page_of_the_portal_loses_a_gender_star(portal_site: Path) -> None:
    problems = [
        f"/{path.relative_to(portal_site).as_posix()}: {problem.problem}"
        for path in sorted(portal_site.rglob("*.html"))
        for problem in emphasis_problems(path.read_text(encoding="utf-8"))
    ]
    assert problems == []


def test_search_index_keeps_gender_stars(portal_site: Path) -> None:
    indexes = sorted(portal_site.rglob("portal-index.json"))
    assert indexes
    # Each language has its own words: the German index has "Mentor*innen", the
    # English one keeps German terms such as "Berufseinsteiger*innen" in brackets.
    for index in indexes:
        text = index.read_text(encoding="utf-8")
        assert re.search(r"\w\*innen\b", text), index
        assert not re.search(r"\w<em>in", text), index
    german = (portal_site / "search" / "portal-index.json").read_text(encoding="utf-8")
    assert "Mentor*innen" in german
