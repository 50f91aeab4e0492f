"""The link guard's plain functions, without a build."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from portal.findings import Finding
from portal.links import PageInfo, check_site
from portal.links.extract import CONTENT, NAVIGATION, REDIRECT, TEMPLATE, TOC, read_page, scan_html
from portal.links.mapping import find_line, infer_pages, source_needles
from portal.links.resolve import (
    EXTERNAL,
    FOUND,
    MISSING,
    OUTSIDE,
    is_external,
    resolution_key,
    resolve,
)
from portal.links.suggest import nearest_anchor, nearest_path
from sitebuilder import LANGUAGES

FILES = frozenset(
    {"index.html", "a/index.html", "a/b/index.html", "bilder/x.png", "dl/plan.pdf", "en/index.html"}
)

MATERIAL_PAGE = """<!doctype html><html lang="de"><head>
<link rel="stylesheet" href="../assets/main.css"></head><body>
<header><a href="../">Logo</a></header>
<nav class="md-tabs"><a href="../a/">Tab</a></nav>
<div class="md-sidebar md-sidebar--primary"><nav class="md-nav">
<a href="../a/b/" id="__nav_1">Nav</a></nav></div>
<div class="md-sidebar md-sidebar--secondary"><nav><a href="#teil">Teil</a></nav></div>
<div class="md-content"><article class="md-content__inner">
<h2 id="teil">Teil</h2><a name="alt"></a><img srcset="x.png 1x, y.png 2x">
<template><p id="unsichtbar"><a href="t/">t</a></p></template>
<a href="seite.md" hreflang="de">Seite</a></article></div>
<footer><a href="../impressum/">Impressum</a></footer></body></html>"""


def test_scan_html_sorts_links_by_region_and_collects_anchors() -> None:
    scan = scan_html(MATERIAL_PAGE)
    assert {(link.url, link.region) for link in scan.links} == {
        ("x.png", CONTENT),
        ("y.png", CONTENT),
        ("seite.md", CONTENT),
        ("#teil", TOC),
        ("../a/", NAVIGATION),
        ("../a/b/", NAVIGATION),
        ("../assets/main.css", TEMPLATE),
        ("../", TEMPLATE),
        ("../impressum/", TEMPLATE),
    }
    # A <template>'s content is inert: its ids cannot be scrolled to.
    assert scan.ids == {"teil", "alt", "__nav_1"}
    assert [link.hreflang for link in scan.links if link.url == "seite.md"] == ["de"]
    assert scan.lang == "de"


def test_meta_refresh_is_the_one_link_of_a_redirect_page() -> None:
    scan = scan_html(
        '<html><head><meta http-equiv="refresh" content="0; url=../neu/">'
        '<link rel="canonical" href="../neu/"></head><body><a href="../neu/">x</a></body></html>'
    )
    assert scan.is_redirect
    assert [(link.url, link.region) for link in scan.links] == [("../neu/", REDIRECT)]


def test_read_page_cuts_the_navigation_and_returns_it_on_request(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(MATERIAL_PAGE, encoding="utf-8")
    page, navigation = read_page(path, with_navigation=True)
    assert navigation is not None and b"__nav_1" in navigation
    assert b"__nav_1" not in page and b'id="teil"' in page
    assert read_page(path, with_navigation=False)[1] == b""


def test_resolve_relative_absolute_and_outside() -> None:
    assert resolve("../b/", page="a/c/index.html", files=FILES).path == "a/b/index.html"
    assert resolve("b", page="a/index.html", files=FILES).kind == FOUND
    assert resolve("/bilder/x.png", page="a/index.html", files=FILES).kind == FOUND
    assert resolve("/portal/a/", page="index.html", files=FILES, base_path="/portal/").kind == (
        FOUND
    )
    assert resolve("../../x/", page="a/index.html", files=FILES).kind == OUTSIDE
    assert resolve("dl/plan.pdf?v=1#page=2", page="index.html", files=FILES).kind == FOUND
    missing = resolve("verfahren.md", page="a/index.html", files=FILES)
    assert (missing.kind, missing.path) == (MISSING, "a/verfahren.md")
    anchor = resolve("#Woche%201", page="a/index.html", files=FILES)
    assert (anchor.path, anchor.fragment) == ("a/index.html", "Woche 1")


def test_outside_schemes_are_external() -> None:
    for url in ("https://x.de", "mailto:a@b.de", "tel:+49", "//cdn.x", "data:image/png,x"):
        assert is_external(url), url
        assert resolve(url, page="index.html", files=FILES).kind == EXTERNAL
    for url in ("seite.md", "#fnref:1", "a/b:c.md"):
        assert not is_external(url), url


def test_nearest_anchor_and_path() -> None:
    assert nearest_anchor("woche-1", ["woche-1-4", "woche-5-8", "__drawer"]) == "woche-1-4"
    assert nearest_anchor("ganz-anders", ["woche-1-4"]) is None
    assert nearest_anchor("drawer", ["__drawer"]) is None
    pages = ["mentoring/gespraeche/index.html", "mentoring/index.html"]
    assert nearest_path("mentoring/gespraech.md", pages) == "mentoring/gespraeche/index.html"
    assert nearest_path("alt/gespraeche/", pages) == "mentoring/gespraeche/index.html"
    assert nearest_path("ganz/anders/", pages) is None


def test_find_line_matches_whole_links_only() -> None:
    lines = ["[a](phasen.md#woche-1-4)", "", "[b](phasen.md#woche-1) und mehr"]
    assert find_line(lines, ["phasen.md#woche-1"]) == (3, "phasen.md#woche-1")
    assert find_line(lines, ["#woche-1"]) == (0, None)
    assert find_line(lines, ["gibt-es-nicht", "phasen.md#woche-1-4"]) == (1, "phasen.md#woche-1-4")
    assert find_line(lines, ["phasen.md#woche-1"], start=4) == (0, None)


def test_source_needles_spell_the_link_as_written() -> None:
    needles = source_needles(
        "../phasen/#woche-1",
        src_uri="einarbeitung/index.en.md",
        target_src_uri="einarbeitung/phasen.en.md",
        fragment="woche-1",
        languages=LANGUAGES,
    )
    assert needles[:3] == ["../phasen/#woche-1", "phasen.en.md#woche-1", "phasen.md#woche-1"]


def test_infer_pages_knows_fallbacks(tmp_path: Path) -> None:
    for name in ("index.md", "index.en.md", "a/seite.md", "a/index.md", "a/index.en.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert infer_pages(tmp_path, languages=LANGUAGES) == {
        "index.html": PageInfo("index.md", "de"),
        "en/index.html": PageInfo("index.en.md", "en"),
        "a/index.html": PageInfo("a/index.md", "de"),
        "en/a/index.html": PageInfo("a/index.en.md", "en"),
        "a/seite/index.html": PageInfo("a/seite.md", "de"),
        "en/a/seite/index.html": PageInfo("a/seite.md", "de"),
    }


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _html(body: str, *, lang: str = "de") -> str:
    article = f'<article class="md-content__inner">{body}</article>'
    return f'<html lang="{lang}"><body>{article}</body></html>'


def test_check_site_reports_at_the_source_line(tmp_path: Path) -> None:
    _write(
        tmp_path / "docs",
        {
            "index.md": "---\ntitle: Start\n---\n\n# Start\n\n[Phasen](phasen.md#woche-1)\n",
            "index.en.md": "# Home\n\n[Nur Deutsch](nur.md)\n\n[Bewusst](nur.md){ hreflang=de }\n",
            "phasen.md": "# Phasen\n",
            "phasen.en.md": "# Phases\n",
            "nur.md": "# Nur\n",
        },
    )
    _write(
        tmp_path / "site",
        {
            "index.html": _html('<a href="phasen/#woche-1">P</a>'),
            "phasen/index.html": _html('<h2 id="woche-1-4">W</h2>'),
            "en/index.html": _html(
                '<a href="nur/">N</a><a href="nur/" hreflang="de">B</a><a href="phasen/">P</a>',
                lang="en",
            ),
            "en/phasen/index.html": _html("", lang="en"),
            "en/nur/index.html": _html("", lang="en"),
            "nur/index.html": _html(""),
        },
    )
    findings = check_site(tmp_path / "site", project_root=tmp_path, languages=LANGUAGES)
    assert findings == [
        Finding(
            "docs/index.en.md",
            3,
            "Der Link „nur.md“ führt von einer Seite der Fassung „English“ auf eine Seite, die "
            "es nur in der Fassung „Deutsch“ gibt",
            "übersetzen Sie die Zielseite (seite.en.md) oder kennzeichnen Sie den Link als "
            "bewussten Sprachwechsel: [Text](seite.md){ hreflang=de }.",
        ),
        Finding(
            "docs/index.md",
            7,
            "Der Link „phasen.md#woche-1“ zeigt auf einen Anker, den es auf der Zielseite "
            "nicht gibt",
            "meinten Sie „#woche-1-4“?",
        ),
    ]


def test_template_link_is_reported_once_for_all_pages(tmp_path: Path) -> None:
    _write(
        tmp_path / "overrides" / "partials", {"footer.html": '<a href="{{ "kontakt/" | url }}">'}
    )
    footer = '<footer><a href="{}kontakt/">K</a></footer>'
    _write(
        tmp_path / "site",
        {
            "index.html": f"<html><body>{footer.format('')}</body></html>",
            "a/index.html": f"<html><body>{footer.format('../')}</body></html>",
        },
    )
    findings = check_site(
        tmp_path / "site",
        project_root=tmp_path,
        template_dirs=[tmp_path / "overrides"],
        languages=LANGUAGES,
    )
    assert [str(finding) for finding in findings] == [
        "overrides/partials/footer.html:1: Der Link „../kontakt/“ in einer Vorlage (auf 2 Seiten, "
        "z. B. „a/“) zeigt auf eine Seite, die es nicht gibt — legen Sie die Seite an oder "
        "korrigieren Sie den Link."
    ]


def test_resolution_key_is_shared_by_pages_that_climb_to_the_same_folder() -> None:
    assert resolution_key("../../b/c/#x", page="a/d/index.html") == ("", "b/c/#x")
    assert resolution_key("../../b/c/#x", page="e/f/index.html") == ("", "b/c/#x")
    assert resolution_key("../g/", page="a/d/index.html") == ("a", "g/")
    assert resolution_key("#x", page="a/d/index.html") == ("a/d/index.html", "#x")
    assert resolution_key("/bilder/x.png", page="a/d/index.html") == ("", "/bilder/x.png")
    # Climbing above the root is reported with the URL as written: not shared.
    assert resolution_key("../../x/", page="a/index.html") == ("a", "../../x/")


SEGMENTS = st.sampled_from(["a", "b", "index.html", "..", ".", ""])


@given(
    folder=st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
    url=st.lists(SEGMENTS, min_size=1, max_size=5).map("/".join),
    suffix=st.sampled_from(["", "/", "#abschnitt-1", "?q=1"]),
)
def test_resolving_under_the_key_gives_the_same_target(
    folder: list[str], url: str, suffix: str
) -> None:
    page = "/".join([*folder, "index.html"])
    url += suffix
    base, rest = resolution_key(url, page=page)
    if url[:1] in {"", "#", "?"}:
        # A URL of the page itself is keyed by the page: nothing is shared.
        assert (base, rest) == (page, url)
    elif url.startswith("/") or is_external(url):
        # Absolute and outside URLs mean the same from every page.
        assert (base, rest) == ("", url)
    else:
        # A page in the key's folder, linking to the rest of the URL from there.
        stand_in = f"{base}/index.html" if base else "index.html"
        shared = resolve(f"./{rest}", page=stand_in, files=FILES)
        direct = resolve(url, page=page, files=FILES)
        if direct.kind == OUTSIDE:
            # Reported with the URL as written, which the key keeps whole.
            assert (shared.kind, rest) == (OUTSIDE, url)
        else:
            assert shared == direct
