"""The site model: the portal's configuration and sources, read once.

`portal.site.model.load_site` reads ``mkdocs.yml`` (`portal.site.config`),
resolves the settings (`portal.site.settings`) and indexes ``docs/``; the
prepare stage, the finish stage, the commands and the build's adapter all
take the `Site` it returns instead of reading files of their own.
"""
