"""The checks of the sources that need more than one page's front matter.

`sources_site` reads the Markdown sources into the shape the link guard
reads from a built site (pages, their anchors and links), so that links and
anchors are judged and worded by the same code as in the build
(`portal.links.check`); `prose` reads a page's Markdown as Python-Markdown
does, line by line; `inline_code` finds there what the Content Security
Policy blocks (`portal.csp`); `file_names` judges the names of files. The
prepare stage (`portal.stages.prepare`) runs them; ``python -m portal
check`` is `portal.commands.check`.
"""
