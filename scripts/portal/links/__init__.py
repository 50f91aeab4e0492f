"""The link guard: every internal link, anchor and asset of the built site.

- ``extract``: one parse per built page, its anchors and its links by region;
- ``resolve``: where a URL leads, from a set of the site's files;
- ``suggest``: the nearest existing page, file or anchor;
- ``mapping``: which source made a page, and the line a link was written on;
- ``fallback``: anchor links of pages shown untranslated, led to the target that has the anchor;
- ``messages``: the German sentences;
- ``check``: ``check_site(site_dir) -> list[Finding]``, all of the above;
- ``external``: ``python -m portal links-external``, outside URLs on demand.
"""

from __future__ import annotations

from portal.links.check import check_site
from portal.links.mapping import PageInfo

__all__ = ["PageInfo", "check_site"]
