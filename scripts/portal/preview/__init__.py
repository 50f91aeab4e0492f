"""The editors' preview (`make serve`): every finding shown on the page it is about.

The preview builds leniently, so that a mistake saved while it runs does not
stop it. The terminal lists the findings as the strict build does; this
module also puts them, as a banner at the top of the content, into the built
pages they belong to, so that the editor sees them where they look. Findings
of files that are no page (``mkdocs.yml``, templates) are shown on the start
page of every language. Notices (missing operator details, reviews due) stay
in the terminal: they are deliberate while the operator has not filled them
in, and would sit on the start page for weeks.

Plain functions over built HTML: the finish stage
(``portal.stages.finish``, ``Finisher.preview_banners``) decides when,
``portal.mkdocs_adapter.is_preview`` whether.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html.parser import HTMLParser

import jinja2

from portal.findings import Finding

BANNER_CLASS = "portal-preview-findings"
"""The banner's class: its look is in docs/stylesheets/portal.css (no inline style: CSP)."""

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("portal.preview", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def render_banner(findings: Iterable[Finding], *, page_source: str | None) -> str:
    """The banner for one page: every finding with file, line, problem and fix.

    `page_source` is the page's own source file as findings name it (e.g.
    ``docs/a.md``), or None on a start page that only collects findings of
    other files. Empty when there is nothing to show.
    """
    shown = sorted(set(findings))
    if not shown:
        return ""
    return _TEMPLATES.get_template("banner.html").render(
        findings=[_entry(finding) for finding in shown],
        css_class=BANNER_CLASS,
        count=_count(len(shown)),
        here=page_source is not None and all(f.path == page_source for f in shown),
    )


def banners_by_page(
    findings: Iterable[Finding], *, pages: Mapping[str, str], start_pages: Iterable[str]
) -> dict[str, str]:
    """Built page → its banner, for every page with findings.

    `pages` maps each built page (``a/index.html``, ``en/a/index.html``) to
    the source file it was built from, as findings name it; a German page
    shown under ``/en/`` has the German source and gets its findings too.
    Findings of a file no page was built from go to the `start_pages` that
    were built.
    """
    by_source: dict[str, list[Finding]] = {}
    for finding in findings:
        by_source.setdefault(finding.path, []).append(finding)
    sources = set(pages.values())
    elsewhere = [f for path, found in by_source.items() if path not in sources for f in found]
    banners: dict[str, str] = {}
    for dest, source in pages.items():
        own = by_source.get(source, [])
        if own:
            banners[dest] = render_banner(own, page_source=source)
    for dest in start_pages:
        if elsewhere and dest in pages:
            own = by_source.get(pages[dest], [])
            banners[dest] = render_banner([*own, *elsewhere], page_source=None)
    return banners


def insert_banner(html: str, banner: str) -> str | None:
    """`html` with `banner` first in the page's content; None if the page has no content area.

    The content area is Material's ``<article class="md-content__inner">``:
    the banner stands above the page's heading, below the header and tabs.
    """
    finder = _ContentStart(html)
    if finder.content_at is None:
        return None
    return html[: finder.content_at] + banner + html[finder.content_at :]


# Helper functions


def _entry(finding: Finding) -> dict[str, str]:
    where = finding.path
    if finding.line > 0:
        where += f":{finding.line}"
        if finding.column > 0:
            where += f":{finding.column}"
    # In the message the fix follows a dash in lower case; after its own label, each
    # part begins a sentence.
    return {"where": where, "problem": _sentence(finding.problem), "fix": _sentence(finding.fix)}


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(number: int) -> str:
    return "1 Problem" if number == 1 else f"{number} Probleme"


class _ContentStart(HTMLParser):
    """Finds the offset just after the start tag of the page's content area.

    (Not `offset`: HTMLParser keeps its column there.)
    """

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.content_at: int | None = None
        self._line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self._line_starts.append(index + 1)
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.content_at is not None or tag != "article":
            return
        classes = (dict(attrs).get("class") or "").split()
        if "md-content__inner" in classes:
            line, column = self.getpos()
            raw = self.get_starttag_text() or ""
            self.content_at = self._line_starts[line - 1] + column + len(raw)
