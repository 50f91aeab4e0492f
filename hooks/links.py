"""Link guard: every link, anchor and asset of both languages, checked after the build.

MkDocs validates Markdown links of page bodies only. This hook checks the
finished site instead: every ``href``/``src``/``srcset`` of every built page
in every language (content, navigation, templates, generated pages, 404 and
redirect pages), and reports each broken one at the line it was written on.
The logic lives in ``portal.links``; this file only connects it to MkDocs.

Deliberate fallback: a link from an English page to a page that exists only
in German (i18n's fallback_to_default builds it under /en/) is reported,
unless the link declares the language of its target,
``[Text](seite.md){ hreflang=de }``. Navigation and templates list
untranslated pages on purpose and are exempt; the language switcher carries
hreflang itself. A mark that outlived its reason (the target has been
translated since) is reported too. German pages shown under /en/ have their
anchor links led to the German target by hooks/fallback_links.py; a broken
link on them is reported once, as the German build found it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from portal.links import PageInfo, check_site
from portal.mkdocs_adapter import (
    BuildState,
    file_language,
    is_last_language_build,
    languages,
    project_root,
    redirect_maps,
    report,
)

# Where each built page came from, for the whole site build (every language
# writes into it): dest path → PageInfo.
_pages: BuildState[dict[str, PageInfo]] = BuildState(dict)

# Hooks


# After i18n (-100), which runs on_config again for every further language.
@event_priority(-500)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # This guard reports broken Markdown links and anchors itself, with line
    # and suggestion; MkDocs' own messages about them would be duplicates.
    # They stay visible at INFO level. Absolute and unrecognised links stay
    # MkDocs' warnings: the guard does not judge how a link is written.
    config.validation.links.not_found = logging.INFO
    config.validation.links.anchors = logging.INFO
    return config


# Last, so that the page is recorded with the file i18n gave it (its locale
# tells a German fallback page under /en/ from a translated one).
@event_priority(-500)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    file = page.file
    generated_by = file.generated_by
    _pages.of(config)[file.dest_uri] = PageInfo(
        None if generated_by else file.src_uri, file_language(file, config).code, generated_by
    )
    return output


# The check needs every language on disk. i18n builds the default language
# first and each further one from its own on_post_build (-100) as a nested
# full build into the same site; in strict mode a nested build that warned
# aborts right there, before the outer build's later handlers could run. So
# the check runs at the end of the last language's build, when all languages
# are written: at -500, after i18n's handler and after any handler that
# writes files in on_post_build (mkdocs-redirects at 0, archives, feeds).
@event_priority(-500)
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_last_language_build(config):
        return
    config_file = Path(config.config_file_path) if config.config_file_path else None
    custom_dir = config.theme.custom_dir
    findings = check_site(
        Path(config.site_dir),
        pages=dict(_pages.of(config)),
        project_root=project_root(config),
        docs_dir=Path(config.docs_dir),
        config_file=config_file,
        template_dirs=[Path(custom_dir)] if custom_dir else [],
        languages=languages(config),
        base_path=urlsplit(config.site_url or "").path or "/",
        redirects=redirect_maps(config),
    )
    report(findings, config=config)
