"""The checkout a command works on: found from the current folder, never from the package.

The core is installed into a virtual environment (``pip install -e .``), but
an editor runs ``python -m portal check`` in *their* checkout, which may be
another one than the package was installed from: commands look for the
nearest ``mkdocs.yml`` upwards from where they are started.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from portal.languages import Languages, languages_of
from portal.site.config import SiteConfig, load_site_config

CONFIG_NAME = "mkdocs.yml"


class ProjectNotFound(Exception):
    """No mkdocs.yml in the folder or above it."""


@dataclass(frozen=True)
class Project:
    """A checkout of the portal: its configuration, sources and languages."""

    root: Path
    config_file: Path
    docs_dir: Path
    languages: Languages
    config: SiteConfig | None = field(default=None, compare=False, repr=False)
    """mkdocs.yml as read when the checkout was found (`portal.site.load_site` reuses it)."""

    def read_config(self) -> SiteConfig:
        """mkdocs.yml as data: the copy read when the checkout was found, else read now."""
        return self.config or load_site_config(self.config_file)

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the checkout, with ``/``."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_project(start: Path | None = None, *, docs_dir: Path | None = None) -> Project:
    """The checkout around `start` (default: the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        config_file = folder / CONFIG_NAME
        if config_file.is_file():
            config = load_site_config(config_file)
            return Project(
                root=folder,
                config_file=config_file,
                docs_dir=(docs_dir or folder / "docs").resolve(),
                languages=languages_of(config.data),
                config=config,
            )
    raise ProjectNotFound(
        f"Kein {CONFIG_NAME} in {here} oder darüber — starten Sie den Befehl im Ordner des "
        "Portals (dort, wo mkdocs.yml liegt)."
    )
