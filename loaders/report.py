"""What a load did (or would do): created / updated / unchanged / deleted per label and type."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graph.model import Label, RelType

OUTCOMES = ("created", "updated", "unchanged", "deleted")


@dataclass
class LoadReport:
    """Per-label and per-relationship-type outcome counts of one or more loads."""

    nodes: dict[Label, Counter[str]] = field(default_factory=dict)
    relationships: dict[RelType, Counter[str]] = field(default_factory=dict)

    def add_nodes(self, label: Label, counts: Counter[str]) -> None:
        self.nodes.setdefault(label, Counter()).update(counts)

    def add_relationships(self, rel_type: RelType, counts: Counter[str]) -> None:
        self.relationships.setdefault(rel_type, Counter()).update(counts)

    def merge(self, other: LoadReport) -> None:
        """Add another report's counts to this one."""
        for label, counts in other.nodes.items():
            self.add_nodes(label, counts)
        for rel_type, counts in other.relationships.items():
            self.add_relationships(rel_type, counts)

    def totals(self) -> Counter[str]:
        """Outcome counts over every label and type."""
        total: Counter[str] = Counter()
        for counts in [*self.nodes.values(), *self.relationships.values()]:
            total.update(counts)
        return total

    @property
    def changed(self) -> bool:
        """True when anything was (or would be) created, updated or deleted."""
        total = self.totals()
        return bool(total["created"] or total["updated"] or total["deleted"])
