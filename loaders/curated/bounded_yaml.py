"""A YAML SafeLoader with bounded nesting and alias expansion, so no file can exhaust memory or stack.

PyYAML composes nested collections recursively (a 100,000-deep `[[[…]]]` is a RecursionError)
and shares an aliased node wherever it is used: harmless by itself, but everything that walks the
document afterwards (line positions, validation) visits each use, so 371 bytes of nested aliases
(the "billion laughs") become 10⁹ visits. Both are refused here, at the line where the limit is
crossed, while the file is being composed.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import AliasEvent, Event
from yaml.nodes import Node

# The curated format nests six levels (file → events → [i] → participants → [j] → sources).
MAX_DEPTH = 32
# Nodes that aliases may add in all: far above any use of anchors for repeated lists of sources.
MAX_ALIAS_NODES = 100_000


class LimitExceeded(yaml.YAMLError):
    """The document crosses a nesting or alias limit; `line` is 1-based."""

    def __init__(self, event: Event, message: str) -> None:
        self.line = event.start_mark.line + 1 if event.start_mark is not None else 1
        self.message = message
        super().__init__(message)


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text and enforces MAX_DEPTH and MAX_ALIAS_NODES."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # Node counts of the collections being composed (innermost last) and of each anchor.
        self._open: list[int] = []
        self._anchor_sizes: dict[str, int] = {}
        self._alias_nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if isinstance(event, AliasEvent):
            return self._compose_alias(event, parent, index)
        if len(self._open) >= MAX_DEPTH:
            raise LimitExceeded(event, f"nested more than {MAX_DEPTH} levels deep")
        self._open.append(1)
        try:
            node = super().compose_node(parent, index)
        finally:
            size = self._open.pop()
        if event.anchor is not None:
            self._anchor_sizes[str(event.anchor)] = size
        self._count(size)
        return node

    def _compose_alias(self, event: AliasEvent, parent: Node | None, index: Any) -> Node | None:
        node = super().compose_node(parent, index)  # raises on an undefined alias
        size = self._anchor_sizes.get(str(event.anchor))
        if size is None:  # its anchor is still open: the collection would contain itself
            raise LimitExceeded(event, f"alias *{event.anchor} is inside its anchor")
        self._alias_nodes += size
        if self._alias_nodes > MAX_ALIAS_NODES:
            raise LimitExceeded(
                event,
                f"aliases expand to more than {MAX_ALIAS_NODES:,} nodes (an alias bomb?): "
                "write the repeated values out",
            )
        self._count(size)
        return node

    def _count(self, size: int) -> None:
        if self._open:
            self._open[-1] += size


# FuzzyDate parses dates itself (and reports 2020-02-30 with its line): no timestamp resolver.
BoundedLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
