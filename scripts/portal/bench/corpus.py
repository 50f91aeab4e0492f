"""A seeded, synthetic, bilingual corpus shaped like the portal's content.

N German pages spread over the portal's sections, one content type each, with
valid front matter (/tmp/spec/frontmatter.md), headings, tables, task lists,
abbreviations, images and links with anchors into other pages; an English
translation for a share of them. The same seed and size always write the same
bytes, so two runs of the benchmark measure the same site.

The nav is shaped as the portal's: each section lists its overview page and a
few pages; the rest of the section is its archive, linked from the overview
page and left out of the nav (``not_in_nav``), as the portal does with the
newsletter issues.

With ``broken_links`` the generator also plants links that cannot resolve, of
every kind a link checker should catch, and returns where it put them.
"""

from __future__ import annotations

import random
import shutil
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from portal.bench.project import PROJECT_ROOT

# Data


@dataclass(frozen=True)
class Section:
    folder: str
    nav_title: str
    """As in the portal's nav, so that its nav_translations apply."""
    type: str
    owner: str
    tags: tuple[str, ...]


SECTIONS = (
    Section("hilfeplanverfahren", "Hilfeplanverfahren", "guide", "Fachredaktion Hilfeplanverfahren",
            ("Hilfeplanung", "Recht")),
    Section("einarbeitung", "Einarbeitung", "guide", "Fachredaktion Einarbeitung",
            ("Einarbeitung",)),
    Section("mentoring", "Mentoring", "guide", "Fachredaktion Mentoring", ("Mentoring",)),
    Section("modellprojekt", "Modellprojekt", "project", "Projektdokumentation",
            ("Modellprojekt", "Qualitätsentwicklung")),
    Section("veranstaltungen", "Veranstaltungen", "event", "Projektdokumentation",
            ("Veranstaltung",)),
    Section("fortbildungen", "Fortbildungen", "training", "Redaktion", ("Fortbildung",)),
    Section("publikationen", "Publikationen", "publication", "Projektdokumentation",
            ("Publikation",)),
    Section("newsletter", "Newsletter", "newsletter", "Redaktion", ("Newsletter",)),
    Section("praxisbeispiele", "Praxisbeispiele", "page", "Redaktion",
            ("Praxisbeispiel", "Zusammenarbeit mit freien Trägern")),
)  # fmt: skip

AUDIENCES = ("neue Fachkräfte", "Mentor*innen", "Leitung", "Jugendhilfeplanung", "freie Träger")

# German and English topic pairs; headings stay ASCII-ish so their anchors read well.
TOPICS = (
    ("Ziele vereinbaren", "Agreeing goals"),
    ("Beteiligung der Familie", "Involving the family"),
    ("Fallberatung im Team", "Case consultation in the team"),
    ("Hilfeplangespraech vorbereiten", "Preparing the care planning meeting"),
    ("Dokumentation und Fristen", "Documentation and deadlines"),
    ("Zusammenarbeit mit freien Traegern", "Working with independent providers"),
    ("Schutzauftrag nach Paragraf 8a", "Protection mandate under section 8a"),
    ("Mentoring in der ersten Woche", "Mentoring in the first week"),
    ("Qualitaetsstandards im Verfahren", "Quality standards in the procedure"),
    ("Ergebnisse auswerten", "Evaluating results"),
    ("Rollen und Zustaendigkeiten", "Roles and responsibilities"),
    ("Uebergaben zwischen Diensten", "Handovers between services"),
)

WORDS_DE = (
    "die Fachkraft", "das Jugendamt", "der Hilfeplan", "die Familie", "das Kind", "die Mentorin",
    "bespricht", "dokumentiert", "vereinbart", "prüft", "begleitet", "plant", "gemeinsam",
    "im Verfahren", "nach dem Gespräch", "mit dem Träger", "regelmäßig", "verbindlich",
    "die Ziele", "den Bedarf", "die Beteiligung", "im Team", "schriftlich", "fristgerecht",
)  # fmt: skip
WORDS_EN = (
    "the caseworker", "the youth office", "the care plan", "the family", "the child",
    "the mentor", "discusses", "records", "agrees", "reviews", "supports", "plans", "together",
    "in the procedure", "after the meeting", "with the provider", "regularly", "bindingly",
    "the goals", "the needs", "participation", "in the team", "in writing", "on time",
)  # fmt: skip

