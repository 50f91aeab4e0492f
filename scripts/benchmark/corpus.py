"""A seeded, synthetic, bilingual corpus shaped like the portal's content.

N German pages spread over sections of every kind of page the guards check
(chapter, event, training, newsletter, publication, plain page), each with
valid front matter, headings with anchors, a table, an image, abbreviations
from the real glossary and links with anchors into other pages; an English
translation for a share of them. The same seed and size write the same bytes.

The nav is shaped as the portal's: each section lists its overview page and a
few pages; the rest of the section is an archive listed on the overview page
only (``not_in_nav``), as the portal does with newsletter issues. Theme
assets, stylesheets, legal pages and the glossary are copied from the portal.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmark.portal_config import PROJECT_ROOT

# Data


@dataclass(frozen=True)
class Section:
    folder: str
    nav_title: str
    """As in the portal's nav, so that its nav_translations apply."""
    owner: str
    tag: str
    fields: str
    """The type's front matter lines; ``{number}`` is the page's number."""


SECTIONS = (
    # A recorded review, so that the benchmark also measures the review's path.
    Section("einarbeitung", "Einarbeitung", "Redaktion", "Einarbeitung",
            "type: guide\nupdated: 2026-11-01\nreview:\n  date: 2026-11-01\n  by: Redaktion\n"
            "  scope: Testkorpus des Benchmarks\n  interval_months: 36"),
    Section("veranstaltungen", "Veranstaltungen", "Redaktion", "Veranstaltung",
            "type: event\nstart: 2016-07-13\nend: 2016-07-13T16:00:00+02:00\nplace: Güstrow\n"
            "organiser: Start gGmbH\nspeakers: []\nstatus: dokumentiert"),
    Section("fortbildungen", "Fortbildungen", "Redaktion", "Fortbildung",
            "type: training\nstatus: geplant\ndates: []\nregistration: null"),
    Section("newsletter", "Newsletter", "Redaktion", "Newsletter",
            "type: newsletter\nnumber: {number}\ndate: 2016-03-01"),
    Section("publikationen", "Publikationen", "Redaktion", "Publikation",
            "type: publication\nkind: Leitfaden\nyear: 2017\nstatus: veröffentlicht\n"
            "related: [einarbeitung/index.md]"),
    Section("praxisbeispiele", "Praxisbeispiele", "Redaktion", "Praxisbeispiel", "type: page"),
)  # fmt: skip

AUDIENCES = ("neue Fachkräfte", "Mentor*innen", "Leitung", "Jugendhilfeplanung", "freie Träger")
TOPICS = (
    ("Ziele vereinbaren", "Agreeing goals"),
    ("Beteiligung der Familie", "Involving the family"),
    ("Fallberatung im Team", "Case consultation in the team"),
    ("Dokumentation und Fristen", "Documentation and deadlines"),
    ("Rollen und Zuständigkeiten", "Roles and responsibilities"),
    ("Übergaben zwischen Diensten", "Handovers between services"),
)
WORDS = {
    "de": ("die Fachkraft im ASD bespricht mit der Familie den Hilfeplan nach SGB VIII "
           "gemeinsam verbindlich im Team und dokumentiert die Ziele fristgerecht"),
    "en": ("the caseworker in the ASD discusses with the family the care plan under SGB VIII "
           "together bindingly in the team and records the goals on time"),
}  # fmt: skip
NAV_PAGES_PER_SECTION = 8
"""Pages of a section in the nav; the rest is its archive (see the module's docstring)."""
ARCHIVE_PATTERN = "/*/seite-*.md"
HEADINGS = 3
LINKS_PER_PAGE = 3
IMAGES = 6
TRANSLATED_SHARE = 0.4


@dataclass(frozen=True)
class Corpus:
    root: Path
    docs_dir: Path
    german_pages: int
    english_pages: int
    nav: list[dict[str, object]]
    not_in_nav: str = ARCHIVE_PATTERN

    def first_page(self) -> Path:
        """A generated German page (the one edited under ``mkdocs serve``)."""
        return self.docs_dir / SECTIONS[0].folder / "seite-00000.md"


@dataclass(frozen=True)
class _Page:
    number: int
    section: Section
    topic: int
    translated: bool

    @property
    def path(self) -> str:
        return f"{self.section.folder}/seite-{self.number:05d}.md"

    def title(self, language: str) -> str:
        return f"{TOPICS[self.topic][language == 'en']} ({self.number})"

    def link(self, language: str, href: str) -> str:
        """A Markdown link to this page from a page in `language`."""
        if self.translated or language == "de":
            return f"[{self.title(language)}]({href})"
        # To a German-only page from an English one: marked, as editors are asked to.
        return f"[{self.title('de')}]({href}){{ hreflang=de }}"


# Functions


