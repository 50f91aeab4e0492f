"""``python -m portal check``: the build's checks of the sources, without a build.

`sources_site` reads the Markdown sources into the shape the link guard
reads from a built site (pages, their anchors and links), so that links and
anchors are judged and worded by the same code as in the build
(`portal.links.check`); `run` gathers every check; `command` is the
sub-command.
"""

from __future__ import annotations

from portal.check.run import check_project

__all__ = ["check_project"]
