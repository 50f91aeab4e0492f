"""The newsletter: its issues as Markdown, archive, feeds, subscription and e-mail export.

Issues are pages in ``docs/newsletter/ausgaben/`` with typed front matter
(`portal.newsletter.model`). Material's blog plugin does not work together
with mkdocs-static-i18n, so the portal generates the archive, the previous
and next links and the feeds itself, per language, from that front matter.
"""
