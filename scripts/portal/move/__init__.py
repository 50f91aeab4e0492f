"""``python -m portal move ALT NEU``: a page and its translations renamed, every link with it.

`portal.move.links` rewrites the Markdown links, `portal.move.config_edit`
the nav entry and the redirect of the old address in mkdocs.yml (as text,
so comments and layout stay), `portal.move.plan` checks and applies it all,
`portal.commands.move` is the sub-command.
"""
