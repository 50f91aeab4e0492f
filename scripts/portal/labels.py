"""Words the portal itself puts on pages, per feature, in every language it is built in.

Front matter stays German in both languages (the English ``x.en.md`` only
translates title and description), so what readers see of a value — the
status of an event, say — is looked up here in the page's language. One
place per feature: templates reach it through the ``portal_label`` filter
(``hooks/labels.py``), Python code through `label`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, dict[str, str]]] = {
    # The `status` of events, trainings and publications (their schemas in
    # portal/schemas/), and Material's own page status (new, deprecated).
    "status": {
        "dokumentiert": {"de": "dokumentiert", "en": "documented"},
        "geplant": {"de": "geplant", "en": "planned"},
        "abgesagt": {"de": "abgesagt", "en": "cancelled"},
        "Anmeldung offen": {"de": "Anmeldung offen", "en": "registration open"},
        "ausgebucht": {"de": "ausgebucht", "en": "fully booked"},
        "abgeschlossen": {"de": "abgeschlossen", "en": "completed"},
        "veröffentlicht": {"de": "veröffentlicht", "en": "published"},
        "in Erprobung": {"de": "in Erprobung", "en": "being tested"},
        "in Überarbeitung": {"de": "in Überarbeitung", "en": "being revised"},
        "nicht verfügbar": {"de": "nicht verfügbar", "en": "not available"},
        "new": {"de": "neu", "en": "new"},
        "deprecated": {"de": "veraltet", "en": "outdated"},
    },
    # Words of the page frame that the templates and hooks write.
    "page": {
        "status": {"de": "Status", "en": "Status"},
        "permalink": {"de": "Link zu diesem Abschnitt", "en": "Link to this section"},
        "table": {"de": "Tabelle", "en": "Table"},
    },
}

FALLBACK_LANGUAGE = "en"
"""Used for a language the catalogue does not know yet: English is read more widely."""


def label(feature: str, value: str, *, language: str) -> str:
    """The reader-facing word for `value` of `feature` in `language`.

    A value without an entry is shown as written, so that a page never shows
    nothing; tests/test_labels.py keeps the catalogue complete.
    """
    entry = LABELS.get(feature, {}).get(value)
    if entry is None:
        return value
    return entry.get(language) or entry.get(FALLBACK_LANGUAGE) or value
