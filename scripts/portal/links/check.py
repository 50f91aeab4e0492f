"""The link guard over a built site: every page, every link, both languages.

``check_site(site_dir)`` reads each built HTML page once, lists the site's
files once, resolves every internal ``href``/``src``/``srcset`` against those
sets, and turns what does not resolve into findings that point at the line
of the Markdown source, the navigation in mkdocs.yml or the theme template
the link came from.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from portal.findings import Finding
from portal.languages import Languages
from portal.links import messages
from portal.links.extract import (
    CONTENT,
    NAVIGATION,
    REDIRECT,
    TOC,
    Link,
    PageScan,
    merge_scans,
    read_page,
    scan_html,
)
from portal.links.mapping import PageInfo, SourceLocator, infer_pages, source_needles
from portal.links.resolve import (
    EXTERNAL,
    FOUND,
    MISSING,
    OUTSIDE,
    Target,
    list_site,
    looks_like_page,
    page_url,
    resolution_key,
    resolve,
)
from portal.links.suggest import nearest_anchor, nearest_path

# Data

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"})


@dataclass(frozen=True, slots=True)
class Problem:
    """One link on one built page that does not hold, before it is traced to its source."""

    page: str
    link: Link
    target: Target
    kind: str
    """missing-page, missing-file, missing-anchor, fallback-anchor, outside, german-only,
    other-language or stale-hreflang."""


@dataclass
class SiteScan:
    """A built site read once: its files, and each HTML page's anchors and links."""

    files: frozenset[str]
    pages: dict[str, PageScan] = field(default_factory=dict)


# Functions


def check_site(
    site_dir: Path,
    *,
    pages: Mapping[str, PageInfo] | None = None,
    project_root: Path | None = None,
    docs_dir: Path | None = None,
    config_file: Path | None = None,
    template_dirs: Sequence[Path] = (),
    languages: Languages,
    base_path: str = "/",
    redirects: Mapping[str, str] | None = None,
) -> list[Finding]:
    """Every broken internal link, anchor and asset of the built site, as findings.

    `pages` says which source each built page came from (the build records it;
    without it, it is inferred from `docs_dir`). `languages` are the
    site's languages (the default at the root, the others below ``<code>/``). `redirects` is
    mkdocs-redirects' redirect_maps. Outside URLs are not checked here.
    """
    project_root = (project_root or Path.cwd()).resolve()
    docs_dir = docs_dir or project_root / "docs"
    if pages is None:
        pages = infer_pages(docs_dir, languages=languages) if docs_dir.is_dir() else {}
    site = scan_site(site_dir, languages=languages)
    problems = find_problems(site, pages=pages, languages=languages, base_path=base_path)
    locator = SourceLocator(
        project_root=project_root,
        docs_dir=docs_dir,
        config_file=config_file,
        template_dirs=template_dirs,
    )
    findings = describe(problems, site=site, pages=pages, locator=locator, languages=languages)
    if redirects:
        findings += check_redirect_map(redirects, site=site, pages=pages, locator=locator)
    return sorted(set(findings))


def scan_site(site_dir: Path, *, languages: Languages) -> SiteScan:
    """List the site and scan every HTML page once (the navigation once per language)."""
    site = SiteScan(list_site(site_dir))
    navigation: dict[str, PageScan] = {}
    for path in sorted(site.files):
        if not path.endswith(".html"):
            continue
        tree = language_of(path, languages=languages)
        try:
            page, sidebar = read_page(site_dir / path, with_navigation=tree not in navigation)
        except (OSError, ValueError):
            continue
        scan = scan_html(page)
        if sidebar:
            navigation[tree] = scan_html(sidebar)
            scan = merge_scans(scan, navigation[tree])
        elif sidebar is not None and tree in navigation:
            # Its links are checked once per language, its ids hold on every page.
            scan = PageScan(
                scan.ids | navigation[tree].ids, scan.links, scan.is_redirect, scan.lang
            )
        site.pages[path] = scan
    return site


