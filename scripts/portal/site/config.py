"""``mkdocs.yml`` as plain data with line numbers, read without MkDocs.

Commands and the checks of the navigation need the configuration as editors
see it: the nav entries with the line each stands on, the patterns of pages
left out of the nav. The file is composed, not constructed: MkDocs' own tags
(``!ENV``, ``!!python/name``) need MkDocs, none of these values do. A file
that inherits (``INHERIT``) gets the keys it does not set from its parent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from portal import yaml_errors


class ConfigUnreadable(Exception):
    """mkdocs.yml is no valid YAML: the message names file, line and problem."""


@dataclass(frozen=True)
class NavEntry:
    """One page in the nav: its Markdown path and the line it stands on."""

    target: str
    line: int
    title: str | None


@dataclass(frozen=True)
class SiteConfig:
    """The keys of a mkdocs.yml (merged with the file it inherits from)."""

    path: Path
    data: dict[str, Any]
    nodes: dict[str, yaml.Node]
    """The node of each top-level key, for line numbers."""
    sources: dict[str, Path]
    """The file each top-level key comes from."""
    parent: SiteConfig | None = None
    """The file this one inherits from (``INHERIT``), which MkDocs merges key by key."""
    text: str = ""
    """The file as read, for messages that quote a line of it."""

    def line_of(self, *keys: str) -> int:
        """The line of a (nested) key, 0 when it is not set."""
        if not keys or keys[0] not in self.nodes:
            return 0
        node: yaml.Node = self.nodes[keys[0]]
        line = _key_line(self.nodes, keys[0])
        for key in keys[1:]:
            if not isinstance(node, yaml.MappingNode):
                return line
            for key_node, value_node in node.value:
                if key_node.value == key:
                    node, line = value_node, int(key_node.start_mark.line) + 1
                    break
            else:
                return line
        return line

    def shown(self, key: str, root: Path) -> str:
        """The file a top-level key comes from, as messages show it."""
        file = self.sources.get(key, self.path)
        try:
            return file.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return file.as_posix()

    def nav_entries(self) -> list[NavEntry]:
        """Every page of the nav (not links to other sites), in order."""
        node = self.nodes.get("nav")
        entries: list[NavEntry] = []
        if node is not None:
            _walk_nav(node, None, entries)
        return entries

    def patterns(self, key: str) -> list[str]:
        """A multi-line pattern setting such as ``not_in_nav`` or ``exclude_docs``."""
        value = self.data.get(key)
        if isinstance(value, str):
            return [line for line in value.splitlines() if line.strip()]
        if isinstance(value, list):
            return [str(item) for item in value]
        return []


def load_site_config(path: Path) -> SiteConfig:
    """Read `path` (and the file it inherits from)."""
    text = path.read_text(encoding="utf-8-sig")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = yaml_errors.error_mark(error)
        line = yaml_errors.line_of(mark, text) if mark is not None else 0
        raise ConfigUnreadable(
            f"{path.name}:{line}: kein gültiges YAML ({yaml_errors.describe(error)})"
        ) from error
    nodes: dict[str, yaml.Node] = {}
    if isinstance(root, yaml.MappingNode):
        nodes = {str(key.value): value for key, value in root.value}
    data = {key: plain(node) for key, node in nodes.items()}
    sources = dict.fromkeys(nodes, path)
    parent = data.get("INHERIT")
    inherited = None
    if isinstance(parent, str) and parent:
        inherited = load_site_config((path.parent / parent).resolve())
        for key, node in inherited.nodes.items():
            if key not in nodes:
                nodes[key] = node
                data[key] = inherited.data[key]
                sources[key] = inherited.sources[key]
    return SiteConfig(path, data, nodes, sources, inherited, text)


def plain(node: yaml.Node | None) -> Any:
    """A composed YAML node as plain data: scalars as text, booleans as booleans."""
    if isinstance(node, yaml.MappingNode):
        return {str(plain(key)): plain(value) for key, value in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [plain(item) for item in node.value]
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:bool":
            return node.value.lower() in {"true", "yes", "on"}
        return node.value
    return None


# Helper functions


def _key_line(nodes: dict[str, yaml.Node], key: str) -> int:
    # The value node starts on the line of its key or the line after: the
    # key's own line is what an editor looks for.
    node = nodes[key]
    line = int(node.start_mark.line) + 1
    if isinstance(node, yaml.ScalarNode):
        return line
    return max(1, line - 1)


def _walk_nav(node: yaml.Node, title: str | None, entries: list[NavEntry]) -> None:
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _walk_nav(item, None, entries)
    elif isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _walk_nav(value_node, str(key_node.value), entries)
    elif isinstance(node, yaml.ScalarNode):
        target = str(node.value)
        if not target.endswith(".md") and ("://" in target or target.startswith(("mailto:", "/"))):
            return  # a link to another site in the nav, not a page
        entries.append(NavEntry(target, int(node.start_mark.line) + 1, title))
