"""The prepare stage: every check of the sources, before anything is rendered.

`prepare` runs once per site build, in the build, in the preview and in
``python -m portal check`` alike, so that all three report the same
findings for the same sources. Findings fail a strict build; notices
(settings of the operation nobody on the team may know yet, reviews falling
due) are printed the same way without failing it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace

from portal.check.file_names import check_file_names
from portal.check.inline_code import check_inline_code
from portal.check.sources_site import GLOSSARY_MARKER, read_sources_site
from portal.clock import Clock, clock_from_environment
from portal.deployment import release_address_finding
from portal.edit_links import check_edit_links
from portal.editorial.check import check_editorial
from portal.events.checks import check_entries
from portal.findings import Finding
from portal.links.absolute import check_absolute_links
from portal.links.check import check_redirect_map, describe, find_problems
from portal.links.mapping import SourceLocator
from portal.metadata import CheckResult, check_docs
from portal.nav import check_nav
from portal.newsletter.checks import check_issues
from portal.newsletter.subscription import Subscription, read_subscription, unset_finding
from portal.operator import PARTS, missing_finding, missing_operator_fields
from portal.site.model import Site

OPERATOR_MARKER = re.compile(r"<!-- portal:operator(?::([a-z-]+))? -->")
"""``<!-- portal:operator -->`` and ``<!-- portal:operator:PART -->`` on the legal pages."""


@dataclass(frozen=True)
class Prepared:
    """The site after the prepare stage: what the later stages and the templates use."""

    site: Site
    now: datetime.datetime
    """The build's moment (``PORTAL_BUILD_DATE`` or the clock): past, new and due follow it."""
    findings: tuple[Finding, ...]
    notices: tuple[Finding, ...]
    metadata: CheckResult
    subscription: Subscription

    @property
    def today(self) -> datetime.date:
        return self.now.date()


def prepare(site: Site, *, clock: Clock | None = None) -> Prepared:
    """Check every source of `site`; a broken setup of the portal is a ConfigurationError."""
    now = (clock or clock_from_environment(site.settings.environ))()
    settings = site.settings
    roles, role_findings = site.roles
    metadata = check_docs(
        site.docs_dir,
        project_root=site.root,
        languages=site.languages,
        roles=roles,
        today=now.date(),
        files=site.files,
    )
    findings = [*site.settings_findings, *role_findings, *metadata.findings]
    notices: list[Finding] = []
    overdue = metadata.overdue(today=now.date())
    (findings if settings.fail_on_overdue_review else notices).extend(overdue)
    entries, event_pages = site.events
    findings += check_entries(entries, pages=event_pages, now=now)
    findings += _structure(site)
    findings += _glossary(site)
    excluded = set(site.excluded)
    for src_uri in site.markdown:
        if src_uri not in excluded:
            findings += check_inline_code(site.source(src_uri))
    findings += _links(site)
    findings += check_editorial(site.docs_dir, project_root=site.root, files=site.files)
    findings += check_issues(site.issues, today=now.date())
    subscription, problems = _subscription(site)
    findings += problems
    release = settings.require_operator
    operational = _operation(site, subscription=subscription, problems=problems)
    (findings if release else notices).extend(operational)
    findings += _operator_markers(site)
    return Prepared(
        site,
        now,
        tuple(sorted(set(findings))),
        tuple(sorted(set(notices) - set(findings))),
        metadata,
        subscription,
    )


# Helper functions


def _structure(site: Site) -> list[Finding]:
    """The nav, links written from the site's root, file names, the edit address."""
    findings = check_nav(
        site.config,
        docs_dir=site.docs_dir,
        project_root=site.root,
        languages=site.languages,
        files=site.files,
    )
    for src_uri in site.markdown:
        findings += check_absolute_links(
            site.source(src_uri), src_uri=src_uri, known_pages=site.markdown
        )
    findings += check_file_names(
        site.files, docs_shown=site.shown(site.docs_dir), languages=site.languages
    )
    findings += check_edit_links(
        site.settings.repo_url,
        site.settings.edit_uri,
        shown=site.shown(site.project.config_file),
        line_of=site.config.line_of,
    )
    return findings


