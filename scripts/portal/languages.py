"""The portal's languages: the one place that knows how a file maps to a language.

The site is written in the suffix layout of mkdocs-static-i18n: the source in
the default language is ``seite.md``, its translation into language ``xx``
sits beside it as ``seite.xx.md``. The default language is built at the site
root, every further language under ``xx/``. Every hook, check, generator and
command asks this module — never a file name or a literal language code —
which language a file is in, what its source and translation are called and
where it is built. The languages themselves come from ``mkdocs.yml``
(``plugins: i18n: languages``), so adding one is a change to that file alone.

Plain Python, no MkDocs: ``portal.mkdocs_adapter`` builds a `Languages` from
the running build's configuration, `load_languages` from the file itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from portal.site.config import load_site_config

MARKDOWN_SUFFIX = ".md"


@dataclass(frozen=True)
class Language:
    """One language the portal is built in."""

    code: str
    """The locale as mkdocs.yml names it, e.g. ``de``."""
    name: str
    """Its own name, as the language switcher shows it, e.g. ``Deutsch``."""
    default: bool
    """True for the language of the sources without suffix, built at the root."""

    @property
    def prefix(self) -> str:
        """Folder of this language's pages in the built site: ``""`` or ``"en/"``."""
        return "" if self.default else f"{self.code}/"


@dataclass(frozen=True)
class Languages:
    """The built languages, the default one first."""

    all: tuple[Language, ...]

    def __post_init__(self) -> None:
        defaults = [language for language in self.all if language.default]
        if len(defaults) != 1 or not self.all[0].default:
            raise ValueError("Genau eine Sprache muss die Standardsprache sein, und zwar die erste")

    def __iter__(self) -> Iterator[Language]:
        return iter(self.all)

    @property
    def default(self) -> Language:
        return self.all[0]

    @property
    def others(self) -> tuple[Language, ...]:
        """Every language but the default one, in the order they are built."""
        return self.all[1:]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.all)

    def get(self, code: str) -> Language:
        for language in self.all:
            if language.code == code:
                return language
        raise KeyError(code)

    # Sources

    def of_source(self, src_uri: str) -> Language:
        """The language a source file is written in: ``a/b.en.md`` → English."""
        suffix = _language_suffix(src_uri)
        if suffix is not None:
            for language in self.others:
                if language.code == suffix:
                    return language
        return self.default

    def default_source(self, src_uri: str) -> str:
        """The source in the default language that `src_uri` is or translates."""
        language = self.of_source(src_uri)
        if language.default:
            return src_uri
        stem = src_uri[: -len(MARKDOWN_SUFFIX)]
        return stem[: -len(language.code) - 1] + MARKDOWN_SUFFIX

    def translation(self, src_uri: str, code: str) -> str:
        """The file name of the source of `src_uri` in language `code`."""
        default_source = self.default_source(src_uri)
        if self.get(code).default:
            return default_source
        return f"{default_source[: -len(MARKDOWN_SUFFIX)]}.{code}{MARKDOWN_SUFFIX}"

    def is_source(self, src_uri: str) -> bool:
        """True for a Markdown page (in any language), false for assets and data."""
        return src_uri.endswith(MARKDOWN_SUFFIX)

    # Built site

    def page_path(self, src_uri: str) -> str:
        """Where a page stands, below its language's folder: ``a/b.md`` → ``a/b/``.

        The portal builds directory URLs (MkDocs' ``use_directory_urls``): an
        ``index.md`` (or ``README.md``) stands for its folder.
        """
        path = PurePosixPath(self.default_source(src_uri))
        parent = "" if str(path.parent) == "." else f"{path.parent}/"
        if path.stem in {"index", "README"}:
            return parent
        return f"{parent}{path.stem}/"

    def url(self, src_uri: str, code: str) -> str:
        """The site-relative URL of a page in language `code`: ``en/a/b/``."""
        return self.get(code).prefix + self.page_path(src_uri)

    def dest_path(self, src_uri: str, code: str) -> str:
        """The built file of a page in language `code`: ``en/a/b/index.html``."""
        return f"{self.url(src_uri, code)}index.html"

    def of_url(self, url: str) -> Language:
        """The language a site-relative URL (or built path) belongs to."""
        first = url.lstrip("/").split("/", 1)[0]
        for language in self.others:
            if language.code == first:
                return language
        return self.default

    def strip_prefix(self, url: str) -> str:
        """A site-relative URL without its language folder: ``en/a/b/`` → ``a/b/``."""
        path = url.lstrip("/")
        prefix = self.of_url(path).prefix
        return path[len(prefix) :]


def languages_from_i18n(items: Iterable[Mapping[str, Any]]) -> Languages:
    """The built languages from the i18n plugin's ``languages`` entries in mkdocs.yml."""
    built: list[Language] = []
    for item in items:
        code = str(item.get("locale", ""))
        if not code or code == "null" or item.get("build", True) is False:
            continue
        language = Language(code, str(item.get("name") or code), bool(item.get("default")))
        if language.default:
            built.insert(0, language)
        else:
            built.append(language)
    return Languages(tuple(built))


def single_language(code: str) -> Languages:
    """The languages of a site built without the i18n plugin."""
    return Languages((Language(code, code, True),))


def load_languages(config_file: Path) -> Languages:
    """The languages a ``mkdocs.yml`` builds, read without MkDocs (for commands)."""
    return languages_of(load_site_config(config_file).data)


def languages_of(data: Mapping[str, Any]) -> Languages:
    """The languages of a read ``mkdocs.yml`` (`portal.site.config.SiteConfig.data`)."""
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            return languages_from_i18n(plugin["i18n"].get("languages") or [])
    theme = data.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return single_language(str(language or "en"))


# Helper functions


def _language_suffix(src_uri: str) -> str | None:
    if not src_uri.endswith(MARKDOWN_SUFFIX):
        return None
    stem = src_uri[: -len(MARKDOWN_SUFFIX)]
    name = stem.rsplit("/", 1)[-1]
    base, dot, suffix = name.rpartition(".")
    return suffix if dot and base else None
