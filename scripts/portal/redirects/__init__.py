"""Old addresses of moved pages: redirect pages for every further language.

mkdocs-redirects writes a redirect page for each entry of ``redirect_maps``
in mkdocs.yml, but only for the default language: it does not know the
suffixes of mkdocs-static-i18n, so ``/en/alt/`` is never mapped
(mkdocs/mkdocs-redirects#33). The same entries are therefore the one place
for every language: `language_redirects` derives the English (and any
further language's) page from each of them, and ``portal.stages.finish``
writes them into the built site.
"""

from __future__ import annotations

from portal.redirects.pages import RedirectPage, language_redirects, write_pages

__all__ = ["RedirectPage", "language_redirects", "write_pages"]
