"""The metadata check inside real builds: all findings listed, then strict fails;
metadata shown to readers; audience overview pages in both languages."""

from __future__ import annotations

import json
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from golden import Golden, pages_fragments
from sitebuilder import BuildResult, build, page, write_site

GUIDE = """\
---
title: {title}
description: {description}
type: guide
audience: [neue Fachkräfte, Mentor*innen]
tags: [Einarbeitung]
owner: Redaktion
updated: {updated}
{review}---
"""

REVIEW = """\
review:
  date: {reviewed}
  by: {by}
  scope: Rechtsstand nach dem KJSG <und> Abläufe
  interval_months: 12
"""

ROLES = """\
extra:
  roles:
    - {de: Redaktion, en: Editorial team}
    - {de: Fachberatung Kinderschutz, en: Child protection advisers}
"""


def guide(
    title: str,
    description: str,
    *,
    reviewed: str | None = None,
    by: str = "Fachberatung Kinderschutz",
    updated: str = "2026-11-20",
) -> str:
    review = REVIEW.format(reviewed=reviewed, by=by) if reviewed else ""
    front = GUIDE.format(title=title, description=description, review=review, updated=updated)
    return page(title, f"# {title}", front_matter=front)


def metadata_warnings(result: BuildResult) -> list[str]:
    return [w for w in result.warnings() if w.startswith("docs/")]


def html(result: BuildResult, path: str) -> LexborHTMLParser:
    return LexborHTMLParser((result.site_dir / path).read_text(encoding="utf-8"))


def test_faulty_site_lists_every_problem_then_fails(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "kaputt.md": "---\ntitle: Kaputt\ndescription: a: b\n---\n# Kaputt\n",
            "einarbeitung/woche.md": guide("Woche", "Die Woche.", updated="gestern"),
            "newsletter/eins.md": page(
                "Eins",
                "# Eins",
                front_matter="---\ntitle: Eins\ndescription: Eins.\ntype: newsletter\n"
                "audience: [Leitung]\ntags: [Newsletter]\nowner: Redaktion\nnumber: 1\n"
                "date: 2016-06-01\n---\n",
            ),
            "newsletter/zwei.md": page(
                "Zwei",
                "# Zwei",
                front_matter="---\ntitle: Zwei\ndescription: Zwei.\ntype: newsletter\n"
                "audience: [Leitung]\ntags: [Newsletter]\nowner: Redaktion\nnumber: 1\n"
                "date: 2016-05-01\n---\n",
            ),
        },
    )
    result = build(config)
    assert not result.ok
    assert metadata_warnings(result) == [
        "docs/einarbeitung/woche.md:8: „gestern“ in „updated“ ist kein Datum — schreiben Sie "
        "das Datum als JJJJ-MM-TT, z. B. 2026-11-20.",
        "docs/kaputt.md:3:15: Kopfdaten sind kein gültiges YAML (ein Doppelpunkt an "
        "dieser Stelle ist nicht erlaubt) — prüfen Sie Einrückung und Doppelpunkte in dieser "
        "Zeile; Werte mit „:“, „#“ oder am Anfang mit „*“, „[“ oder „{“ gehören in "
        "Anführungszeichen.",
        "docs/newsletter/zwei.md:8: Newsletter-Nummer 1 ist schon an docs/newsletter/eins.md "
        "vergeben — geben Sie dieser Ausgabe die nächste freie Nummer.",
    ]
    assert "Aborted with" in result.log
    assert "Traceback" not in result.log


def test_unreviewed_guide_says_so_with_stand_owner_and_audiences(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "einarbeitung/index.md": page("Einarbeitung", "# Einarbeitung"),
            "einarbeitung/woche.md": guide("Erste Woche", "Was in Woche eins geschieht."),
            "einarbeitung/woche.en.md": guide("First week", "What happens in week one."),
        },
    )
    result = build(config)
    assert result.ok, result.log
    german = html(result, "einarbeitung/woche/index.html")
    assert german.css_first(".portal-meta__review").text() == "Fachlich noch nicht geprüft"
    dates = [node.text(strip=True) for node in german.css(".portal-meta__dates > div")]
    assert dates == ["Stand20.11.2026", "VerantwortlichRedaktion"]
    assert german.css_first(".portal-meta__overdue") is None
    labels = [(a.text(), a.attributes["href"]) for a in german.css("a.portal-meta__audience")]
    assert labels == [
        ("neue Fachkräfte", "../../zielgruppen/neue-fachkraefte/"),
        ("Mentor*innen", "../../zielgruppen/mentorinnen/"),
    ]
    english = html(result, "en/einarbeitung/woche/index.html")
    review = english.css_first(".portal-meta__review").text()
    assert review == "Not yet reviewed by a subject expert"
    assert [n.text(strip=True) for n in english.css(".portal-meta__dates dt")] == [
        "Last updated",
        "Responsible",
    ]
    assert english.css_first(".portal-meta__dates dd time").text() == "20 November 2026"
    assert english.css(".portal-meta__dates dd")[-1].text() == "Editorial team"
    assert [a.text() for a in english.css("a.portal-meta__audience")] == ["New staff", "Mentors"]


