"""Read back the values of a Cypher export's `:param {rows: [...]}` lines (cypher.py's literal()).

cypher-shell evaluates such a line itself; run_cypher_script parses it here instead, so the values
reach the server as query parameters and never as query text. The grammar is exactly what
literal() writes: true/false, integers, floats (repr, and `(0.0/0.0)`, `(±1.0/0.0)` for NaN and
infinities), double-quoted strings with backslash escapes, `date("YYYY-MM-DD")`,
`point({longitude: x, latitude: y})`, lists, and maps whose keys are bare or backtick-quoted.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from neo4j.spatial import WGS84Point

_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SPECIAL_FLOATS = {"(0.0/0.0)": float("nan"), "(1.0/0.0)": float("inf"), "(-1.0/0.0)": float("-inf")}
_DATE = re.compile(r'date\("(\d{4}-\d{2}-\d{2})"\)')


class _Reader:
    def __init__(self, text: str) -> None:
        self.text, self.at = text, 0

    def fail(self, what: str) -> ValueError:
        return ValueError(f"column {self.at + 1}: expected {what}")

    def skip(self, token: str) -> None:
        self.blanks()
        if not self.text.startswith(token, self.at):
            raise self.fail(repr(token))
        self.at += len(token)

    def blanks(self) -> None:
        while self.at < len(self.text) and self.text[self.at] == " ":
            self.at += 1

    def value(self) -> Any:
        self.blanks()
        text, at = self.text, self.at
        for word, value in (("true", True), ("false", False), *_SPECIAL_FLOATS.items()):
            if text.startswith(word, at):
                self.at += len(word)
                return value
        if text.startswith('"', at):
            return self.string()
        if text.startswith("[", at):
            return self.sequence("[", "]", self.value)
        if text.startswith("{", at):
            return dict(self.sequence("{", "}", self.entry))
        if (day := _DATE.match(text, at)) is not None:
            self.at = day.end()
            return date.fromisoformat(day.group(1))
        if text.startswith("point(", at):
            self.at += len("point(")
            where = dict(self.sequence("{", "}", self.entry))
            self.skip(")")
            return WGS84Point((where["longitude"], where["latitude"]))
        if (number := _NUMBER.match(text, at)) is not None:
            self.at = number.end()
            return float(number.group()) if number.group(1) or number.group(2) else int(number.group())
        raise self.fail("a value")

    def string(self) -> str:
        # literal() escapes exactly as JSON does (\\ \" \n \r \t \b \f \uXXXX), so JSON reads it.
        end = self.at + 1
        while self.text[end] != '"':
            end += 2 if self.text[end] == "\\" else 1
        text, self.at = self.text[self.at : end + 1], end + 1
        return str(json.loads(text))

    def key(self) -> str:
        self.blanks()
        if self.text.startswith("`", self.at):
            end = self.at + 1
            while not (self.text[end] == "`" and not self.text.startswith("``", end)):
                end += 2 if self.text.startswith("``", end) else 1
            key, self.at = self.text[self.at + 1 : end].replace("``", "`"), end + 1
            return key
        found = _KEY.match(self.text, self.at)
        if found is None:
            raise self.fail("a key")
        self.at = found.end()
        return found.group()

    def entry(self) -> tuple[str, Any]:
        key = self.key()
        self.skip(":")
        return key, self.value()

    def sequence(self, opening: str, closing: str, item: Any) -> list[Any]:
        self.skip(opening)
        items: list[Any] = []
        self.blanks()
        if self.text.startswith(closing, self.at):
            self.at += 1
            return items
        while True:
            items.append(item())
            self.blanks()
            if self.text.startswith(closing, self.at):
                self.at += 1
                return items
            self.skip(",")


def parse_params(text: str) -> dict[str, Any]:
    """The parameters of a `:param {...}` line's map; ValueError (with the column) if malformed."""
    reader = _Reader(text)
    try:
        params = reader.value()
    except IndexError:  # an unclosed string or quoted key
        raise reader.fail("a closing quote") from None
    reader.blanks()
    if not isinstance(params, dict) or reader.at != len(text):
        raise reader.fail("one map")
    return params
