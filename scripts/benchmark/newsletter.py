"""What do the newsletter's archive, feeds and e-mail export cost a build?

A corpus of 1,000 pages (by default) with 300 newsletter issues, about 40 %
of them translated, an archive page and the start page's news block, built
in full `repeat` times (median CPU). The newsletter's own work is then timed
as plain functions over the same issues, as the build calls them: reading
the issues, the archive and each issue's number, date and neighbours in
every language, the news block, both feeds of every language, and one issue
exported as an e-mail. The figure is their share of the full build; the
issue asks for at most 2 %.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path

import jinja2

from benchmark.builds import build, write_config
from benchmark.corpus import generate_corpus
from benchmark.harness import (
    Answer,
    BuildFailed,
    Context,
    Measurement,
    cpu_median,
    median,
    percent,
    seconds,
)
from benchmark.portal_config import PROJECT_ROOT, portal_languages
from portal import sources
from portal.labels import labels_of
from portal.news import NewsContext, collect, entries
from portal.newsletter.archive import archive, issue_link, neighbours
from portal.newsletter.checks import check_issues
from portal.newsletter.email import check_email, render_email
from portal.newsletter.feeds import render_feeds
from portal.newsletter.model import Issue, load_issues
from portal.newsletter.news import latest_issue
from portal.newsletter.subscription import Subscription

ISSUES = 300
TRANSLATED_EVERY = 5
"""Every fifth issue has no English text, the others have (80 %)."""
SITE_URL = "http://127.0.0.1:8000/"
LIMIT = 0.02


def measure(context: Context) -> Answer:
    corpus = generate_corpus(
        root=context.workdir / f"newsletter-n{context.pages}",
        pages=context.pages,
        seed=context.seed,
    )
    _write_issues(corpus.docs_dir)
    config = write_config(corpus)
    builds = []
    for round_number in range(context.repeat):
        run = build(config)
        if run.returncode != 0:
            tail = "\n".join(run.log.splitlines()[-15:])
            raise BuildFailed(f"Build mit {ISSUES} Ausgaben gescheitert:\n{tail}")
        builds.append(run.cpu)
        context.say(f"  Newsletter, Lauf {round_number + 1}/{context.repeat}: CPU {run.cpu:.2f} s")
    full = median(builds)
    languages = portal_languages()
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PROJECT_ROOT / "overrides"), autoescape=False
    )

    def read() -> list[Issue]:
        sources._caches.clear()  # a build starts without parsed sources
        issues = load_issues(corpus.docs_dir, project_root=corpus.root, languages=languages)
        check_issues(issues, today=_today())
        return issues

    issues = read()
    parts: dict[str, Callable[[], object]] = {
        "Ausgaben lesen und prüfen": read,
        "Archiv und Ausgabeseiten (Nummer, Datum, Nachbarn), alle Sprachen": lambda: _pages(
            issues, templates
        ),
        "Meldungsblock der Startseiten": lambda: _news(corpus.docs_dir, corpus.root),
        "Feeds (RSS und Atom je Sprache)": lambda: [
            render_feeds(
                issues,
                language=language,
                languages=languages,
                site_url=SITE_URL,
                site_name="Benchmark",
            )
            for language in languages
        ],
        "eine Ausgabe als E-Mail": lambda: _email(issues[-1], corpus.docs_dir),
    }
    times = {name: cpu_median(call, repeat=context.repeat) for name, call in parts.items()}
    total = sum(times.values())
    share = total / full
    verdict = "innerhalb" if share <= LIMIT else "über"
    return Answer(
        summary=(
            f"Archiv, Feeds und E-Mail-Export kosten bei {corpus.german_pages} Seiten und "
            f"{ISSUES} Ausgaben {seconds(total)} CPU, {percent(share)} eines vollen Builds "
            f"({seconds(full)}): {verdict} der Vorgabe von {percent(LIMIT)}"
        ),
        details=[
            f"Korpus: {corpus.german_pages} + {corpus.english_pages} Seiten, dazu {ISSUES} "
            f"Ausgaben in `docs/newsletter/ausgaben/` (jede {TRANSLATED_EVERY}. nur deutsch), "
            "Archiv und Meldungsblock. Voller Build: Median der CPU-Zeit aus "
            f"{context.repeat} Builds. Die Teile: die Funktionen des Kerns, "
            "direkt aufgerufen, wie die Stufen sie im Build aufrufen (Median, CPU-Zeit im "
            "Prozess).",
            "",
            "| Teil | CPU |",
            "| --- | ---: |",
            *[f"| {name} | {seconds(value)} |" for name, value in times.items()],
            f"| zusammen | {seconds(total)} ({percent(share)} des Builds) |",
        ],
    )


MEASUREMENT = Measurement(
    "newsletter",
    "Was kosten Archiv, Feeds und E-Mail-Export des Newsletters einen Build?",
    measure,
    default=False,
)


# Helper functions


def _today() -> datetime.date:
    return datetime.date(2026, 11, 28)


def _write_issues(docs: Path) -> None:
    # The corpus's own newsletter pages carry numbers too (each number is
    # unique among all newsletter pages): move them out of the issues' range.
    for page in (docs / "newsletter").glob("seite-*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            re.sub(r"^number: (\d+)$", lambda m: f"number: {int(m[1]) + 10000}", text, flags=re.M),
            encoding="utf-8",
        )
    for number in range(1, ISSUES + 1):
        year, month = 2001 + number // 12, number % 12 + 1
        day = f"{year}-{month:02d}-01"
        for language in ("de", "en") if number % TRANSLATED_EVERY else ("de",):
            suffix = "" if language == "de" else ".en"
            title = f"Ausgabe für den Benchmark {number}" if language == "de" else f"Issue {number}"
            path = docs / "newsletter" / "ausgaben" / f"ausgabe-{number:03d}{suffix}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                "---\n"
                f"title: {title}\n"
                "description: Eine Ausgabe des Newsletters im Korpus des Benchmarks.\n"
                "type: newsletter\naudience: [Redaktion]\ntags: [Newsletter]\nowner: Redaktion\n"
                f"number: {number}\ndate: {day}\n"
                "summary: Was in dieser Ausgabe steht, in einem Satz.\n"
                "---\n\n"
                f"# {title}\n\n"
                "Ein Absatz über das [Archiv](../index.md) und die Fachkraft im ASD.\n\n"
                "## Abschnitt\n\n- Punkt eins\n- Punkt zwei\n",
                encoding="utf-8",
            )
    index = docs / "newsletter" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n## Archiv\n\n<!-- portal:newsletter:archive -->\n",
        encoding="utf-8",
    )
    start = docs / "index.md"
    start.write_text(
        start.read_text(encoding="utf-8") + "\n## Aktuelles\n\n<!-- portal:news -->\n",
        encoding="utf-8",
    )


def _pages(issues: list[Issue], templates: jinja2.Environment) -> None:
    languages = portal_languages()
    archive_template = templates.get_template("partials/newsletter-archive.html")
    issue_template = templates.get_template("partials/newsletter-issue.html")
    for language in languages:
        words = labels_of("newsletter", language=language.code)
        years = archive(issues, language=language.code, languages=languages, page_url="newsletter/")
        archive_template.render(years=years, language=language.code, words=words, feeds=[])
        for issue in issues:
            url = languages.url(issue.src_uri, language.code)
            own = issue_link(issue, language=language.code, languages=languages, page_url=url)
            issue_template.render(part="meta", issue=own, language=language.code, words=words)
            around = neighbours(
                issues, issue.src_uri, language=language.code, languages=languages, page_url=url
            )
            issue_template.render(
                part="neighbours", neighbours=around, language=language.code, words=words
            )


def _news(docs: Path, root: Path) -> None:
    languages = portal_languages()
    for language in languages:
        context = NewsContext(docs, root, languages, language, _today())
        entries(collect([latest_issue], context), page_url=language.prefix, language=language.code)


def _email(issue: Issue, docs: Path) -> None:
    subscription = Subscription(
        "mailto", subscribe_email="a-join@example.org", unsubscribe_email="a-leave@example.org"
    )
    email = render_email(
        issue,
        language="de",
        languages=portal_languages(),
        docs_dir=docs,
        site_url=SITE_URL,
        site_name="Benchmark",
        subscription=subscription,
    )
    check_email(email.html, path="mail.html")
