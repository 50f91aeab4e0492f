"""PDF editions of the portal's guide sections (the onboarding guide, the mentoring handbook).

An edition is the pages of one section (`EDITIONS`), in the order of the
nav, as one PDF per language: a title page saying what the file is (an
edition of this portal's pages, its „Stand“ and its source), a table of
contents with page numbers, running headers, page numbers, clickable links,
tagged (PDF/UA) with language and title. It is made from the HTML the build
made of the same Markdown (`portal.editions.assemble`), laid out by
WeasyPrint (`portal.editions.render`); ``portal.stages.finish`` feeds it.

``PORTAL_PDF=false`` switches the editions off for a quick preview.
"""

from __future__ import annotations

from dataclasses import dataclass

from portal.languages import Language

FOLDER = "pdf"
"""Below each language's folder: ``/pdf/einarbeitung.pdf``, ``/en/pdf/einarbeitung.pdf``."""


@dataclass(frozen=True)
class Edition:
    """One section of the portal, published as a PDF per language."""

    section: str
    """The folder below docs/ whose pages (in nav order) the edition holds."""
    publication: str
    """The page on the publication the section stands for (and is not): it links the edition."""

    def index_source(self) -> str:
        return f"{self.section}/index.md"

    def path(self, language: Language) -> str:
        """The site-relative path of the edition's PDF in `language`."""
        return f"{language.prefix}{FOLDER}/{self.section}.pdf"

    def holds(self, source: str) -> bool:
        return source.startswith(f"{self.section}/")


EDITIONS = (
    Edition("einarbeitung", "publikationen/leitfaden-einarbeitung.md"),
    Edition("mentoring", "publikationen/handlungsempfehlungen-mentoring.md"),
)
"""The onboarding guide and the mentoring handbook."""

LISTED_ON = "publikationen/index.md"
"""The page that links every edition of its language."""


def shown_on(source: str) -> tuple[Edition, ...]:
    """The editions a page links: its section's, its publication's, or all of them."""
    if source == LISTED_ON:
        return EDITIONS
    return tuple(
        edition for edition in EDITIONS if source in (edition.index_source(), edition.publication)
    )


def in_language(chapters: int, translated: int, *, index_translated: bool) -> bool:
    """Whether a further language gets an edition: its opening page and most chapters exist.

    An edition of a language with a third of its chapters would be a
    brochure of gaps; the chapters not yet translated are named on the title
    page of an edition that exists.
    """
    return index_translated and translated * 2 > chapters