# Abbreviations as the glossary has them: (abbreviation, German, English).
ABBREVIATIONS = (
    ("HPV", "Hilfeplanverfahren", "care planning procedure"),
    ("ASD", "Allgemeiner Sozialer Dienst", "general social service"),
    ("SGB VIII", "Achtes Buch Sozialgesetzbuch", "Social Code Book VIII"),
    ("KJHG", "Kinder- und Jugendhilfegesetz", "Child and Youth Welfare Act"),
)

PLACES = ("Güstrow", "Schwerin", "Rostock", "Neubrandenburg", "Stralsund", "Greifswald")
SPEAKERS = (
    ("Hans-Ullrich Krause", "IGfH"),
    ("Petra Beispiel", "Start gGmbH"),
    ("Jonas Muster", "Landesjugendamt M-V"),
)
NAV_PAGES_PER_SECTION = 8
"""Pages of a section listed in the nav; the rest form its archive, listed on
the section's overview page only, as the portal does with newsletter issues
(mkdocs.yml, ``not_in_nav``). The sidebar Material writes into every page then
stays as long at 5,000 pages as at 100."""
ARCHIVE_PATTERN = "/*/seite-*.md"
"""``not_in_nav`` pattern of the archive pages (those in the nav stay in it)."""
HEADINGS_PER_PAGE = 4
LINKS_PER_PAGE = 3
IMAGES = 12
BROKEN_KINDS = ("seite", "anker", "eigener-anker", "bild", "html")
"""Missing page, missing anchor on another page, missing anchor on the same
page, missing image, and a raw HTML link that MkDocs itself never validates."""

# Corpus


@dataclass(frozen=True)
class BrokenLink:
    """A link the generator planted on purpose, and how to recognise it in a report."""

    source: str
    """The page holding the link, relative to docs/, e.g. ``mentoring/seite-00003.md``."""
    token: str
    """A string unique to this link that any message about it contains."""
    kind: str


@dataclass(frozen=True)
class Corpus:
    root: Path
    docs_dir: Path
    german_pages: int
    english_pages: int
    nav: list[dict[str, object]]
    """The site's nav, in mkdocs.yml shape."""
    not_in_nav: str
    """Pattern of the pages left out of the nav on purpose (the archives)."""
    broken_links: tuple[BrokenLink, ...] = field(default=())

    def page_paths(self) -> list[Path]:
        """Every generated German page, in a stable order (for editing under serve)."""
        return sorted(self.docs_dir.glob("*/seite-*[0-9].md"))


@dataclass(frozen=True)
class _Page:
    number: int
    section: Section
    topics: tuple[int, ...]
    translated: bool

    @property
    def path(self) -> str:
        return f"{self.section.folder}/seite-{self.number:05d}.md"

    def heading(self, index: int, *, english: bool) -> str:
        german, translation = TOPICS[self.topics[index]]
        prefix = "Section" if english else "Abschnitt"
        return f"{prefix} {index + 1}: {translation if english else german}"

    def title(self, *, english: bool) -> str:
        return f"{self.heading(0, english=english).split(': ', 1)[1]} ({self.number})"


def _anchor(index: int) -> str:
    return f"abschnitt-{index + 1}"