def test_recorded_review_is_shown_with_who_what_and_next(tmp_path: Path) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "einarbeitung/woche.md": guide(
                "Erste Woche", "Die Woche.", reviewed="2026-11-10", updated="2026-11-20"
            ),
            "einarbeitung/woche.en.md": guide(
                "First week", "The week.", reviewed="2026-11-20", by="Dr. Erika Beispiel"
            ),
        },
        extra_config=ROLES,
    )
    result = build(config)
    assert result.ok, result.log
    german = html(result, "einarbeitung/woche/index.html")
    review = german.css_first(".portal-meta__review")
    assert review.text() == (
        "Fachlich geprüft am 10.11.2026 von Fachberatung Kinderschutz; seitdem geändert"
    )
    assert review.css_first("time").attributes["datetime"] == "2026-11-10"
    dates = [node.text(strip=True) for node in german.css(".portal-meta__dates > div")]
    assert dates == [
        "Stand20.11.2026",
        "Geprüft wurdeRechtsstand nach dem KJSG <und> Abläufe",
        "Nächste Prüfung10.11.2027",
        "VerantwortlichRedaktion",
    ]
    english = html(result, "en/einarbeitung/woche/index.html")
    review = english.css_first(".portal-meta__review")
    assert review.text() == "Reviewed by Dr. Erika Beispiel on 20 November 2026"
    dates = [node.text(strip=True) for node in english.css(".portal-meta__dates > div")]
    assert dates[-1] == "ResponsibleEditorial team"


def test_audience_overview_pages_in_both_languages(tmp_path: Path, golden: Golden) -> None:
    config = write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "einarbeitung/index.md": page("Einarbeitung", "# Einarbeitung"),
            "einarbeitung/woche.md": guide("Erste Woche", "Was in Woche eins geschieht."),
            "einarbeitung/woche.en.md": guide("First week", "What happens in week one."),
            "einarbeitung/zweite.md": guide("Zweite Woche & mehr", "Nur auf Deutsch."),
        },
    )
    result = build(config)
    assert result.ok, result.log
    german = html(result, "zielgruppen/neue-fachkraefte/index.html")
    items = [
        (" ".join(li.text().split()), li.css_first("a").attributes["href"])
        for li in german.css("article li")
    ]
    assert items == [
        ("Erste Woche: Was in Woche eins geschieht.", "../../einarbeitung/woche/"),
        ("Zweite Woche & mehr: Nur auf Deutsch.", "../../einarbeitung/zweite/"),
    ]
    english = html(result, "en/zielgruppen/neue-fachkraefte/index.html")
    items = [
        (" ".join(li.text().split()), li.css_first("a").attributes["href"])
        for li in english.css("article li")
    ]
    assert items == [
        ("First week: What happens in week one.", "../../einarbeitung/woche/"),
        ("Zweite Woche & mehr: Nur auf Deutsch.", "../../einarbeitung/zweite/"),
    ]
    # The untranslated page is marked as German, for screen readers and the browser.
    german_only = english.css("article li")[1].css_first("a").attributes
    assert (german_only["hreflang"], german_only["lang"]) == ("de", "de")
    assert "hreflang" not in english.css("article li")[0].css_first("a").attributes
    assert english.css_first("html").attributes["lang"] == "en"
    leitung = html(result, "zielgruppen/leitung/index.html")
    assert "Noch keine Seiten." in leitung.css_first("article").text()
    switcher = [a.attributes["href"] for a in english.css(".md-select__link")]
    assert switcher == ["../../../zielgruppen/neue-fachkraefte/", "./"]
    # The overviews repeat every listed page's text: the search leads to the pages.
    for index in ("search/portal-index.json", "en/search/portal-index.json"):
        data = json.loads((result.site_dir / index).read_text(encoding="utf-8"))
        locations = [doc[0] for doc in data["docs"]]
        assert any(location.startswith("einarbeitung/woche/") for location in locations)
        assert not [location for location in locations if "zielgruppen" in location]
    # Every overview page of each language, exactly as built.
    for language, prefix in (("de", ""), ("en", "en/")):
        folder = result.site_dir / prefix / "zielgruppen"
        pages = sorted(path.relative_to(result.site_dir) for path in folder.rglob("index.html"))
        fragments = pages_fragments(result.site_dir, [path.as_posix() for path in pages])
        golden(f"zielgruppen.{language}.html", fragments)


def _site_with_chapter_reviewed_2020(tmp_path: Path) -> Path:
    """A site whose one chapter was reviewed on 15.01.2020: due again on 15.01.2021."""
    return write_site(
        tmp_path,
        {
            "index.md": page("Start", "# Start"),
            "index.en.md": page("Home", "# Home"),
            "einarbeitung/alt.md": guide("Alt", "Ein altes Kapitel.", reviewed="2020-01-15"),
        },
        extra_config=ROLES,
    )


def test_overdue_chapter_warns_shows_notice_and_fails_only_when_asked(tmp_path: Path) -> None:
    config = _site_with_chapter_reviewed_2020(tmp_path)
    expected = (
        "docs/einarbeitung/alt.md:9: fachliche Prüfung überfällig seit 15.01.2021 (zuletzt "
        "geprüft 15.01.2020) — lassen Sie das Kapitel prüfen und tragen Sie danach die neue "
        "Prüfung unter „review:“ ein (date, by, scope)."
    )
    result = build(config)
    assert result.ok, result.log
    assert result.warnings().count(expected) == 1
    notice = html(result, "einarbeitung/alt/index.html").css_first(".portal-meta__overdue")
    assert notice is not None
    assert "seit dem 15.01.2021 fällig" in notice.text()
    failing = build(config, env={"PORTAL_FAIL_ON_OVERDUE_REVIEW": "true"})
    assert not failing.ok
    assert metadata_warnings(failing) == [expected]


def test_overdue_is_judged_on_the_build_date(tmp_path: Path) -> None:
    config = _site_with_chapter_reviewed_2020(tmp_path)
    # A year after the review it is due: not yet on a build dated before that.
    result = build(config, env={"PORTAL_BUILD_DATE": "2020-06-01"})
    assert result.ok, result.log
    assert not [w for w in result.warnings() if "überfällig" in w]
    notice = html(result, "einarbeitung/alt/index.html").css_first(".portal-meta__overdue")
    assert notice is None
