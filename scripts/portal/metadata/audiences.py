"""The audiences of the portal and the overview page generated for each of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from portal.metadata.rules import PageRecord

OVERVIEW_DIR = "zielgruppen"
"""Overview pages live at /zielgruppen/<slug>/ and /en/zielgruppen/<slug>/."""


@dataclass(frozen=True)
class Audience:
    value: str
    """The key editors write in `audience:` (German in both languages)."""
    slug: str
    english: str
    intro_de: str
    intro_en: str


AUDIENCES: dict[str, Audience] = {
    audience.value: audience
    for audience in (
        Audience(
            "neue Fachkräfte",
            "neue-fachkraefte",
            "New staff",
            "Seiten für Fachkräfte, die neu im ASD anfangen.",
            "Pages for staff who are new to the ASD.",
        ),
        Audience(
            "Mentor*innen",
            "mentorinnen",
            "Mentors",
            "Seiten für Mentor*innen, die neue Kolleg*innen begleiten.",
            "Pages for mentors who accompany new colleagues.",
        ),
        Audience(
            "Leitung",
            "leitung",
            "Management",
            "Seiten für Leitungskräfte in Jugendämtern und ASD.",
            "Pages for managers in youth welfare offices and the ASD.",
        ),
        Audience(
            "Jugendhilfeplanung",
            "jugendhilfeplanung",
            "Youth welfare planning",
            "Seiten für die Jugendhilfeplanung.",
            "Pages for youth welfare planning.",
        ),
        Audience(
            "freie Träger",
            "freie-traeger",
            "Independent providers",
            "Seiten für freie Träger der Jugendhilfe.",
            "Pages for independent youth welfare providers.",
        ),
        Audience(
            "Redaktion",
            "redaktion",
            "Editorial team",
            "Seiten für die Redaktion des Portals.",
            "Pages for the portal's editorial team.",
        ),
    )
}
"""In the order of the controlled list in definitions.schema.json (a test keeps them equal)."""


def label(value: str, *, language: str) -> str:
    audience = AUDIENCES.get(value)
    if audience is None:
        return value
    return audience.value if language == "de" else audience.english


def overview_src_uri(value: str) -> str:
    return f"{OVERVIEW_DIR}/{AUDIENCES[value].slug}.md"


@dataclass(frozen=True)
class OverviewEntry:
    """One page listed on an audience's overview page."""

    src_uri: str
    """The German source below docs/; the build links it in the reader's language."""
    title: str
    description: str
    language: str
    """The language the listed text is in (German for an untranslated page)."""


@dataclass(frozen=True)
class OverviewSection:
    """The listed pages of one section of the portal, under its title."""

    title: str
    entries: list[OverviewEntry]


ListRenderer = Callable[[list[OverviewEntry]], str]
"""Renders one section's entries as an HTML list (the build knows the URLs)."""


def overview_sections(
    audience: Audience,
    *,
    pages: dict[str, PageRecord],
    language: str,
    order: Sequence[str] = (),
) -> list[OverviewSection]:
    """The pages meant for `audience`, by section, in the reader's language where translated.

    `order` lists source paths in reading order (the site's navigation):
    sections and their pages follow it, so Phase 1 comes before Phase 5.
    Pages it does not list follow those it lists, by path.
    """
    rank = {src_uri: position for position, src_uri in enumerate(order)}
    records = sorted(
        _for_audience(pages.values(), audience.value),
        key=lambda record: (rank.get(record.src_uri, len(rank)), record.src_uri),
    )
    sections: dict[str, list[OverviewEntry]] = {}
    for record in records:
        shown = _translation(record, pages=pages, language=language)
        entry = OverviewEntry(
            src_uri=record.src_uri,
            title=_text(shown.data.get("title")),
            description=_text(shown.data.get("description")),
            language=shown.language,
        )
        section = record.src_uri.split("/")[0] if "/" in record.src_uri else ""
        sections.setdefault(section, []).append(entry)

    # Pages at the top level first, then each section where its overview
    # page (or else its first listed page) stands in the reading order.
    def section_rank(section: str) -> tuple[int, int, str]:
        first = rank.get(f"{section}/index.md", rank.get(sections[section][0].src_uri, len(rank)))
        return (0 if not section else 1, first, section)

    return [
        OverviewSection(_section_title(section, pages=pages, language=language), sections[section])
        for section in sorted(sections, key=section_rank)
    ]


def overview_markdown(
    audience: Audience,
    *,
    pages: dict[str, PageRecord],
    language: str,
    render_list: ListRenderer,
    order: Sequence[str] = (),
) -> str:
    """The overview page of one audience: its pages by section, with their descriptions.

    Headings stay Markdown (they make the table of contents); each list is
    HTML from `render_list`, which Markdown passes through untouched: at a
    thousand pages the lists hold thousands of links, and Markdown's inline
    patterns over each of them would cost more than the guards themselves.
    """
    title = audience.value if language == "de" else audience.english
    intro = audience.intro_de if language == "de" else audience.intro_en
    lines = [*_front_matter(title, intro), f"# {title}", "", intro, ""]
    sections = overview_sections(audience, pages=pages, language=language, order=order)
    if not sections:
        lines.append("Noch keine Seiten." if language == "de" else "No pages yet.")
    for section in sections:
        lines += [f"## {section.title}", "", render_list(section.entries).strip(), ""]
    return "\n".join(lines) + "\n"


def index_markdown(*, pages: dict[str, PageRecord], language: str) -> str:
    """The list of all audiences, each with the number of its pages."""
    title = "Zielgruppen" if language == "de" else "Audiences"
    intro = (
        "Welche Seiten für wen gedacht sind."
        if language == "de"
        else "Which pages are meant for whom."
    )
    lines = [*_front_matter(title, intro), f"# {title}", "", intro, ""]
    for audience in AUDIENCES.values():
        count = sum(1 for _ in _for_audience(pages.values(), audience.value))
        name = audience.value if language == "de" else audience.english
        unit = (
            ("Seite" if count == 1 else "Seiten")
            if language == "de"
            else ("page" if count == 1 else "pages")
        )
        lines.append(f"- [{name}]({audience.slug}.md) ({count} {unit})")
    return "\n".join(lines) + "\n"


def _front_matter(title: str, description: str) -> list[str]:
    # Out of the search: an overview repeats the title and description of
    # every page it lists, so it would turn up for almost any query, above
    # the pages themselves.
    return [
        "---",
        f'title: "{title}"',
        f'description: "{description}"',
        "search:",
        "  exclude: true",
        "---",
        "",
    ]


def _for_audience(records: Iterable[PageRecord], value: str) -> list[PageRecord]:
    # German sources only: a translation is listed in place of its source.
    return sorted(
        (
            record
            for record in records
            if record.base_uri == record.src_uri
            and isinstance(record.data.get("audience"), list)
            and value in record.data["audience"]
        ),
        key=lambda record: record.src_uri,
    )


def _translation(record: PageRecord, *, pages: dict[str, PageRecord], language: str) -> PageRecord:
    if language == "de":
        return record
    stem, _, extension = record.src_uri.rpartition(".")
    return pages.get(f"{stem}.{language}.{extension}", record)


def _section_title(section: str, *, pages: dict[str, PageRecord], language: str) -> str:
    if not section:
        return "Allgemein" if language == "de" else "General"
    index = pages.get(f"{section}/index.md")
    if index is None:
        return section
    return _text(_translation(index, pages=pages, language=language).data.get("title")) or section


def _text(value: object) -> str:
    # Titles and descriptions go into Markdown link text: no line breaks.
    return " ".join(str(value).split()) if value is not None else ""
