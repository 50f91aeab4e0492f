"""The nav entry and the redirect of a moved page, edited in mkdocs.yml as text.

The file is read (composed) for the line and column of each value, and only
those characters are changed or one line is inserted: comments, order and
layout stay as the editor left them. Where the file is written in a way this
cannot follow, the result says which line to add instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from portal.site.config import SiteConfig


@dataclass
class ConfigEdits:
    """New texts of the configuration files, and what changed, for the command's report."""

    texts: dict[Path, str] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)
    """What changed, one sentence each."""
    todo: list[str] = field(default_factory=list)
    """What the editor still has to do by hand, one sentence each."""


def redirect_entries(config: SiteConfig) -> dict[str, str]:
    """mkdocs-redirects' ``redirect_maps`` as written in mkdocs.yml (old page → new page)."""
    node = _redirect_maps_node(config)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): str(value.value) for key, value in node.value}


def edit_config(config: SiteConfig, *, old: str, new: str, shown: dict[Path, str]) -> ConfigEdits:
    """Point the nav entry of `old` at `new`; redirect `old` (and redirects to it) to `new`.

    `shown` names each configuration file as messages show it.
    """
    edits = ConfigEdits()
    lines: dict[Path, list[str]] = {}

    def lines_of(path: Path) -> list[str]:
        if path not in lines:
            lines[path] = path.read_text(encoding="utf-8").splitlines(keepends=True)
        return lines[path]

    nav_file = config.sources.get("nav", config.path)
    for entry in config.nav_entries():
        if entry.target.removeprefix("./") != old:
            continue
        text = lines_of(nav_file)
        line = text[entry.line - 1]
        at = line.rfind(entry.target)
        text[entry.line - 1] = line[:at] + new + line[at + len(entry.target) :]
        edits.done.append(f"Navigation: {shown[nav_file]}, Zeile {entry.line}")
    if not any(message.startswith("Navigation") for message in edits.done):
        edits.done.append("Navigation: die Seite stand nicht darin, nichts geändert")

    plugins_file = config.sources.get("plugins", config.path)
    node = _redirect_maps_node(config)
    entry_text = f"{old}: {new}"
    if not isinstance(node, yaml.MappingNode):
        edits.todo.append(
            f"Tragen Sie die Weiterleitung in {shown[plugins_file]} unter „redirects: "
            f"redirect_maps:“ ein, als Zeile „{entry_text}“."
        )
    else:
        text = lines_of(plugins_file)
        for key, value in node.value:
            target = str(value.value)
            if isinstance(value, yaml.ScalarNode) and (
                target == old or target.startswith(f"{old}#")
            ):
                row, start = value.start_mark.line, value.start_mark.column
                end = value.end_mark.column
                line = text[row]
                written = line[start:end]
                quote = written[0] if written[:1] in {'"', "'"} else ""
                if row == value.end_mark.line and written == f"{quote}{target}{quote}":
                    retargeted = f"{quote}{new}{target[len(old) :]}{quote}"
                    text[row] = line[:start] + retargeted + line[end:]
                    edits.done.append(
                        f"Weiterleitung von {key.value} führt jetzt auf {new}: "
                        f"{shown[plugins_file]}, Zeile {row + 1}"
                    )
        if node.flow_style:
            # `redirect_maps: {…}` (or the whole plugins list in flow style):
            # the entry goes in before the closing brace.
            row, close = node.end_mark.line, node.end_mark.column - 1
            line = text[row]
            separator = ", " if node.value else ""
            text[row] = f"{line[:close]}{separator}{entry_text}{line[close:]}"
        else:
            indent = node.value[0][0].start_mark.column
            row = node.value[-1][1].end_mark.line + 1
            text.insert(row, f"{' ' * indent}{entry_text}\n")
        edits.done.append(f"Weiterleitung {entry_text}: {shown[plugins_file]}, Zeile {row + 1}")
    edits.texts = {path: "".join(text) for path, text in lines.items()}
    return edits


# Helper functions


def _redirects_plugin(config: SiteConfig) -> tuple[yaml.Node, yaml.Node] | None:
    plugins = config.nodes.get("plugins")
    if not isinstance(plugins, yaml.SequenceNode):
        return None
    for item in plugins.value:
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if key.value == "redirects":
                    return key, value
    return None


def _redirect_maps_node(config: SiteConfig) -> yaml.Node | None:
    found = _redirects_plugin(config)
    if found is None or not isinstance(found[1], yaml.MappingNode):
        return None
    for key, value in found[1].value:
        if key.value == "redirect_maps":
            node: yaml.Node = value
            return node
    return None