def find_problems(
    site: SiteScan,
    *,
    pages: Mapping[str, PageInfo],
    languages: Languages,
    base_path: str = "/",
) -> list[Problem]:
    """Resolve every link of every page; return those that do not hold."""
    problems: list[Problem] = []
    resolved: dict[tuple[str, str], Target] = {}
    # The header, footer and theme links of every page, and many content
    # links, are the same link in the same situation: judged once each.
    verdicts: dict[tuple[tuple[str, str], str | None, str, str, bool, bool], str | None] = {}
    for page, scan in site.pages.items():
        tree = language_of(page, languages=languages)
        own_language = _content_language(page, scan, tree, pages=pages) == tree
        # Generated overviews list untranslated pages on purpose, like the
        # navigation; only pages an editor wrote must mark a language change.
        written = page in pages and pages[page].src_uri is not None
        for link in scan.links:
            url = link.url
            if link.region == NAVIGATION and url.split("#", 1)[0].endswith(".md"):
                # MkDocs leaves a nav entry without a page as written:
                # portal.nav reports it once, at its line in mkdocs.yml.
                continue
            key = resolution_key(url, page=page)
            target = resolved.get(key)
            if target is None:
                target = resolve(url, page=page, files=site.files, base_path=base_path)
                resolved[key] = target
            if target.kind == EXTERNAL:
                continue
            situation = (key, link.hreflang, link.region, tree, own_language, written)
            if situation in verdicts:
                kind = verdicts[situation]
            else:
                kind = _judge(target, link, site=site)
                if kind == "missing-anchor" and not own_language:
                    kind = _fallback_anchor(target, site=site, pages=pages, languages=languages)
                if kind is None and own_language and target.is_page:
                    kind = _language_problem(
                        tree, link, target, pages=pages, languages=languages, written=written
                    )
                verdicts[situation] = kind
            if kind is not None:
                problems.append(Problem(page, link, target, kind))
    return problems


def language_of(path: str, *, languages: Languages) -> str:
    """The language tree a built path belongs to: ``en/…`` → en, the rest → the default."""
    return languages.of_url(path).code


def describe(
    problems: Sequence[Problem],
    *,
    site: SiteScan,
    pages: Mapping[str, PageInfo],
    locator: SourceLocator,
    languages: Languages,
) -> list[Finding]:
    """Trace each problem to its source line and phrase it, with a suggestion."""
    findings: list[Finding] = []
    # A German page is built in every language (i18n's fallback): a broken
    # link on it is found once per build, but the editor wrote it once.
    # One finding per source line and link, the one from the page's own
    # language first (its suggestion names the pages the editor sees).
    written_once: dict[tuple[str, int, str], tuple[bool, Finding]] = {}
    # A broken link in a template or the navigation is broken on every page:
    # report it once, with the number of pages.
    shared: dict[tuple[str, int, str, str], list[Problem]] = {}
    for problem in problems:
        info = pages.get(problem.page)
        target_info = pages.get(problem.target.path)
        needles = source_needles(
            problem.link.url,
            src_uri=info.src_uri if info else None,
            target_src_uri=target_info.src_uri if target_info else None,
            fragment=problem.target.fragment,
            languages=languages,
        )
        region = problem.link.region
        if region == REDIRECT:
            findings.append(_redirect_finding(problem, site=site, pages=pages, locator=locator))
            continue
        if region in (CONTENT, TOC) and info is not None and info.src_uri is not None:
            path, line, needle = locator.in_markdown(info.src_uri, needles)
            written = _as_written(problem.link.url, needle)
            suggestion = _suggest(
                problem, site=site, pages=pages, src_uri=info.src_uri, languages=languages
            )
            finding = _finding(problem, path, line, written, "", suggestion, languages, pages)
            fallback = info.locale != language_of(problem.page, languages=languages)
            kept = written_once.get((path, line, written))
            if kept is None or (kept[0] and not fallback):
                written_once[(path, line, written)] = (fallback, finding)
            continue
        if region in (CONTENT, TOC) and info is not None and info.generated_by:
            suggestion = _suggest(
                problem, site=site, pages=pages, src_uri=None, languages=languages
            )
            findings.append(
                _finding(
                    problem,
                    info.generated_by,
                    0,
                    problem.link.url,
                    "",
                    suggestion,
                    languages,
                    pages,
                )
            )
            continue
        if region == NAVIGATION:
            path, line, needle = locator.in_config(needles, section="nav:")
        else:
            found = locator.in_templates(needles)
            path, line, needle = found if found else ("mkdocs.yml", 0, None)
        shared.setdefault((path, line, problem.kind, problem.target.path), []).append(problem)
    for (path, line, _, _), group in shared.items():
        first = group[0]
        count = len({problem.page for problem in group})
        place = " in der Navigation" if first.link.region == NAVIGATION else " in einer Vorlage"
        pages_text = "einer Seite" if count == 1 else f"{count} Seiten"
        where = f"{place} (auf {pages_text}, z. B. „{page_url(first.page)}“)"
        suggestion = _suggest(first, site=site, pages=pages, src_uri=None, languages=languages)
        findings.append(
            _finding(first, path, line, first.link.url, where, suggestion, languages, pages)
        )
    return findings + [finding for _, finding in written_once.values()]


