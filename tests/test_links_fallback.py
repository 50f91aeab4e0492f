"""Links on German pages shown to English readers (i18n's fallback), in real builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from sitebuilder import BuildResult, build, page, write_site

# The German target and its translation: one heading id differs, one is set
# alike in both, one is close enough in English to be suggested there.
HPG = page(
    "Hilfeplangespräch",
    """
    # Hilfeplangespräch

    ## Vorbereitung

    ## Ablauf {#ablauf}
    """,
)
HPG_EN = page(
    "Care planning meeting",
    """
    # Care planning meeting

    ## Vorbereitung (preparation)

    ## Procedure {#ablauf}
    """,
)
HOME = {"index.md": page("Start", "# Start"), "index.en.md": page("Home", "# Home")}


def links_to_hpg(site: Path, url: str) -> list[tuple[str, str | None]]:
    """(href, hreflang) of each link to hpg.md in the article of the built page at `url`."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    article = LexborHTMLParser(html).css_first("article")
    assert article is not None
    return [
        (link.attributes.get("href") or "", link.attributes.get("hreflang"))
        for link in article.css("a[href]")
        if "hpg/" in (link.attributes.get("href") or "")
    ]


@pytest.fixture(scope="module")
def fallback_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("links-fallback")
    config = write_site(
        root,
        {
            **HOME,
            # German only: built under /en/ too.
            "ablauf.md": page(
                "Ablauf",
                """
                # Ablauf

                [Vorbereitung](hpg.md#vorbereitung), [Ablauf](hpg.md#ablauf), [HPG](hpg.md)
                """,
            ),
            "hpg.md": HPG,
            "hpg.en.md": HPG_EN,
        },
    )
    return build(config)


def test_correct_german_anchor_link_passes_the_strict_english_build(
    fallback_build: BuildResult,
) -> None:
    assert fallback_build.findings() == []
    assert fallback_build.ok, fallback_build.log


def test_fallback_page_leads_the_anchor_link_to_the_german_target(
    fallback_build: BuildResult,
) -> None:
    site = fallback_build.site_dir
    # Only the anchor that the translation lacks leads to the German page;
    # an anchor both pages have, and a link without one, stay in English.
    assert links_to_hpg(site, "en/ablauf") == [
        ("../../hpg/#vorbereitung", "de"),
        ("../hpg/#ablauf", None),
        ("../hpg/", None),
    ]
    assert links_to_hpg(site, "ablauf") == [
        ("../hpg/#vorbereitung", None),
        ("../hpg/#ablauf", None),
        ("../hpg/", None),
    ]


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    root = tmp_path_factory.mktemp("links-fallback-broken")
    config = write_site(
        root,
        {
            # Front matter is 8 lines, a blank line follows: the body starts at line 10.
            "index.md": page("Start", "# Start\n\n[HPG](hpg.md)"),
            "index.en.md": page("Home", "# Home\n\n[Care planning](hpg.md){ hreflang=de }"),
            # German only, built under /en/ too; its own name is the closest
            # to the missing page it links to.
            "phase-1.md": page(
                "Phase 1",
                """
                # Phase 1

                [Vorbereitung](hpg.md#vorbereitng)

                [Phase 2](phase-2.md)
                """,
            ),
            "hpg.md": HPG,
            "hpg.en.md": HPG_EN,
        },
    )
    return build(config)


def test_each_broken_link_of_a_fallback_page_is_reported_once(
    broken_build: BuildResult,
) -> None:
    assert broken_build.findings(under="docs/phase-1.md") == [
        "docs/phase-1.md:12: Der Link „hpg.md#vorbereitng“ zeigt auf einen Anker, den es "
        "auf der Zielseite nicht gibt — meinten Sie „#vorbereitung“?",
        # Never the page the link stands on (phase-1.md).
        "docs/phase-1.md:14: Der Link „phase-2.md“ zeigt auf eine Seite, die es nicht gibt — "
        "legen Sie die Seite an oder korrigieren Sie den Link.",
    ]
    assert not broken_build.ok


def test_stale_hreflang_on_an_english_page_is_reported(broken_build: BuildResult) -> None:
    assert broken_build.findings(under="docs/index") == [
        "docs/index.en.md:12: Der Link „hpg.md“ ist mit { hreflang=de } als Sprachwechsel "
        "gekennzeichnet, aber die Zielseite gibt es inzwischen in der Fassung „English“ — "
        "entfernen Sie { hreflang=de }, dann führt der Link auf die Seite der Fassung „English“."
    ]
