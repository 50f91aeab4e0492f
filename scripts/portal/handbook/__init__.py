"""Generated parts of the Redaktionshandbuch (``docs/redaktion/``).

Pages of the handbook ask for them with markers that ``portal.stages.pages``
replaces at build time, so that the handbook never repeats by hand what has
one source elsewhere:

- ``<!-- portal:frontmatter-reference -->``: the fields of every page type,
  from the JSON Schemas (`reference`);
- ``<!-- portal:translations -->``: the translation report (`portal.translations`);
- ``<!-- portal:messages -->``: every message of the checks with an example (`messages`).
"""

from __future__ import annotations

REFERENCE_MARKER = "<!-- portal:frontmatter-reference -->"
TRANSLATIONS_MARKER = "<!-- portal:translations -->"
MESSAGES_MARKER = "<!-- portal:messages -->"
