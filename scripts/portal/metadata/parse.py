"""Front matter as data, with the source line of every key and list item.

PyYAML is asked for its node tree first, because only the nodes know where
each value stood; the values are then built from that same tree, so every
file is parsed exactly once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from portal import yaml_errors
from portal.findings import Finding
from portal.metadata import messages
from portal.sources import SourceFile

Location = tuple[str | int, ...]
"""Where a value sits in the front matter: keys and list positions, as jsonschema counts them."""


class InvalidDate(str):
    """A value YAML took for a date that does not exist (2026-02-30): kept as text."""

    __slots__ = ()


# libyaml's parser is ten times faster than the pure-Python one and gives
# the same nodes with the same marks; the values are built in Python either way.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that does not crash on impossible dates.

    PyYAML raises a bare ValueError for `2026-13-01`, without a position;
    keeping the text lets the schema report it as "kein Datum" at its line.
    """

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return InvalidDate(str(node.value))


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass(frozen=True)
class FrontMatter:
    """The parsed front matter of one source file."""

    source: SourceFile
    data: dict[str, Any] | None
    """The mapping, or None when the file has none or it does not parse."""
    lines: dict[Location, int] = field(default_factory=dict)
    """1-based source line of each key or list item; ``()`` is the opening fence."""
    findings: tuple[Finding, ...] = ()
    """Problems found while parsing (syntax, not a mapping, duplicate keys)."""

    def line_of(self, location: Location) -> int:
        """Line of the value at `location`, or of its nearest parent that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


def parse_front_matter(source: SourceFile) -> FrontMatter:
    """Parse the front matter of `source`; problems become findings, never exceptions."""
    if source.front_matter is None:
        if not source.text.strip():
            return FrontMatter(source, None, {(): 1})  # reported as an empty file
        if source.unclosed_front_matter:
            missing = messages.unclosed_front_matter(source.path)
        else:
            missing = messages.no_front_matter(source.path)
        return FrontMatter(source, None, {(): 1}, (missing,))
    offset = source.front_matter_line - 1
    try:
        loader = _Loader(source.front_matter)
    except yaml.reader.ReaderError as error:
        # Control characters are refused before parsing starts, by position.
        line = offset + source.front_matter.count("\n", 0, error.position) + 1
        finding = messages.yaml_syntax(
            source.path, line=line, column=0, problem=f"Steuerzeichen #x{error.character:04x}"
        )
        return FrontMatter(source, None, {(): 1}, (finding,))
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = yaml_errors.error_mark(error)
        line = _line(mark, source.front_matter, offset) if mark else source.front_matter_line
        column = mark.column + 1 if mark is not None else 0
        problem = yaml_errors.describe(error)
        finding = messages.yaml_syntax(source.path, line=line, column=column, problem=problem)
        return FrontMatter(source, None, {(): 1}, (finding,))
    except (yaml.YAMLError, RecursionError) as error:
        finding = messages.yaml_syntax(
            source.path, line=source.front_matter_line, column=0, problem=type(error).__name__
        )
        return FrontMatter(source, None, {(): 1}, (finding,))
    finally:
        loader.dispose()
    if not isinstance(node, MappingNode) or not isinstance(data, dict):
        return FrontMatter(source, None, {(): 1}, (messages.not_a_mapping(source.path),))
    lines: dict[Location, int] = {(): 1}
    duplicates: list[Finding] = []
    _collect_lines(node, (), (source.front_matter, offset), lines, duplicates, source.path)
    # Keys YAML reads as numbers or booleans (`2016: x`) are kept as text, so
    # that the schema can name them as unknown fields.
    return FrontMatter(
        source, {str(key): value for key, value in data.items()}, lines, tuple(duplicates)
    )


def _collect_lines(
    node: Node,
    location: Location,
    where: tuple[str, int],
    lines: dict[Location, int],
    duplicates: list[Finding],
    path: str,
) -> None:
    if isinstance(node, MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, ScalarNode) else "?"
            line = _line(key_node.start_mark, *where)
            if key in seen:
                duplicates.append(messages.duplicate_key(path, line=line, key=key))
            seen.add(key)
            lines[(*location, key)] = line
            _collect_lines(value_node, (*location, key), where, lines, duplicates, path)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            lines[(*location, index)] = _line(item.start_mark, *where)
            _collect_lines(item, (*location, index), where, lines, duplicates, path)


def _line(mark: yaml.Mark, text: str, offset: int) -> int:
    return yaml_errors.line_of(mark, text, offset=offset)


def to_json(value: Any) -> Any:
    """The value as JSON sees it: dates become ISO text, for JSON Schema's `format`."""
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value