def generate_corpus(*, root: Path, pages: int, seed: int = 2015) -> Corpus:
    """Write ``root/docs`` with `pages` German pages and their translations."""
    rng = random.Random(f"{seed}-{pages}")
    docs = root / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    _copy_portal_furniture(docs)
    for number in range(IMAGES):
        _write(
            docs / "bilder" / f"abb-{number}.svg",
            '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32">'
            f'<rect width="64" height="32" fill="rgb({40 + 30 * number},90,160)"/></svg>\n',
        )
    generated = [
        _Page(number, SECTIONS[number % len(SECTIONS)], rng.randrange(len(TOPICS)),
              rng.random() < TRANSLATED_SHARE)
        for number in range(pages)
    ]  # fmt: skip
    for page in generated:
        audience = sorted(rng.sample(AUDIENCES, rng.randint(1, 3)), key=AUDIENCES.index)
        links = [(rng.choice(generated), rng.randint(1, HEADINGS)) for _ in range(LINKS_PER_PAGE)]
        image = rng.randrange(IMAGES)
        for language in ("de", "en") if page.translated else ("de",):
            about = "Eine Seite über" if language == "de" else "A page about"
            head = _front_matter(
                page.title(language),
                f"{about} {page.title(language)}.",
                page.section.fields.format(number=page.number + 1),
                audience=audience,
                section=page.section,
            )
            body = _body(page, language=language, rng=rng, links=links, image=image)
            _write(docs / _localized(page.path, language), head + body)
    _write_overviews(docs, generated)
    nav: list[dict[str, object]] = [{"Start": "index.md"}]
    for section in SECTIONS:
        shown = [page.path for page in generated if page.section is section]
        nav.append(
            {section.nav_title: [f"{section.folder}/index.md", *shown[:NAV_PAGES_PER_SECTION]]}
        )
    nav.append({"Glossar": ["glossar/index.md"]})
    return Corpus(root, docs, pages, sum(page.translated for page in generated), nav)


# Helper functions


def _copy_portal_furniture(docs: Path) -> None:
    # What every page's template links to (logo, stylesheets, legal pages) and
    # the glossary come from the portal, so the guards find what they find
    # there; every other page is generated.
    source = PROJECT_ROOT / "docs"
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        top_level_page = len(relative.parts) == 1 and not relative.name.startswith("index.")
        if path.is_file() and (
            path.suffix != ".md" or relative.parts[0] == "glossar" or top_level_page
        ):
            target = docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _localized(path: str, language: str) -> str:
    return path if language == "de" else f"{path[:-3]}.{language}.md"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _front_matter(
    title: str, description: str, fields: str, *, audience: Sequence[str], section: Section | None
) -> str:
    tags, owner = (section.tag, section.owner) if section else ("", "Redaktion")
    return (
        f"---\ntitle: {title}\ndescription: {description}\naudience: [{', '.join(audience)}]\n"
        f"tags: [{tags}]\nowner: {owner}\n{fields}\n---\n\n"
    )


def _body(
    page: _Page, *, language: str, rng: random.Random, links: list[tuple[_Page, int]], image: int
) -> str:
    words = WORDS[language].split()

    def paragraph() -> str:
        sentences = (" ".join(rng.choices(words, k=rng.randint(6, 12))) for _ in range(4))
        return " ".join(f"{sentence[0].upper()}{sentence[1:]}." for sentence in sentences)

    german = language == "de"
    see_also = ", ".join(
        target.link(language, f"../{target.path}#abschnitt-{n}") for target, n in links
    )
    parts = [f"# {page.title(language)}", paragraph()]
    for n in range(1, HEADINGS + 1):
        # Explicit ids keep anchors equal in both languages.
        parts += [f"## {'Abschnitt' if german else 'Section'} {n} {{#abschnitt-{n}}}", paragraph()]
    parts += [
        f"{'Siehe auch' if german else 'See also'}: {see_also}.",
        "| Schritt | Wer | Frist |\n| --- | --- | --- |\n"
        + "\n".join(f"| {n} | {rng.choice(words)} | {rng.randint(1, 28)} |" for n in range(1, 4)),
        f"![{'Abbildung' if german else 'Figure'} {image}](../bilder/abb-{image}.svg)",
    ]
    return "\n\n".join(parts) + "\n"


def _write_overviews(docs: Path, generated: list[_Page]) -> None:
    """The home page and each section's overview page, which lists all its pages."""
    home = {"de": ["# Wissensportal (Benchmark)"], "en": ["# Knowledge portal (benchmark)"]}
    for section in SECTIONS:
        members = [page for page in generated if page.section is section]
        for language, lines in home.items():
            lines.append(f"- [{section.nav_title}]({section.folder}/index.md)")
            listed = [f"- {page.link(language, page.path.split('/')[1])}" for page in members]
            head = _front_matter(
                section.nav_title, f"{section.nav_title}.", "type: page",
                audience=AUDIENCES, section=section,
            )  # fmt: skip
            text = head + f"# {section.nav_title}\n\n" + "\n".join(listed) + "\n"
            _write(docs / _localized(f"{section.folder}/index.md", language), text)
    for language, lines in home.items():
        head = _front_matter("Start", "Benchmark.", "type: page", audience=AUDIENCES, section=None)
        _write(docs / _localized("index.md", language), head + "\n".join(lines) + "\n")
