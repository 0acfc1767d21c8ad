"""The alias table (data, not code): provider names and codes → canonical actor ids.

CSV columns: provider (acled|gdelt|ucdp|*), name_or_code, actor_id, and for the first row of an
actor its actor_name, actor_kind, country, used only to create the actor when the graph does not
have it yet (the seed's own name and kind win when it is loaded).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from schema.vocabulary import ActorKind

DEFAULT_ALIASES = Path(__file__).resolve().parents[2] / "data" / "aliases.csv"
PROVIDERS = {"acled", "gdelt", "ucdp", "*"}


def normalize(key: str) -> str:
    return " ".join(key.split()).casefold()


@dataclass(frozen=True)
class CanonicalActor:
    id: str
    name: str
    kind: ActorKind
    country: str | None


class AliasTable:
    """Lookups by (provider, name or code); a provider's own row beats a `*` row."""

    def __init__(self, entries: dict[tuple[str, str], CanonicalActor], digest: str) -> None:
        self._entries = entries
        self.digest = digest  # part of a resumable load's fingerprint: new aliases, new load

    @classmethod
    def load(cls, path: Path = DEFAULT_ALIASES) -> AliasTable:
        """Read the table; ValueError names the line of a malformed row."""
        raw = path.read_bytes()
        details: dict[str, tuple[str, ActorKind, str | None]] = {}
        rows: list[tuple[int, str, str, str]] = []
        with path.open(newline="", encoding="utf-8-sig") as stream:
            for line, row in enumerate(csv.DictReader(stream), start=2):
                provider, key, actor_id = (
                    row.get(c, "").strip() for c in ("provider", "name_or_code", "actor_id")
                )
                if provider not in PROVIDERS or not key or not actor_id.startswith("actor:"):
                    raise ValueError(
                        f"{path}:{line}: need provider {sorted(PROVIDERS)}, name_or_code, actor:… id"
                    )
                rows.append((line, provider, key, actor_id))
                if (row.get("actor_name") or "").strip():
                    kind = ActorKind((row.get("actor_kind") or "other").strip())
                    details[actor_id] = (
                        row["actor_name"].strip(),
                        kind,
                        (row.get("country") or "").strip() or None,
                    )
        entries: dict[tuple[str, str], CanonicalActor] = {}
        for _line, provider, key, actor_id in rows:
            name, kind, country = details.get(actor_id, (key, ActorKind.OTHER, None))
            entries[(provider, normalize(key))] = CanonicalActor(actor_id, name, kind, country)
        return cls(entries, hashlib.sha256(raw).hexdigest()[:16])

    def resolve(self, provider: str, key: str) -> CanonicalActor | None:
        """The canonical actor for a provider's name or code, or None (→ a source-qualified actor)."""
        norm = normalize(key)
        return self._entries.get((provider, norm)) or self._entries.get(("*", norm))

    def states(self) -> dict[str, CanonicalActor]:
        """The table's state actors by ISO3 country (`actor:syria` for SYR): the states to reuse."""
        found: dict[str, CanonicalActor] = {}
        for (_provider, _key), actor in sorted(self._entries.items()):
            if actor.kind is ActorKind.STATE and actor.country:
                found.setdefault(actor.country, actor)
        return found