def check_redirect_map(
    redirects: Mapping[str, str],
    *,
    site: SiteScan,
    pages: Mapping[str, PageInfo],
    locator: SourceLocator,
) -> list[Finding]:
    """Redirects that mkdocs-redirects could not write, because their target is missing."""
    findings = []
    sources = sorted({info.src_uri for info in pages.values() if info.src_uri})
    for old, new in redirects.items():
        if str(new).lower().startswith(("http://", "https://")):
            continue
        if _redirect_page(old) in site.files:
            continue
        path, line, _ = locator.in_config([old], section="redirect_maps:")
        suggestion = nearest_path(str(new).split("#", 1)[0], sources)
        problem, fix = messages.missing_redirect(old, str(new), suggestion=suggestion)
        findings.append(Finding(path, line, problem, fix))
    return findings


# Helper functions


def _judge(target: Target, link: Link, *, site: SiteScan) -> str | None:
    if target.kind == OUTSIDE:
        return "outside"
    if target.kind == MISSING:
        return "missing-page" if looks_like_page(target.path) else "missing-file"
    fragment = target.fragment
    if fragment and target.kind == FOUND and target.is_page:
        scan = site.pages.get(target.path)
        # "#top" scrolls to the top of any page (HTML standard).
        if scan is not None and fragment not in scan.ids and fragment.lower() != "top":
            return "missing-anchor"
    return None


def _fallback_anchor(
    target: Target, *, site: SiteScan, pages: Mapping[str, PageInfo], languages: Languages
) -> str:
    """missing-anchor, or fallback-anchor where only the default language's target has it."""
    default_path = languages.default.prefix + languages.strip_prefix(target.path)
    target_info = pages.get(target.path)
    scan = site.pages.get(default_path)
    if (
        default_path != target.path
        and (target_info is None or target_info.locale != languages.default.code)
        and scan is not None
        and target.fragment in scan.ids
    ):
        return "fallback-anchor"
    return "missing-anchor"


def _language_problem(
    tree: str,
    link: Link,
    target: Target,
    *,
    pages: Mapping[str, PageInfo],
    languages: Languages,
    written: bool,
) -> str | None:
    target_tree = language_of(target.path, languages=languages)
    target_info = pages.get(target.path)
    target_locale = target_info.locale if target_info else target_tree
    declared = (link.hreflang or "").split("-", 1)[0].lower()
    if declared in (target_locale, target_tree):
        return None
    if declared in languages.codes and written and link.region == CONTENT and target_locale == tree:
        # Marked as leading into another language, but i18n found the
        # page's translation: the mark is left from before it existed.
        return "stale-hreflang"
    if target_tree != tree:
        return "other-language"
    # Navigation and templates list untranslated pages on purpose
    # (fallback_to_default); only a link an editor wrote must say so.
    if written and link.region == CONTENT and target_locale != tree:
        return "german-only" if target_locale == languages.default.code else "other-language"
    return None


def _content_language(
    page: str, scan: PageScan, tree: str, *, pages: Mapping[str, PageInfo]
) -> str:
    # A German page under /en/ (fallback_to_default) is German content; a page
    # without a source (404, search) is in the language of its <html lang>:
    # i18n writes the last language's 404.html to the site's root.
    if page in pages:
        return pages[page].locale
    return (scan.lang or tree).split("-", 1)[0].lower()


def _finding(
    problem: Problem,
    path: str,
    line: int,
    written: str,
    where: str,
    suggestion: str | None,
    languages: Languages,
    pages: Mapping[str, PageInfo],
) -> Finding:
    kind = problem.kind
    if kind == "missing-page":
        text, fix = messages.missing_page(written, where=where, suggestion=suggestion)
    elif kind == "missing-file":
        image = posixpath.splitext(problem.target.path)[1].lower() in IMAGE_SUFFIXES
        text, fix = messages.missing_file(written, where=where, image=image, suggestion=suggestion)
    elif kind == "missing-anchor":
        text, fix = messages.missing_anchor(written, where=where, suggestion=suggestion)
    elif kind == "fallback-anchor":
        target_info = pages.get(problem.target.path)
        text, fix = messages.fallback_anchor(
            written,
            where=where,
            fragment=problem.target.fragment or "",
            shown_in=languages.of_url(problem.page),
            written_in=languages.default,
            translation=target_info.src_uri if target_info and target_info.src_uri else None,
        )
    elif kind == "stale-hreflang":
        text, fix = messages.stale_hreflang(
            written,
            where=where,
            declared=problem.link.hreflang or "",
            target=languages.of_url(problem.target.path),
        )
    elif kind == "outside":
        text, fix = messages.outside(written, where=where)
    elif kind == "german-only":
        text, fix = messages.german_only(
            written, where=where, page=languages.of_url(problem.page), target=languages.default
        )
    else:
        text, fix = messages.other_language(
            written,
            where=where,
            source=languages.of_url(problem.page),
            target=languages.of_url(problem.target.path),
        )
    return Finding(path, line, text, fix)


