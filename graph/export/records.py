"""What every format writer consumes: nodes, relationships and the property types of both."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from graph.export.values import ExportError, PropType, Value


# Plain slotted dataclasses, not pydantic: whole-graph exports build hundreds of thousands of them.
@dataclass(frozen=True, slots=True)
class ExportNode:
    """A node: its `id` property, its labels and all its properties (including `id`)."""

    id: str
    labels: list[str]
    properties: dict[str, Value]

    @property
    def label(self) -> str:
        return self.labels[0]


@dataclass(frozen=True, slots=True)
class ExportRelationship:
    """A relationship with its endpoints' ids and model labels, and all its properties."""

    id: str
    type: str
    start: str
    end: str
    start_label: str
    end_label: str
    properties: dict[str, Value]


@dataclass(frozen=True)
class PropertySchema:
    """Property types per node label and per relationship type, as stored in the graph."""

    nodes: dict[str, dict[str, PropType]] = field(default_factory=dict)
    relationships: dict[str, dict[str, PropType]] = field(default_factory=dict)

    @property
    def node_types(self) -> dict[str, PropType]:
        """One type per node property key across labels; ExportError if two labels disagree."""
        return _merged(self.nodes, "node")

    @property
    def relationship_types(self) -> dict[str, PropType]:
        """One type per relationship property key across types; ExportError if two types disagree."""
        return _merged(self.relationships, "relationship")

    def to_json(self) -> dict[str, dict[str, str]]:
        """The {"node": {key: type}, "relationship": {...}} map the text formats embed."""
        return {
            "node": {k: str(v) for k, v in sorted(self.node_types.items())},
            "relationship": {k: str(v) for k, v in sorted(self.relationship_types.items())},
        }


def _merged(per_group: dict[str, dict[str, PropType]], kind: str) -> dict[str, PropType]:
    merged: dict[str, PropType] = {}
    for group, types in per_group.items():
        for key, ptype in types.items():
            seen = merged.setdefault(key, ptype)
            if seen is not ptype:
                # An empty list reads as string[]; a typed list elsewhere wins.
                if seen is PropType.STRING_LIST and ptype.is_list:
                    merged[key] = ptype
                elif not (ptype is PropType.STRING_LIST and seen.is_list):
                    raise ExportError(f"{kind} property {key!r} is {seen} and {ptype} ({group})")
    return merged


class GraphStream(Protocol):
    """What writers read: types first, then nodes, then relationships (each iterated once)."""

    @property
    def description(self) -> dict[str, object]: ...

    def schema(self) -> PropertySchema: ...

    def nodes(self) -> Iterator[ExportNode]: ...

    def relationships(self) -> Iterator[ExportRelationship]: ...


def check_reserved(properties: dict[str, Value], reserved: frozenset[str], where: str) -> None:
    """ExportError if a property name collides with a name the format uses for its own fields."""
    clash = reserved & properties.keys()
    if clash:
        raise ExportError(f"{where} has propert(ies) {sorted(clash)} that the format reserves")
