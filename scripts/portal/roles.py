"""The roles that answer for pages („owner“) and may be named as reviewers.

No editorial unit is known to the team, so the portal invents none: the
operator lists the roles under ``extra.roles`` in ``mkdocs.yml``, each with a
German and an English name. Front matter names a role by its German name;
English pages show the English one. Without the setting, one neutral role
applies: the Redaktion that publishes the portal.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from portal.findings import Finding

CONFIG_PATH = "mkdocs.yml"


@dataclass(frozen=True)
class Role:
    """One role: its German name (the value in front matter) and its English name."""

    de: str
    en: str

    def label(self, language: str) -> str:
        return self.de if language == "de" else self.en


DEFAULT_ROLES: tuple[Role, ...] = (Role("Redaktion", "Editorial team"),)


def roles_from_config(value: object) -> tuple[tuple[Role, ...], list[Finding]]:
    """The roles of ``extra.roles``; a broken entry is a finding, the defaults then apply."""
    if value is None:
        return DEFAULT_ROLES, []
    entries: Sequence[object] = value if isinstance(value, list) else []
    roles: list[Role] = []
    for entry in entries:
        names = entry if isinstance(entry, Mapping) else {}
        de, en = names.get("de"), names.get("en")
        if not (isinstance(de, str) and de.strip() and isinstance(en, str) and en.strip()):
            return DEFAULT_ROLES, [_broken_roles()]
        roles.append(Role(de.strip(), en.strip()))
    if not roles:
        return DEFAULT_ROLES, [_broken_roles()]
    return tuple(roles), []


def _broken_roles() -> Finding:
    return Finding(
        CONFIG_PATH,
        0,
        "extra.roles ist keine Liste von Rollen mit deutschem und englischem Namen",
        "schreiben Sie je Rolle einen Eintrag wie „- {de: Redaktion, en: Editorial team}“.",
    )


def label(name: str, *, language: str, roles: Sequence[Role]) -> str:
    """The name of a role in `language`; other text (e.g. a reviewer's name) as written."""
    for role in roles:
        if role.de == name:
            return role.label(language)
    return name