def _glossary(site: Site) -> list[Finding]:
    glossary = site.glossary
    if glossary.found:
        return list(glossary.findings)
    findings = []
    for src_uri in site.markdown:
        source = site.source(src_uri)
        line = source.line_of(GLOSSARY_MARKER)
        if line:
            findings.append(
                Finding(
                    source.path,
                    line,
                    f"Die Seite zeigt das Glossar, aber {glossary.shown} fehlt",
                    f"legen Sie die Datei an oder entfernen Sie die Markierung {GLOSSARY_MARKER}.",
                )
            )
    return findings


def _links(site: Site) -> list[Finding]:
    """Links and anchors between pages, judged on the site the sources make, and redirects."""
    languages = site.languages
    sources_site = read_sources_site(
        site.docs_dir,
        cache=site.sources,
        languages=languages,
        excluded=site.excluded,
        files=site.files,
    )
    locator = SourceLocator(
        project_root=site.root,
        docs_dir=site.docs_dir,
        config_file=site.project.config_file,
        template_dirs=(),
    )
    # A German page shown to English readers has its anchor links led to the
    # German target where only that one has the anchor (the finish stage,
    # portal.links.fallback): in the sources such a link is not yet led.
    problems = [
        problem
        for problem in find_problems(
            sources_site.scan, pages=sources_site.pages, languages=languages
        )
        if problem.kind != "fallback-anchor"
    ]
    findings = describe(
        problems,
        site=sources_site.scan,
        pages=sources_site.pages,
        locator=locator,
        languages=languages,
    )
    redirects = dict(site.redirects)
    if redirects:
        # mkdocs-redirects writes a redirect page wherever its target exists.
        written = {
            languages.dest_path(old, languages.default.code)
            for old, new in redirects.items()
            if new.split("#", 1)[0] in site.markdown
        }
        scan = replace(sources_site.scan, files=sources_site.scan.files | written)
        findings += check_redirect_map(
            redirects, site=scan, pages=sources_site.pages, locator=locator
        )
    return findings


def _subscription(site: Site) -> tuple[Subscription, list[Finding]]:
    path, line = site.setting_place("newsletter")
    subscription, problems = read_subscription(
        site.settings.extra.get("newsletter"), path=path, line=line
    )
    return subscription, list(problems)


def _operation(site: Site, *, subscription: Subscription, problems: list[Finding]) -> list[Finding]:
    """What only the operator can fill in: a notice in previews and CI, required in a release."""
    findings = []
    missing = missing_operator_fields(site.settings.operator)
    if missing:
        path, line = site.setting_place("operator")
        findings.append(missing_finding(missing, path=path, line=line))
    if subscription.kind == "unset" and not problems:
        path, line = site.setting_place("newsletter")
        findings.append(unset_finding(path=path, line=line))
    if site.settings.require_operator:
        address = release_address_finding(
            site.settings.site_url,
            path=site.config.shown("site_url", site.root),
            line=site.config.line_of("site_url"),
        )
        findings += [address] if address else []
    return findings


def _operator_markers(site: Site) -> list[Finding]:
    """A marker an editor mistyped is a content error: it would render as nothing."""
    allowed = ", ".join(f"<!-- portal:operator{':' + name if name else ''} -->" for name in PARTS)
    findings = []
    for src_uri in site.markdown:
        source = site.source(src_uri)
        if "<!-- portal:operator" not in source.text:
            continue
        for match in OPERATOR_MARKER.finditer(source.text):
            if (match.group(1) or "") in PARTS:
                continue
            findings.append(
                Finding(
                    source.path,
                    source.text[: match.start()].count("\n") + 1,
                    f"unbekannte Betreiberangabe „{match.group(0)}“",
                    f"schreiben Sie eine der Marken {allowed}.",
                )
            )
    return findings
