"""ExportSource: an export's property types, nodes and relationships, read page by page.

Every page is its own short read transaction (bounded by the timeout), so memory stays flat and
no transaction spans a whole-graph export. Order is total and stable: nodes by model label (in
graph.model order) then id, relationships by type then id, so re-exporting gives the same file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from neo4j import Driver, unit_of_work

from graph.export.records import ExportNode, ExportRelationship, PropertySchema
from graph.export.selection import Plan
from graph.model import Label, RelType
from graph.queries.export_pages import get_property_types, list_nodes, list_relationships


@dataclass
class ExportSource:
    """Reads what a plan names from the database (the whole graph when the plan has no ids)."""

    driver: Driver
    database: str
    plan: Plan
    timeout_seconds: float = 60.0
    page_size: int = 1000

    @property
    def description(self) -> dict[str, object]:
        return self.plan.description

    def _read(self, work: object, **kwargs: object) -> object:
        bounded = unit_of_work(timeout=self.timeout_seconds)(work)
        with self.driver.session(database=self.database) as session:
            return session.execute_read(bounded, **kwargs)

    def _labels(self) -> list[Label]:
        return list(Label) if self.plan.nodes is None else list(self.plan.nodes)

    def _rel_types(self) -> list[RelType]:
        rels = self.plan.relationships
        return list(RelType) if rels is None else list(rels)

    def schema(self) -> PropertySchema:
        """The property types of the chosen elements, per label and per relationship type."""
        nodes, rels = self.plan.nodes, self.plan.relationships
        node_types = {
            str(label): self._read(
                get_property_types, label=label, ids=None if nodes is None else nodes[label]
            )
            for label in self._labels()
        }
        rel_types = {
            str(t): self._read(get_property_types, rel_type=t, ids=None if rels is None else rels[t])
            for t in self._rel_types()
        }
        return PropertySchema(
            nodes={k: v for k, v in node_types.items() if v},  # type: ignore[misc]
            relationships={k: v for k, v in rel_types.items() if v},  # type: ignore[misc]
        )

    def nodes(self) -> Iterator[ExportNode]:
        """Every chosen node, by label then id."""
        for label in self._labels():
            ids = None if self.plan.nodes is None else self.plan.nodes[label]
            yield from self._pages(list_nodes, ids, label=label)  # type: ignore[misc]

    def relationships(self) -> Iterator[ExportRelationship]:
        """Every chosen relationship, by type then id."""
        for rel_type in self._rel_types():
            rels = self.plan.relationships
            ids = None if rels is None else rels[rel_type]
            yield from self._pages(list_relationships, ids, rel_type=rel_type)  # type: ignore[misc]

    def _pages(self, work: object, ids: list[str] | None, **kwargs: object) -> Iterator[object]:
        """The elements `work` reads: the planned ids a page at a time, else all, keyset-paged by id."""
        if ids is not None:
            for offset in range(0, len(ids), self.page_size):
                yield from self._read(work, ids=ids[offset : offset + self.page_size], **kwargs)  # type: ignore[misc]
            return
        after = ""
        while page := self._read(work, after=after, limit=self.page_size, **kwargs):
            yield from page  # type: ignore[misc]
            after = page[-1].id  # type: ignore[index]