def _as_written(url: str, needle: str | None) -> str:
    # Show the link as the editor wrote it, unless only a fragment of it was found.
    if needle is None or (needle.startswith("#") and not url.startswith("#")):
        return url
    return needle


def _suggest(
    problem: Problem,
    *,
    site: SiteScan,
    pages: Mapping[str, PageInfo],
    src_uri: str | None,
    languages: Languages,
) -> str | None:
    target = problem.target
    if problem.kind == "missing-anchor":
        scan = site.pages.get(target.path)
        return nearest_anchor(target.fragment or "", scan.ids) if scan else None
    if problem.kind == "missing-page":
        tree = language_of(target.path, languages=languages)
        # The page the link stands on is never what its editor meant to link.
        candidates = [
            path
            for path in site.pages
            if language_of(path, languages=languages) == tree
            and not site.pages[path].is_redirect
            and path != problem.page
        ]
        found = nearest_path(_meant_path(problem, src_uri=src_uri, languages=languages), candidates)
        if found is None:
            return None
        suffix = f"#{target.fragment}" if target.fragment else ""
        found_info = pages.get(found)
        if src_uri is not None and found_info is not None and found_info.src_uri:
            # Editors link the default language's source, i18n picks the
            # translation: `seite.md`, also from `andere.en.md`.
            found_source = languages.default_source(found_info.src_uri)
            relative = posixpath.relpath(found_source, posixpath.dirname(src_uri) or ".")
            return relative + suffix
        return (
            posixpath.relpath(page_url(found), posixpath.dirname(problem.page) or ".")
            + ("/" if found.endswith("index.html") else "")
            + suffix
        )
    if problem.kind == "missing-file":
        extension = posixpath.splitext(target.path)[1].lower()
        candidates = [path for path in site.files if path.lower().endswith(extension)]
        found = nearest_path(target.path, candidates)
        if found is None:
            return None
        start = (
            posixpath.dirname(src_uri) if src_uri is not None else posixpath.dirname(problem.page)
        )
        return posixpath.relpath(found, start or ".")
    return None


def _meant_path(problem: Problem, *, src_uri: str | None, languages: Languages) -> str:
    # MkDocs leaves a Markdown link to a missing page as written, and the
    # browser resolves it below the page's own folder (``b.md`` on ``a/``
    # → ``a/b.md``); its editor meant the page next to the source.
    path = unquote(problem.link.url.split("#", 1)[0].split("?", 1)[0])
    if src_uri is None or not path.endswith(".md") or path.startswith("/"):
        return problem.target.path
    source = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    if source.startswith(".."):
        return problem.target.path
    return languages.dest_path(source, language_of(problem.page, languages=languages))


def _redirect_page(old: str) -> str:
    folder, name = posixpath.split(old)
    stem = posixpath.splitext(name)[0]
    if stem in {"index", "README"}:
        return posixpath.join(folder, "index.html")
    return posixpath.join(folder, stem, "index.html")


def _redirect_finding(
    problem: Problem, *, site: SiteScan, pages: Mapping[str, PageInfo], locator: SourceLocator
) -> Finding:
    folder = posixpath.dirname(problem.page)
    keys = [f"{folder}.md", f"{folder}/index.md"] if folder else ["index.md"]
    path, line, needle = locator.in_config(keys, section="redirect_maps:")
    old = needle or keys[0]
    if problem.kind == "missing-anchor":
        scan = site.pages.get(problem.target.path)
        anchor = nearest_anchor(problem.target.fragment or "", scan.ids) if scan else None
        text, fix = messages.redirect_anchor(old, problem.link.url, suggestion=anchor)
        return Finding(path, line, text, fix)
    sources = sorted({info.src_uri for info in pages.values() if info.src_uri})
    wanted = posixpath.normpath(posixpath.join(folder, problem.link.url.split("#", 1)[0]))
    suggestion = nearest_path(wanted, sources)
    text, fix = messages.broken_redirect(old, problem.link.url, suggestion=suggestion)
    return Finding(path, line, text, fix)
