"""Fallback pages, stale language marks, suggestions and duplicates, without a build."""

from __future__ import annotations

from pathlib import Path

from portal.findings import Finding
from portal.links import check_site
from portal.links.fallback import anchor_ids, lead_to_anchors
from portal.links.suggest import nearest_path
from sitebuilder import LANGUAGES

# Anchors of the pages of a site with a German-only page ``a/`` (built as
# ``en/a/`` too) and a translated page ``hpg/``.
ANCHORS = {
    "hpg/": frozenset({"vorbereitung", "ablauf"}),
    "en/hpg/": frozenset({"preparation", "ablauf"}),
    "a/": frozenset(),
    "en/a/": frozenset(),
    "": frozenset({"start"}),
    "en/": frozenset({"home"}),
}


def lead(html: str, *, page_url: str = "en/a/") -> str:
    return lead_to_anchors(
        html,
        page_url=page_url,
        anchors_of=ANCHORS.get,
        languages=LANGUAGES,
        site_url="https://portal.example/",
    )


def test_anchor_ids_of_a_fragment() -> None:
    assert anchor_ids('<h2 id="a">A</h2><a name="b"></a><p>x</p>') == {"a", "b"}
    assert anchor_ids("<p>kein Anker</p>") == frozenset()


def test_anchor_only_the_german_target_has_leads_there() -> None:
    html = '<p><a href="../hpg/#vorbereitung" data-print-url="x">V</a></p>'
    assert lead(html) == (
        '<p><a href="../../hpg/#vorbereitung" '
        'data-print-url="https://portal.example/hpg/#vorbereitung" hreflang="de">V</a></p>'
    )
    # From the English home page, and to the German home page.
    assert lead('<a href="hpg/#vorbereitung">V</a>', page_url="en/") == (
        '<a href="../hpg/#vorbereitung" hreflang="de">V</a>'
    )
    assert lead('<a href="../../en/#start">S</a>') == '<a href="../../#start" hreflang="de">S</a>'


def test_links_that_work_or_cannot_be_helped_stay_as_they_are() -> None:
    for html in (
        '<a href="../hpg/#ablauf">both have it</a>',
        '<a href="../hpg/">no anchor</a>',
        '<a href="../hpg/#vorbereitng">neither has it</a>',
        '<a href="../unbekannt/#vorbereitung">no such page</a>',
        '<a href="https://example.org/#vorbereitung">outside</a>',
        '<a href="#vorbereitung">this page</a>',
    ):
        assert lead(html) == html
    # Pages of the default language are never touched.
    assert lead('<a href="../hpg/#preparation">x</a>', page_url="a/") == (
        '<a href="../hpg/#preparation">x</a>'
    )


def test_nearest_path_prefers_the_renamed_page_over_its_neighbours() -> None:
    pages = [
        "hilfeplanverfahren/ablauf-hpg/index.html",
        "hilfeplanverfahren/abschluss/index.html",
        "hilfeplanverfahren/index.html",
    ]
    assert nearest_path("hilfeplanverfahren/ablauf/", pages) == pages[0]
    assert nearest_path("hilfeplanverfahren/beteiligte/", pages) is None


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _html(body: str, *, lang: str = "de") -> str:
    article = f'<article class="md-content__inner">{body}</article>'
    return f'<html lang="{lang}"><body>{article}</body></html>'


def _check(tmp_path: Path, docs: dict[str, str], site: dict[str, str]) -> list[str]:
    _write(tmp_path / "docs", docs)
    _write(tmp_path / "site", site)
    return [
        str(finding)
        for finding in check_site(tmp_path / "site", project_root=tmp_path, languages=LANGUAGES)
    ]


DOCS = {
    "hpg.md": "# HPG\n\n## Vorbereitung\n",
    "hpg.en.md": "# HPG\n\n## Vorbereitung (preparation)\n",
    "index.md": "# Start\n",
    "index.en.md": "# Home\n",
}
SITE = {
    "index.html": _html(""),
    "en/index.html": _html("", lang="en"),
    "hpg/index.html": _html('<h2 id="vorbereitung">V</h2>'),
    "en/hpg/index.html": _html('<h2 id="vorbereitung-preparation">V</h2>', lang="en"),
}


def test_broken_link_on_a_fallback_page_is_reported_once_with_the_german_fix(
    tmp_path: Path,
) -> None:
    link = '<a href="../hpg/#vorbereitng">V</a>'
    findings = _check(
        tmp_path,
        {**DOCS, "a.md": "# A\n\n[V](hpg.md#vorbereitng)\n"},
        # The English build suggests its own heading: a second, other fix.
        {**SITE, "a/index.html": _html(link), "en/a/index.html": _html(link)},
    )
    assert findings == [
        "docs/a.md:3: Der Link „hpg.md#vorbereitng“ zeigt auf einen Anker, den es auf der "
        "Zielseite nicht gibt — meinten Sie „#vorbereitung“?"
    ]


def test_anchor_missing_only_in_the_translation_says_why_and_what_to_do(
    tmp_path: Path,
) -> None:
    # As a site built without the fallback anchors (portal.links.fallback) has it.
    findings = _check(
        tmp_path,
        {**DOCS, "a.md": "# A\n\n[V](hpg.md#vorbereitung)\n"},
        {
            **SITE,
            "a/index.html": _html('<a href="../hpg/#vorbereitung">V</a>'),
            "en/a/index.html": _html('<a href="../hpg/#vorbereitung">V</a>'),
        },
    )
    assert findings == [
        "docs/a.md:3: Der Link „hpg.md#vorbereitung“ steht auf einer Seite der Fassung "
        "„Deutsch“, die auch in der Fassung „English“ gezeigt wird; dort führt er auf die "
        "übersetzte Zielseite, und die hat den Anker „#vorbereitung“ nicht — geben Sie der "
        "Überschrift in hpg.en.md dieselbe Kennung: ## Überschrift { #vorbereitung }."
    ]


def test_stale_hreflang_is_a_finding(tmp_path: Path) -> None:
    findings = _check(
        tmp_path,
        {**DOCS, "index.en.md": "# Home\n\n[HPG](hpg.md){ hreflang=de }\n"},
        {**SITE, "en/index.html": _html('<a href="hpg/" hreflang="de">HPG</a>', lang="en")},
    )
    assert findings == [
        str(
            Finding(
                "docs/index.en.md",
                3,
                "Der Link „hpg.md“ ist mit { hreflang=de } als Sprachwechsel gekennzeichnet, aber "
                "die Zielseite gibt es inzwischen in der Fassung „English“",
                "entfernen Sie { hreflang=de }, dann führt der Link auf die Seite der Fassung "
                "„English“.",
            )
        )
    ]


def test_missing_page_is_never_suggested_as_the_page_the_link_is_on(tmp_path: Path) -> None:
    # phase-1 is the closest name to phase-2: the link's own page.
    link = '<a href="phase-2.md">P</a>'  # as MkDocs leaves a link to a missing page
    findings = _check(
        tmp_path,
        {**DOCS, "phase-1.md": "# Phase 1\n\n[Phase 2](phase-2.md)\n"},
        {**SITE, "phase-1/index.html": _html(link), "en/phase-1/index.html": _html(link)},
    )
    assert findings == [
        "docs/phase-1.md:3: Der Link „phase-2.md“ zeigt auf eine Seite, die es nicht gibt — "
        "legen Sie die Seite an oder korrigieren Sie den Link."
    ]