def generate_corpus(
    *, root: Path, pages: int, seed: int = 2015, translated_share: float = 0.4, broken: int = 0
) -> Corpus:
    """Write ``root/docs`` with `pages` German pages; return what was written.

    `broken` plants that many broken links of each kind in BROKEN_KINDS.
    """
    rng = random.Random(f"{seed}-{pages}")
    docs = root / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    _copy_portal_furniture(docs)
    _write_images(docs)

    generated = [
        _Page(
            number=number,
            section=SECTIONS[number % len(SECTIONS)],
            topics=tuple(rng.sample(range(len(TOPICS)), HEADINGS_PER_PAGE)),
            translated=rng.random() < translated_share,
        )
        for number in range(pages)
    ]
    planted = _plan_broken_links(generated, broken=broken, rng=rng)
    newsletter_number = 0
    for page in generated:
        links = [rng.choice(generated) for _ in range(LINKS_PER_PAGE)]
        anchors = [rng.randrange(HEADINGS_PER_PAGE) for _ in links]
        images = [rng.randrange(IMAGES) for _ in range(2)]
        if page.section.type == "newsletter":
            newsletter_number += 1
        fields = _type_fields(page, rng=rng, newsletter_number=newsletter_number)
        common = _common_fields(page, rng=rng)
        for english in (False, True) if page.translated else (False,):
            target = docs / (page.path[:-3] + ".en.md" if english else page.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            text = _front_matter(page, english=english, common=common, fields=fields)
            text += _body(
                page,
                english=english,
                rng=rng,
                links=list(zip(links, anchors, strict=True)),
                images=images,
                broken=[link for link in planted if link.source == page.path and not english],
            )
            target.write_text(text, encoding="utf-8")

    _write_indexes(docs, generated)
    nav: list[dict[str, object]] = [{"Start": "index.md"}]
    for section in SECTIONS:
        members = [page.path for page in generated if page.section is section]
        shown = members[:NAV_PAGES_PER_SECTION]
        nav.append({section.nav_title: [f"{section.folder}/index.md", *shown]})
    nav.append({"Glossar": ["glossar/index.md"]})
    return Corpus(
        root=root,
        docs_dir=docs,
        german_pages=pages,
        english_pages=sum(page.translated for page in generated),
        nav=nav,
        not_in_nav=ARCHIVE_PATTERN,
        broken_links=tuple(planted),
    )


# Helper functions


def _copy_portal_furniture(docs: Path) -> None:
    # Theme assets, the stylesheet, the legal pages every footer links to and the
    # glossary come from the real portal, so that a guard checking them finds
    # what it finds in the real site; everything else is generated.
    source = PROJECT_ROOT / "docs"
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        top = relative.parts[0]
        keep = (
            path.suffix != ".md"
            or top == "glossar"
            or (len(relative.parts) == 1 and not relative.name.startswith("index."))
        )
        if path.is_file() and keep:
            target = docs / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _write_images(docs: Path) -> None:
    folder = docs / "bilder"
    folder.mkdir(exist_ok=True)
    for number in range(IMAGES):
        hue = 40 + 15 * number
        if number % 2:
            (folder / f"abb-{number:02d}.png").write_bytes(_png(rgb=(hue, 90, 160)))
        else:
            svg = (
                '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="32" '
                f'viewBox="0 0 64 32"><rect width="64" height="32" fill="rgb({hue},90,160)"/>'
                f'<text x="4" y="20" font-size="12">Abb. {number}</text></svg>\n'
            )
            (folder / f"abb-{number:02d}.svg").write_text(svg, encoding="utf-8")


def _image_name(number: int) -> str:
    return f"abb-{number:02d}.{'png' if number % 2 else 'svg'}"


def _png(*, rgb: tuple[int, int, int], size: int = 8) -> bytes:
    """A valid, solid-colour PNG of size×size pixels, without an imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _plan_broken_links(
    generated: list[_Page], *, broken: int, rng: random.Random
) -> list[BrokenLink]:
    planted: list[BrokenLink] = []
    for kind in BROKEN_KINDS:
        for index in range(broken):
            source = rng.choice(generated)
            planted.append(BrokenLink(source.path, f"fehlt-{kind}-{index}", kind))
    return planted


def _common_fields(page: _Page, *, rng: random.Random) -> dict[str, str]:
    audience = sorted(rng.sample(AUDIENCES, rng.randint(1, 3)), key=AUDIENCES.index)
    return {
        "audience": "[" + ", ".join(audience) + "]",
        "tags": "[" + ", ".join(page.section.tags) + "]",
        "owner": page.section.owner,
    }


def _type_fields(page: _Page, *, rng: random.Random, newsletter_number: int) -> list[str]:
    """The type's own front matter lines; the same in both languages (they are keys)."""
    kind = page.section.type
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    if kind == "guide":
        return [
            f"updated: 2026-{month:02d}-{day:02d}",
            f"reviewed: 2026-{month:02d}-{day:02d}",
            f"review_interval_months: {rng.choice((12, 18, 24))}",
        ]
    if kind == "event":
        speaker, organisation = rng.choice(SPEAKERS)
        return [
            f"start: 2016-{month:02d}-{day:02d}",
            f"end: 2016-{month:02d}-{day:02d}",
            f"place: {rng.choice(PLACES)}",
            "organiser: Start gGmbH",
            f'speakers: [{{name: "{speaker}", organisation: "{organisation}"}}]',
            "status: dokumentiert",
        ]
    if kind == "training":
        if rng.random() < 0.5:
            return ["status: geplant", "dates: []", "registration: null", "place: null"]
        return [
            "status: abgeschlossen",
            f"dates: [{{start: 2017-{month:02d}-{day:02d}, end: 2017-{month:02d}-{day:02d}}}]",
            "registration: null",
            f"place: {rng.choice(PLACES)}",
        ]
    if kind == "newsletter":
        return [f"number: {newsletter_number}", f"date: 2016-{month:02d}-{day:02d}"]
    if kind == "publication":
        related = f"{rng.choice(('einarbeitung', 'mentoring', 'hilfeplanverfahren'))}/index.md"
        return [
            f"kind: {rng.choice(('Leitfaden', 'Handlungsempfehlungen', 'Dokumentation'))}",
            f"year: {rng.choice((2015, 2016, 2017))}",
            "status: veröffentlicht",
            f"related: [{related}]",
        ]
    if kind == "project":
        return ["period: {start: 2015, end: 2017}", "level: Landesebene"]
    return []


def _front_matter(page: _Page, *, english: bool, common: dict[str, str], fields: list[str]) -> str:
    if english:
        description = f"How practitioners handle {page.title(english=True).lower()}."
    else:
        description = f"Wie Fachkräfte mit dem Thema {page.title(english=False)} umgehen."
    lines = [
        "---",
        f"title: {page.title(english=english)}",
        f"description: {description}",
        f"type: {page.section.type}",
        f"audience: {common['audience']}",
        f"tags: {common['tags']}",
        f"owner: {common['owner']}",
        *fields,
        "---",
        "",
    ]
    return "\n".join(lines)


def _body(
    page: _Page,
    *,
    english: bool,
    rng: random.Random,
    links: list[tuple[_Page, int]],
    images: list[int],
    broken: list[BrokenLink],
) -> str:
    words = WORDS_EN if english else WORDS_DE
    abbreviation_names = [name for name, _, _ in ABBREVIATIONS]

    def paragraph(sentences: int) -> str:
        out = []
        for _ in range(sentences):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(6, 12)))
            out.append(f"{sentence[0].upper()}{sentence[1:]} ({rng.choice(abbreviation_names)}).")
        return " ".join(out)

    see_also = "See also" if english else "Siehe auch"
    parts = [f"# {page.title(english=english)}", "", paragraph(3), ""]
    for index in range(HEADINGS_PER_PAGE):
        # Explicit ids keep anchors equal in both languages: in the English
        # build an untranslated German page links to the English target.
        heading = page.heading(index, english=english)
        parts += [f"## {heading} {{#{_anchor(index)}}}", "", paragraph(4), ""]
        if index == 0:
            targets = []
            for target, anchor in links:
                relative = f"../{target.path}#{_anchor(anchor)}"
                targets.append(
                    f"[{target.title(english=english and target.translated)}]({relative})"
                    + _german_only(english=english, target=target)
                )
            parts += [f"{see_also}: " + ", ".join(targets) + ".", ""]
        if index == 1:
            head = ("Step", "Who", "Deadline") if english else ("Schritt", "Wer", "Frist")
            parts += [
                f"| {head[0]} | {head[1]} | {head[2]} |",
                "| --- | --- | --- |",
                *(f"| {n} | {rng.choice(words)} | {rng.randint(1, 28)} |" for n in range(1, 5)),
                "",
            ]
        if index == 2:
            parts += [
                f"- [x] {paragraph(1)}",
                f"- [ ] {paragraph(1)}",
                f"- [ ] {paragraph(1)}",
                "",
            ]
            for number in images:
                alt = "Figure" if english else "Abbildung"
                parts += [f"![{alt} {number}](../bilder/{_image_name(number)})", ""]
    if broken:
        parts += ["## Kaputte Links", "", *_broken_lines(page, broken), ""]
    for name, german, translation in ABBREVIATIONS:
        parts.append(f"*[{name}]: {translation if english else german}")
    return "\n".join(parts) + "\n"


