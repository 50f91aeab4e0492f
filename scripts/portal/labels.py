"""Words the portal itself puts on pages, per feature, in every language it is built in.

Front matter stays German in both languages (the English ``x.en.md`` only
translates title and description), so what readers see of a value — the
status of an event, say — is looked up here in the page's language. One
place per feature: templates reach it through the ``portal_label`` filter
(``portal.stages.templates``), Python code through `label`.
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
        "Stand unbekannt": {"de": "Stand unbekannt", "en": "status unknown"},
        "veröffentlicht": {"de": "veröffentlicht", "en": "published"},
        "in Erprobung": {"de": "in Erprobung", "en": "being tested"},
        "in Überarbeitung": {"de": "in Überarbeitung", "en": "being revised"},
        "nicht verfügbar": {"de": "nicht verfügbar", "en": "not available"},
        "new": {"de": "neu", "en": "new"},
        "deprecated": {"de": "veraltet", "en": "outdated"},
    },
    # The controlled vocabulary of `tags` (the enum in
    # portal/schemas/definitions.schema.json). Front matter keeps the German
    # word; search results on English pages show the English one.
    "tag": {
        "Hilfeplanung": {"de": "Hilfeplanung", "en": "Care planning"},
        "Einarbeitung": {"de": "Einarbeitung", "en": "Onboarding"},
        "Mentoring": {"de": "Mentoring", "en": "Mentoring"},
        "Kinderschutz": {"de": "Kinderschutz", "en": "Child protection"},
        "Qualitätsentwicklung": {"de": "Qualitätsentwicklung", "en": "Quality development"},
        "Modellprojekt": {"de": "Modellprojekt", "en": "Model project"},
        "Fortbildung": {"de": "Fortbildung", "en": "Training"},
        "Jugendhilfeplanung": {"de": "Jugendhilfeplanung", "en": "Youth welfare planning"},
        "Zusammenarbeit mit freien Trägern": {
            "de": "Zusammenarbeit mit freien Trägern",
            "en": "Cooperation with independent providers",
        },
        "Recht": {"de": "Recht", "en": "Law"},
        "Veranstaltung": {"de": "Veranstaltung", "en": "Event"},
        "Publikation": {"de": "Publikation", "en": "Publication"},
        "Praxisbeispiel": {"de": "Praxisbeispiel", "en": "Practice example"},
        "Newsletter": {"de": "Newsletter", "en": "Newsletter"},
        "Glossar": {"de": "Glossar", "en": "Glossary"},
        "Rechtliches": {"de": "Rechtliches", "en": "Legal information"},
        "Redaktion": {"de": "Redaktion", "en": "Editorial team"},
    },
    # Editable downloads of template pages (portal.template_documents): the
    # line of links and the closing line of each file ({site}: the site name).
    "downloads": {
        "intro": {"de": "Zum Ausfüllen am Computer:", "en": "To fill in on a computer:"},
        "docx": {"de": "Word (DOCX)", "en": "Word (DOCX)"},
        "odt": {"de": "OpenDocument (ODT)", "en": "OpenDocument (ODT)"},
        "note": {
            "de": "Vorlage aus dem {site}. Örtliche Vordrucke gehen vor.",
            "en": "Template from the {site}. Local forms take precedence.",
        },
    },
    # Words of the page frame that the templates and hooks write.
    "page": {
        "status": {"de": "Status", "en": "Status"},
        "permalink": {"de": "Link zu diesem Abschnitt", "en": "Link to this section"},
        "table": {"de": "Tabelle", "en": "Table"},
        "edit": {"de": "Diese Seite bearbeiten", "en": "Edit this page"},
        "breadcrumbs": {"de": "Sie sind hier", "en": "You are here"},
    },
    # The portal's identity (overrides/partials/identity-*.html): the line
    # above the header, its links to the accessible offers, the feedback line.
    "identity": {
        # Shown while extra.operator.name is unset: who the portal is for,
        # which is known, instead of an operator, which is not.
        "audience": {
            "de": "Für die Jugendämter in Mecklenburg-Vorpommern",
            "en": "For the youth welfare offices of Mecklenburg-Vorpommern",
        },
        "offers": {
            "de": "Leichte Sprache und Gebärdensprache",
            "en": "Easy Read and sign language",
        },
        "easy_language": {"de": "Leichte Sprache", "en": "Easy Read"},
        "sign_language": {"de": "Gebärdensprache", "en": "Sign language"},
        "helpful": {"de": "War diese Seite hilfreich?", "en": "Was this page helpful?"},
        "write_to_us": {"de": "Schreiben Sie uns eine E-Mail", "en": "Send us an e-mail"},
        "contact_page": {
            "de": "Schreiben Sie uns über die Kontaktseite",
            "en": "Write to us via the contact page",
        },
        "feedback_subject": {"de": "Rückmeldung zur Seite", "en": "Feedback on the page"},
    },
    # The kinds of items in the start page's news block (portal.news) and its
    # words.
    "news": {
        "newsletter": {"de": "Newsletter", "en": "Newsletter"},
        "event": {"de": "Veranstaltung", "en": "Event"},
        "training": {"de": "Fortbildung", "en": "Training"},
        "empty": {
            "de": "Zurzeit gibt es keine Meldungen.",
            "en": "There is no news at the moment.",
        },
        "label": {"de": "Aktuelle Meldungen", "en": "Latest news"},
    },
    # The newsletter's archive, issue pages, feeds and subscription
    # (portal.newsletter).
    "newsletter": {
        "issue": {"de": "Ausgabe", "en": "Issue"},
        "archive": {"de": "Archiv der Ausgaben", "en": "Archive of issues"},
        "empty": {
            "de": "Es ist noch keine Ausgabe erschienen.",
            "en": "No issue has appeared yet.",
        },
        "neighbours": {"de": "Weitere Ausgaben", "en": "More issues"},
        "previous": {"de": "Vorherige Ausgabe", "en": "Previous issue"},
        "next": {"de": "Nächste Ausgabe", "en": "Next issue"},
        "german": {"de": "auf Deutsch", "en": "in German"},
        "feeds": {
            "de": "Neue Ausgaben im Feedreader abonnieren:",
            "en": "Follow new issues in a feed reader:",
        },
        "subscribe_heading": {"de": "Newsletter bestellen", "en": "Subscribe to the newsletter"},
        "email_label": {"de": "Ihre E-Mail-Adresse", "en": "Your e-mail address"},
        "subscribe": {"de": "Bestellen", "en": "Subscribe"},
        "subscribe_mail": {
            "de": "Zum Bestellen schicken Sie eine E-Mail an",
            "en": "To subscribe, send an e-mail to",
        },
        "unsubscribe_mail": {
            "de": "Zum Abbestellen schicken Sie eine E-Mail an",
            "en": "To unsubscribe, send an e-mail to",
        },
        "unsubscribe_form": {
            "de": "Abbestellen können Sie jederzeit auf der",
            "en": "You can unsubscribe at any time on the",
        },
        "unsubscribe_page": {
            "de": "Abmeldeseite des Verteilers",
            "en": "mailing list's unsubscribe page",
        },
        "double_opt_in": {
            "de": "Nach der Bestellung erhalten Sie eine E-Mail mit einem Link zur Bestätigung; "
            "erst wenn Sie ihn öffnen, stehen Sie im Verteiler (Double-Opt-in). Wie Ihre "
            "Adresse verarbeitet wird, steht in der",
            "en": "After subscribing you receive an e-mail with a confirmation link; you are "
            "only added to the list once you open it (double opt-in). How your address is "
            "processed is explained in the",
        },
        "privacy": {"de": "Datenschutzerklärung", "en": "privacy policy"},
        "web_version": {
            "de": "Diese Ausgabe im Portal lesen:",
            "en": "Read this issue on the portal:",
        },
        "unsubscribe_email_text": {
            "de": "Sie erhalten diese E-Mail, weil Sie den Newsletter bestellt haben. Abbestellen:",
            "en": "You receive this e-mail because you subscribed to the newsletter. Unsubscribe:",
        },
        "unset": {
            "de": "Den Newsletter per E-Mail zu bestellen ist noch nicht eingerichtet: Die "
            "betreibende Stelle trägt den Verteiler vor der Veröffentlichung des Portals ein. "
            "Bis dahin finden Sie jede Ausgabe im Archiv auf der Seite Newsletter und in den "
            "Feeds.",
            "en": "Subscribing to the newsletter by e-mail has not been set up yet: the "
            "operator adds the mailing list before the portal is published. Until then, "
            "every issue is in the archive on the newsletter page and in the feeds.",
        },
    },
    # Events and trainings (portal.events): details on their pages, the
    # generated overviews and the calendar files.
    "events": {
        "upcoming": {"de": "Bevorstehende Veranstaltungen", "en": "Upcoming events"},
        "past": {"de": "Vergangene Veranstaltungen", "en": "Past events"},
        "none_upcoming": {
            "de": "Zurzeit ist keine Veranstaltung angekündigt.",
            "en": "No event is announced at present.",
        },
        "date": {"de": "Datum", "en": "Date"},
        "dates": {"de": "Termine", "en": "Dates"},
        "time": {"de": "Uhrzeit", "en": "Time"},
        "place": {"de": "Ort", "en": "Place"},
        "organiser": {"de": "Veranstalter", "en": "Organiser"},
        "speakers": {"de": "Referent*innen", "en": "Speakers"},
        "programme": {"de": "Programm", "en": "Programme"},
        "modules": {"de": "Module", "en": "Modules"},
        "target_group": {"de": "Zielgruppe", "en": "Target group"},
        "registration": {"de": "Anmeldung", "en": "Registration"},
        "register": {"de": "Zur Anmeldung", "en": "Register"},
        "add_to_calendar": {"de": "In den Kalender", "en": "Add to calendar"},
        "subscribe": {
            "de": "Alle Termine als Kalender abonnieren",
            "en": "Subscribe to all dates as a calendar",
        },
        "subscribe_hint": {
            "de": "Die Adresse dieses Links können Sie in Ihrem Kalenderprogramm abonnieren.",
            "en": "You can subscribe to the address of this link in your calendar application.",
        },
        "date_to_follow": {"de": "Termin folgt", "en": "date to follow"},
        "not_recorded": {"de": "nicht überliefert", "en": "not recorded"},
        "dates_not_recorded": {"de": "Termine nicht überliefert", "en": "dates not recorded"},
        # A time or a span of times of day: „10:00 Uhr“, "10:00".
        "clock_time": {"de": "{} Uhr", "en": "{}"},
        "details": {"de": "Auf einen Blick", "en": "At a glance"},
        "calendar_name": {
            "de": "Veranstaltungen und Fortbildungen",
            "en": "Events and training",
        },
        "event": {"de": "Veranstaltung", "en": "Event"},
        "training": {"de": "Fortbildung", "en": "Training"},
    },
    # Checklists readers can tick (portal.checklists, portal-checklists.js).
    # {done}, {total} and {date} are filled in by the script.
    "checklist": {
        "progress": {"de": "{done} von {total} erledigt", "en": "{done} of {total} done"},
        "reset": {"de": "Häkchen zurücksetzen", "en": "Clear ticks"},
        "confirm": {
            "de": "Alle Häkchen dieser Checkliste entfernen?",
            "en": "Remove all ticks from this checklist?",
        },
        "export": {"de": "Fortschritt drucken", "en": "Print my progress"},
        "stored": {
            "de": "Ihre Häkchen speichert nur dieser Browser auf diesem Gerät.",
            "en": "Your ticks are stored only in this browser on this device.",
        },
        "summary": {"de": "Mein Fortschritt", "en": "My progress"},
        "date": {"de": "Stand: {date}", "en": "As of {date}"},
        "done": {"de": "erledigt", "en": "done"},
        "open": {"de": "offen", "en": "open"},
    },
    # The PDF editions (portal.editions): their title page, and their links
    # on the portal's pages. {section}, {site}, {date}, {url} are filled in.
    "edition": {
        "kind": {
            "de": "PDF-Ausgabe von Seiten des Portals „{site}“",
            "en": "PDF edition of pages of the portal “{site}”",
        },
        "about": {
            "de": "Diese Datei enthält die Seiten des Bereichs „{section}“ des Portals, "
            "so wie sie am {date} standen. Sie ist eine Ausgabe dieser Webseiten, "
            "kein Dokument des Landesmodellprojekts (2015–2017).",
            "en": "This file holds the pages of the section “{section}” of the portal "
            "as they stood on {date}. It is an edition of these web pages, not a "
            "document of the state model project (2015–2017).",
        },
        "not:einarbeitung": {
            "de": "Sie ist nicht der „Leitfaden zur Einarbeitung neuer Fachkräfte im ASD/SpD“ "
            "von 2015: Dessen Text liegt dem Portal nicht vor.",
            "en": "It is not the 2015 “Leitfaden zur Einarbeitung neuer Fachkräfte im "
            "ASD/SpD” (guideline for onboarding new staff): the portal does not have its text.",
        },
        "not:mentoring": {
            "de": "Sie ist nicht die „Handlungsempfehlungen für den Einsatz von "
            "Mentor*innen“ des Modellprojekts: Deren Text liegt dem Portal nicht vor.",
            "en": "It is not the model project's “Handlungsempfehlungen für den Einsatz "
            "von Mentor*innen” (recommendations for mentors): the portal does not have "
            "their text.",
        },
        "stand": {"de": "Stand: {date}", "en": "As of: {date}"},
        "source": {"de": "Quelle: {url}", "en": "Source: {url}"},
        "contents": {"de": "Inhalt", "en": "Contents"},
        "untranslated": {
            "de": "Noch nicht übersetzt und darum nicht in dieser Ausgabe:",
            "en": "Not yet translated, and so not in this edition (German only):",
        },
        "date-format": {"de": "%d.%m.%Y", "en": "%d %B %Y"},
        "link": {"de": "PDF-Ausgabe", "en": "PDF edition"},
        "heading": {"de": "Zum Herunterladen", "en": "Download"},
        "note": {
            "de": "Ausgaben der Seiten dieses Portals, mit Inhaltsverzeichnis, zum Lesen "
            "und Drucken; keine Originaldokumente des Modellprojekts.",
            "en": "Editions of this portal's pages, with a table of contents, to read and "
            "print; not original documents of the model project.",
        },
        "off": {
            "de": "Die PDF-Ausgaben entstehen beim vollständigen Build (in dieser "
            "Vorschau sind sie abgeschaltet).",
            "en": "The PDF editions are made by the full build (they are off in this preview).",
        },
    },
    # Files readers can download (portal.downloads): format and size after
    # the link, e.g. „PDF, 412 KB“. {format} and {size} are filled in.
    "download": {
        "meta": {"de": "{format}, {size}", "en": "{format}, {size}"},
        "decimal": {"de": ",", "en": "."},
    },
    # The redirect pages of old addresses in further languages
    # (portal.language_redirects): title and the visible link to the new page.
    "redirect": {
        "title": {"de": "Seite verschoben", "en": "Page moved"},
        "text": {"de": "Diese Seite ist umgezogen:", "en": "This page has moved:"},
        "link": {"de": "zur neuen Adresse", "en": "go to its new address"},
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


def labels_of(feature: str, *, language: str) -> dict[str, str]:
    """Every word of `feature` in `language`, for templates rendered outside the page
    templates' environment (where the ``portal_label`` filter is not installed)."""
    return {value: label(feature, value, language=language) for value in LABELS.get(feature, {})}
