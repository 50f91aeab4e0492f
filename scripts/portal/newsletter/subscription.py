"""Subscribing and unsubscribing, as the operator configures it in ``extra.newsletter``.

Two ways, one of them set in ``mkdocs.yml``:

- ``mailto``: two addresses of the mailing list, one to subscribe and one to
  unsubscribe (the e-mail commands of Mailman, Sympa and similar list
  servers: ``liste-join@…`` / ``liste-leave@…``);
- ``form``: the public subscription form of the list server (listmonk,
  Mailman, …): the URL it posts to, the name of its e-mail field, fixed
  hidden fields (a list ID) and the page where readers unsubscribe.

Readers see a plain HTML form or two links, no script and no request to
another host until they submit. The form's target is then the one other
host the portal names: `form_action_origin` hands it to the Content Security
Policy (``form-action``). While neither way is set, the pages say so and the
build warns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from portal.findings import Finding

SUBSCRIBE_MARKER = "<!-- portal:newsletter:subscribe -->"
"""Where a page (the archive, the start page) shows how to subscribe; issues get it too."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
_FIELD_NAME = re.compile(r"^[A-Za-z0-9_.\-\[\]]+$")


@dataclass(frozen=True)
class Subscription:
    """How readers subscribe and unsubscribe."""

    kind: Literal["mailto", "form", "unset"]
    subscribe_email: str = ""
    unsubscribe_email: str = ""
    form_url: str = ""
    email_field: str = "email"
    hidden_fields: dict[str, str] = field(default_factory=dict)
    unsubscribe_url: str = ""

    @property
    def subscribe_href(self) -> str:
        return f"mailto:{self.subscribe_email}" if self.kind == "mailto" else self.form_url

    @property
    def unsubscribe_href(self) -> str:
        if self.kind == "mailto":
            return f"mailto:{self.unsubscribe_email}"
        return self.unsubscribe_url


def read_subscription(
    settings: object, *, path: str = "mkdocs.yml", line: int = 0
) -> tuple[Subscription, list[Finding]]:
    """The configured way, and a finding for each setting that cannot work."""
    values: Mapping[object, object] = settings if isinstance(settings, Mapping) else {}

    def text(key: str) -> str:
        value = values.get(key)
        return str(value).strip() if isinstance(value, str | int) else ""

    subscribe, unsubscribe = text("subscribe_email"), text("unsubscribe_email")
    form_url, unsubscribe_url = text("form_url"), text("unsubscribe_url")
    findings: list[Finding] = []

    def problem(key: str, what: str, fix: str) -> None:
        findings.append(Finding(path, line, f"extra.newsletter.{key}: {what}", fix))

    if form_url:
        if not _is_form_target(form_url):
            problem(
                "form_url",
                f"„{form_url}“ ist keine https-Adresse",
                "tragen Sie die https-Adresse ein, an die das Formular des Listenservers sendet.",
            )
        email_field = text("email_field") or "email"
        hidden = values.get("hidden_fields") or {}
        hidden_fields = (
            {str(k): str(v) for k, v in hidden.items()} if isinstance(hidden, Mapping) else {}
        )
        for name in (email_field, *hidden_fields):
            if not _FIELD_NAME.match(name):
                problem(
                    "email_field",
                    f"„{name}“ ist kein Feldname eines Formulars",
                    "übernehmen Sie die Namen der Felder (name=…) aus dem Formular des "
                    "Listenservers.",
                )
        if unsubscribe_url and urlsplit(unsubscribe_url).scheme not in {"https", "mailto"}:
            problem(
                "unsubscribe_url",
                f"„{unsubscribe_url}“ ist keine https- oder mailto-Adresse",
                "tragen Sie die Seite ein, auf der Leser*innen den Newsletter abbestellen.",
            )
        if not unsubscribe_url:
            problem(
                "unsubscribe_url",
                "Es fehlt die Adresse zum Abbestellen",
                "tragen Sie die Seite des Listenservers ein, auf der Leser*innen den "
                "Newsletter abbestellen.",
            )
        if findings:
            return Subscription("unset"), findings
        return (
            Subscription(
                "form",
                form_url=form_url,
                email_field=email_field,
                hidden_fields=hidden_fields,
                unsubscribe_url=unsubscribe_url,
            ),
            findings,
        )
    if subscribe or unsubscribe:
        for key, value in (("subscribe_email", subscribe), ("unsubscribe_email", unsubscribe)):
            if not _EMAIL.match(value):
                problem(
                    key,
                    f"„{value}“ ist keine E-Mail-Adresse" if value else "Die Adresse fehlt",
                    "tragen Sie beide Adressen der Liste ein, zum Bestellen und zum Abbestellen "
                    "(bei Mailman z. B. liste-join@… und liste-leave@…).",
                )
        if findings:
            return Subscription("unset"), findings
        return Subscription("mailto", subscribe_email=subscribe, unsubscribe_email=unsubscribe), []
    return Subscription("unset"), []


def _is_form_target(url: str) -> bool:
    """An https address; plain http only on this machine (a test's own list server)."""
    parts = urlsplit(url)
    if not parts.hostname:
        return False
    return parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in _LOCAL_HOSTS)


def unset_finding(*, path: str, line: int) -> Finding:
    """The build's warning while readers cannot subscribe."""
    return Finding(
        path,
        line,
        "Der Newsletter kann noch nicht bestellt werden: extra.newsletter nennt weder "
        "Adressen noch ein Formular",
        "tragen Sie die beiden Adressen der Liste (subscribe_email, unsubscribe_email) oder "
        "das Formular des Listenservers (form_url, email_field, unsubscribe_url) ein; bis "
        "dahin sagen Archiv, Ausgaben und Startseite, dass die Bestellung noch nicht "
        "eingerichtet ist.",
    )


def form_action_origin(settings: object) -> str | None:
    """The origin a subscription form posts to (``https://lists.example.de``), for the
    Content Security Policy's ``form-action``; None when no form is configured."""
    subscription, _ = read_subscription(settings)
    if subscription.kind != "form":
        return None
    parts = urlsplit(subscription.form_url)
    return f"{parts.scheme}://{parts.netloc}"


def form_targets(extra: Mapping[str, object]) -> list[str]:
    """The hosts a form of the portal posts to, for ``portal.csp.FORM_TARGET_MODULES``."""
    origin = form_action_origin(extra.get("newsletter"))
    return [] if origin is None else [origin]
