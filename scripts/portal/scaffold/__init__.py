"""New pages from templates, never over an existing file (``python -m portal new``).

`files` writes a page with valid front matter and refuses to overwrite; `nav`
adds the page to mkdocs.yml's nav or says where it belongs; `pages` creates
the plain kinds (page, guide chapter, publication). The features create their
own kinds on top of these (`portal.events.scaffold`, `portal.newsletter.scaffold`,
`portal.translations.scaffold`); `portal.commands.new` lists every kind and is
the sub-command. Nothing here imports a feature or the command line.
"""
