"""Check a parsed curated file completely (schema, dates, enums, ids, references) before writing."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from loaders.curated.read import RawDocument
from loaders.errors import Issue, Loc
from schema.curated import INT64_MAX, SECTIONS, CuratedDataset, DatasetInfo
from schema.curated_links import CuratedModel

# Fields whose values are ids of other items; with extra="forbid" no other field can hold one.
REFERENCE_FIELDS = frozenset(
    {
        "sources",
        "publisher",
        "cites",
        "located_in",
        "place",
        "actor",
        "target",
        "speaker",
        "speakers",
        "by",
        "of",
        "from",
        "to",
    }
)
ID_NOUNS = {
    "src": "source",
    "actor": "actor",
    "place": "place",
    "event": "event",
    "stmt": "statement",
}
_ID_PATTERN = re.compile(r"^\^\(?([a-z|]+)\)?:")
R = TypeVar("R", bound=CuratedModel)


@dataclass(frozen=True)
class Item:
    """A valid record and where it sits in the file, e.g. ("events", 3)."""

    loc: Loc
    record: CuratedModel


@dataclass
class Document:
    """A parsed file's dataset header (None if invalid) and its valid items, by section."""

    raw: RawDocument
    dataset: DatasetInfo | None
    items: dict[str, list[Item]] = field(default_factory=dict)

    def records(self, section: str, kind: type[R]) -> list[tuple[Loc, R]]:
        """The section's valid records with their locations, in file order."""
        return [
            (i.loc, i.record) for i in self.items.get(section, []) if isinstance(i.record, kind)
        ]


def _message(error: ErrorDetails) -> str:
    kind, ctx = error["type"], error.get("ctx", {})
    if kind == "enum":
        return f"unknown value {error['input']!r}; allowed: {ctx['expected']}"
    if kind == "literal_error":
        return f"unsupported value {error['input']!r}; expected {ctx['expected']}"
    if kind == "extra_forbidden":
        return "unknown field (not part of the curated format)"
    if kind == "missing":
        return "required field is missing"
    if kind == "too_short" and error["loc"][-1] == "sources":
        return "no sources: every fact must cite at least one declared source"
    if kind == "int_parsing_size" or (kind == "less_than_equal" and ctx.get("le") == INT64_MAX):
        return f"{error['input']!r} is too large: Neo4j integers are 64-bit (at most {INT64_MAX})"
    if kind == "string_pattern_mismatch" and error["loc"] == ("dataset", "id"):
        return f"{error['input']!r} is not a dataset id (a slug: a-z 0-9 - . _)"
    if kind == "string_pattern_mismatch":
        match = _ID_PATTERN.match(ctx["pattern"])
        if match is None:
            return f"{error['input']!r} is not an ISO 3166 alpha-3 country code (e.g. SYR)"
        forms = " or ".join(f"{prefix}:<slug>" for prefix in match.group(1).split("|"))
        return f"{error['input']!r} is not an id of the form {forms} (slug: a-z 0-9 - . _)"
    return str(error["msg"]).removeprefix("Value error, ")


def _schema_issues(raw: RawDocument, prefix: Loc, error: ValidationError) -> list[Issue]:
    return [raw.issue((*prefix, *e["loc"]), _message(e)) for e in error.errors(include_url=False)]


def _references(value: object, loc: Loc) -> Iterator[tuple[str, Loc]]:
    """Every (referenced id, its field path) inside a dumped record."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key in REFERENCE_FIELDS and isinstance(child, str):
                yield child, (*loc, key)
            elif key in REFERENCE_FIELDS and isinstance(child, list):
                yield from (
                    (ref, (*loc, key, i)) for i, ref in enumerate(child) if isinstance(ref, str)
                )
            else:
                yield from _references(child, (*loc, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _references(child, (*loc, index))


def _declared_ids(raw: RawDocument, data: dict[str, Any], issues: list[Issue]) -> set[str]:
    """Ids of all items, valid or not (so a broken item is not also reported as unknown)."""
    first_seen: dict[str, int] = {}
    for section in SECTIONS:
        items = data.get(section)
        for index, item in enumerate(items if isinstance(items, list) else []):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            loc = (section, index, "id")
            if item_id in first_seen:
                issues.append(
                    raw.issue(
                        loc,
                        f"duplicate id {item_id!r} (first declared at line {first_seen[item_id]})",
                    )
                )
            else:
                first_seen[item_id] = raw.line_of(loc)
    return set(first_seen)


def validate_document(raw: RawDocument) -> tuple[Document, list[Issue]]:
    """The file's valid items, and every problem found in it."""
    data = raw.data
    if not isinstance(data, dict):
        return Document(raw, None), [
            raw.issue((), "expected a mapping with `format`, `dataset` and lists")
        ]
    issues: list[Issue] = []
    dataset: DatasetInfo | None = None
    try:
        dataset = CuratedDataset.model_validate(
            {k: v for k, v in data.items() if k not in SECTIONS}
        ).dataset
    except ValidationError as error:
        issues += _schema_issues(raw, (), error)
    document_items: dict[str, list[Item]] = {}
    for section, record_type in SECTIONS.items():
        values = data.get(section)
        if values is None:
            continue
        if not isinstance(values, list):
            issues.append(raw.issue((section,), "expected a list"))
            continue
        for index, value in enumerate(values):
            try:
                record = record_type.model_validate(value)
            except ValidationError as error:
                issues += _schema_issues(raw, (section, index), error)
                continue
            document_items.setdefault(section, []).append(Item((section, index), record))
    declared = _declared_ids(raw, data, issues)
    for items in document_items.values():
        for item in items:
            for ref, loc in _references(
                item.record.model_dump(by_alias=True, exclude_none=True), item.loc
            ):
                if ref not in declared:
                    noun = ID_NOUNS.get(ref.split(":", 1)[0], "item")
                    issues.append(
                        raw.issue(loc, f"unknown {noun} {ref!r}: not declared in this file")
                    )
    return Document(raw, dataset, document_items), issues
