"""The portal's build in three stages: prepare → render → finish.

- `portal.stages.prepare` (sources → findings, generated pages, expanded
  Markdown, the data templates show) needs no engine; ``python -m portal
  check`` is `portal.site.model.load_site` + `prepare.prepare` and nothing else.
- Rendering (Markdown → HTML pages with the theme) is the engine's: today
  MkDocs with Material and mkdocs-static-i18n, behind the one adapter in
  ``hooks/stages.py`` and `portal.mkdocs_adapter`.
- `portal.stages.finish` (rendered HTML → transformed pages, then the
  site-wide outputs and checks) needs no engine either.
"""
