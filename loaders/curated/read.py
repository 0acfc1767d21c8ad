"""Read a curated YAML or JSON file into plain data plus the line of every item and field."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from loaders.errors import InvalidInputError, Issue, Loc, format_loc

JSON_SUFFIXES = frozenset({".json"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})


class _CuratedLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text: FuzzyDate parses them and reports 2020-02-30 itself."""


_CuratedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class RawDocument:
    """A parsed file: its data and the 1-based line of each field path."""

    path: Path
    data: object
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """The line of the field, or of its nearest enclosing item when the field is absent."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def issue(self, loc: Loc, message: str) -> Issue:
        return Issue(self.line_of(loc), format_loc(loc), message, self.path)


def _walk(node: Node, loc: Loc, lines: dict[Loc, int], duplicates: list[tuple[Loc, int]]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            child = (*loc, str(key_node.value))
            if child in lines:
                duplicates.append((child, key_node.start_mark.line + 1))
                continue
            lines[child] = key_node.start_mark.line + 1  # a block value starts a line below its key
            _walk(value_node, child, lines, duplicates)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, duplicates)


def _compose(text: str) -> tuple[object, dict[Loc, int], list[tuple[Loc, int]]]:
    loader = _CuratedLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[Loc, int] = {}
    duplicates: list[tuple[Loc, int]] = []
    if node is not None:
        _walk(node, (), lines, duplicates)
    return data, lines, duplicates


def _read_yaml(path: Path, text: str) -> RawDocument:
    try:
        data, lines, duplicates = _compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise InvalidInputError(
            path, [Issue(line, "(file)", f"not valid YAML: {problem}", path)]
        ) from None
    document = RawDocument(path, data, lines)
    if duplicates:
        issues = [Issue(line, format_loc(loc), "key given twice", path) for loc, line in duplicates]
        raise InvalidInputError(path, issues)
    return document


def _read_json(path: Path, text: str) -> RawDocument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidInputError(
            path, [Issue(error.lineno, "(file)", f"not valid JSON: {error.msg}", path)]
        ) from None
    try:
        # Lines are best effort: JSON is (nearly always) YAML, whose composer keeps positions.
        _, lines, _ = _compose(text)
    except yaml.YAMLError:
        lines = {}
    return RawDocument(path, data, lines)


def read_document(path: Path) -> RawDocument:
    """Parse a .yaml/.yml or .json file; raise InvalidInputError when it is not well-formed."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InvalidInputError(
            path, [Issue(1, "(file)", f"not UTF-8 text: {error.reason}", path)]
        ) from None
    if path.suffix.lower() in JSON_SUFFIXES:
        return _read_json(path, text)
    return _read_yaml(path, text)
