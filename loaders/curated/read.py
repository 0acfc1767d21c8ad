"""Read a curated YAML or JSON file into plain data plus the line of every item and field.

Reading is bounded: files over CKG_CURATED_MAX_MB are refused unread, and nesting and YAML alias
expansion are capped (bounded_yaml.py), each with the line where the limit was crossed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from loaders.curated.bounded_yaml import MAX_DEPTH, BoundedLoader, LimitExceeded
from loaders.curated.settings import CuratedSettings
from loaders.errors import InvalidInputError, Issue, Loc, format_loc

JSON_SUFFIXES = frozenset({".json"})
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
# JSON strings (which may hold brackets), brackets and line ends: enough to follow JSON nesting.
JSON_TOKENS = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}\n]')


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
    loader = BoundedLoader(text)
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


def _refuse(path: Path, line: int, message: str) -> InvalidInputError:
    return InvalidInputError(path, [Issue(line, "(file)", message, path)])


def _read_yaml(path: Path, text: str) -> RawDocument:
    try:
        data, lines, duplicates = _compose(text)
    except LimitExceeded as error:
        raise _refuse(path, error.line, error.message) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        raise _refuse(path, line, f"not valid YAML: {problem}") from None
    document = RawDocument(path, data, lines)
    if duplicates:
        issues = [Issue(line, format_loc(loc), "key given twice", path) for loc, line in duplicates]
        raise InvalidInputError(path, issues)
    return document


def _line_deeper_than(text: str, depth: int) -> int:
    """The line where JSON text opens its (depth+1)-th nested bracket (1 if it never does)."""
    level, line = 0, 1
    for match in JSON_TOKENS.finditer(text):
        token = match.group()
        if token == "\n":
            line += 1
        elif token in "[{":
            level += 1
            if level > depth:
                return line
        elif token in "]}":
            level -= 1
    return 1


def _read_json(path: Path, text: str) -> RawDocument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _refuse(path, error.lineno, f"not valid JSON: {error.msg}") from None
    except RecursionError:  # the json module recurses once per bracket: find the line ourselves
        line = _line_deeper_than(text, MAX_DEPTH)
        raise _refuse(path, line, f"nested more than {MAX_DEPTH} levels deep") from None
    try:
        # Lines are best effort: JSON is (nearly always) YAML, whose composer keeps positions.
        _, lines, _ = _compose(text)
    except LimitExceeded as error:
        raise _refuse(path, error.line, error.message) from None
    except yaml.YAMLError:
        lines = {}
    return RawDocument(path, data, lines)


def _decode(path: Path, data: bytes) -> str:
    """The file's text; refused at the first byte that is not UTF-8, with its line and column."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # a BOM (Windows editors) is no content
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        message = (
            f"not UTF-8: byte 0x{data[error.start]:02X} at column {error.start - line_start + 1}"
            f" ({error.reason}); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"
        )
        raise _refuse(path, line, message) from None


def read_document(path: Path) -> RawDocument:
    """Parse a .yaml/.yml or .json file; raise InvalidInputError when it is not well-formed."""
    settings = CuratedSettings()
    size = path.stat().st_size
    if size > settings.max_bytes:
        message = (
            f"file is {size:,} bytes; curated files are capped at {settings.max_bytes:,} bytes"
            f" (CKG_CURATED_MAX_MB={settings.max_mb:g})"
        )
        raise _refuse(path, 1, message)
    text = _decode(path, path.read_bytes())
    if path.suffix.lower() in JSON_SUFFIXES:
        return _read_json(path, text)
    return _read_yaml(path, text)
