"""The start page's news block: the marker ``<!-- portal:news -->`` becomes the list.

The items come from the providers in ``portal.news_sources`` (newsletter
issues, and whatever else is added there); the list is the template
``overrides/partials/news.html``. The logic lives in ``portal.news``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from portal.labels import labels_of
from portal.mkdocs_adapter import build_day, current_language, languages, project_root
from portal.news import MARKER, NewsContext, collect, entries
from portal.news_sources import PROVIDERS

# Hooks


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    language = current_language(config)
    context = NewsContext(
        docs_dir=Path(config.docs_dir),
        project_root=project_root(config),
        languages=languages(config),
        language=language,
        today=build_day(),
    )
    shown = entries(collect(PROVIDERS, context), page_url=page.url, language=language.code)
    template = config.theme.get_env().get_template("partials/news.html")
    return markdown.replace(
        MARKER,
        template.render(
            entries=shown, language=language.code, words=labels_of("news", language=language.code)
        ),
    )
