"""Editorial rules over the sources: what readers are told must be true and written one way.

The rules run over the reader-visible text of every page (body, title and
description; not code, comments, link targets or other front matter) and
report `Finding`s at the editor's line:

- no page claims a subject review: reviews are recorded in front matter
  (``review:``) and shown by the page template only;
- every `§` names its law („§ 36 SGB VIII“);
- German pages use one gender system, the Gendersternchen (no pair forms,
  no Binnen-I, no slash forms);
- English pages use English quotation marks and the chosen English terms.

The word lists are data: ``terms.yml`` next to this file. `tests/test_content.py`
runs the rules over the portal.
"""

from __future__ import annotations

from portal.editorial.check import check_editorial

__all__ = ["check_editorial"]
