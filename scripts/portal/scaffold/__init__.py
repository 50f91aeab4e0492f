"""``python -m portal new``: new pages from templates, never over an existing file.

`kinds` is the registry of what can be created (one entry per kind, each
pointing at its create function); `files` writes a page with valid front
matter and refuses to overwrite; `nav` adds the page to mkdocs.yml's nav or
says where it belongs; `command` is the sub-command.
"""