def _german_only(*, english: bool, target: _Page) -> str:
    # The link guard wants a link from an English page to a German-only page
    # marked as deliberate, as editors are asked to do.
    return "{ hreflang=de }" if english and not target.translated else ""


def _broken_lines(page: _Page, broken: list[BrokenLink]) -> list[str]:
    lines = []
    for link in broken:
        if link.kind == "seite":
            lines.append(f"- [Fehlende Seite](../{page.section.folder}/{link.token}.md)")
        elif link.kind == "anker":
            lines.append(f"- [Fehlender Anker](../einarbeitung/index.md#{link.token})")
        elif link.kind == "eigener-anker":
            lines.append(f"- [Fehlender Anker hier](#{link.token})")
        elif link.kind == "bild":
            lines.append(f"- ![Fehlendes Bild](../bilder/{link.token}.svg)")
        else:
            lines.append(f'- <a href="../../{link.token}/">Fehlendes Ziel</a>')
    return lines


def _write_indexes(docs: Path, generated: list[_Page]) -> None:
    home = [
        "---",
        "title: Start",
        "description: Startseite des synthetischen Benchmark-Korpus.",
        "type: page",
        f"audience: [{', '.join(AUDIENCES)}]",
        "tags: []",
        "owner: Redaktion",
        "---",
        "",
        "# Wissensportal (Benchmark)",
        "",
    ]
    home_en = [line.replace("Startseite des synthetischen Benchmark-Korpus.",
                            "Home page of the synthetic benchmark corpus.")
               .replace("title: Start", "title: Home")
               .replace("# Wissensportal (Benchmark)", "# Knowledge portal (benchmark)")
               for line in home]  # fmt: skip
    for section in SECTIONS:
        home.append(f"- [{section.nav_title}]({section.folder}/index.md)")
        home_en.append(f"- [{section.nav_title}]({section.folder}/index.md)")
        members = [page for page in generated if page.section is section]
        for english in (False, True):
            title = section.nav_title
            lines = [
                "---",
                f"title: {title}",
                f"description: {'Pages of the section' if english else 'Seiten des Bereichs'}"
                f" {title}.",
                "type: page",
                f"audience: [{', '.join(AUDIENCES)}]",
                f"tags: [{section.tags[0]}]",
                f"owner: {section.owner}",
                "---",
                "",
                f"# {title}",
                "",
                *(
                    f"- [{page.title(english=english and page.translated)}]"
                    f"({page.path.split('/', 1)[1]})" + _german_only(english=english, target=page)
                    for page in members
                ),
                "",
            ]
            name = "index.en.md" if english else "index.md"
            (docs / section.folder).mkdir(exist_ok=True)
            (docs / section.folder / name).write_text("\n".join(lines), encoding="utf-8")
    (docs / "index.md").write_text("\n".join(home) + "\n", encoding="utf-8")
    (docs / "index.en.md").write_text("\n".join(home_en) + "\n", encoding="utf-8")
