"""What Neo4j refuses to store, so loaders can refuse it first (with a line) instead of mid-write.

Measured on Neo4j 5.26 (8 KiB pages) by writing ever longer strings in a rolled-back transaction:
a RANGE index key holds a string of at most 8,164 UTF-8 bytes ("Property value is too large to
index", reported as property size 8,176), a TEXT index key at most 32,766 (Lucene's term limit).
FULLTEXT indexes tokenize, so long texts pass. Integers are 64-bit; floats are doubles and are
stored even when NaN or infinite, but no JSON reader accepts those afterwards.
"""

from __future__ import annotations

import math

from graph.model import Label, RelType

RANGE_KEY_MAX_BYTES = 8164
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

# Properties behind a RANGE index (graph/migrations.py: the id constraints and INDEXES);
# tests/graph/test_limits.py checks this table against the server's SHOW INDEXES.
RANGE_INDEXED: dict[Label | RelType, frozenset[str]] = {
    **{label: frozenset({"id"}) for label in Label},
    **{rel_type: frozenset({"id"}) for rel_type in RelType},
    Label.EVENT: frozenset({"id", "type", "date_start", "date_span_class"}),
    Label.STATEMENT: frozenset({"id", "stance", "date_start", "date_span_class"}),
    Label.ACTOR: frozenset({"id", "name", "kind"}),
    Label.PLACE: frozenset({"id", "name"}),
    Label.INCIDENT: frozenset({"id", "date_start"}),
}


def index_key_problem(value: str) -> str | None:
    """Why a RANGE index would refuse this string, or None when it fits."""
    size = len(value.encode("utf-8"))
    if size <= RANGE_KEY_MAX_BYTES:
        return None
    return f"{size:,} bytes long; Neo4j indexes at most {RANGE_KEY_MAX_BYTES:,} bytes (UTF-8)"


def value_problem(value: object) -> str | None:
    """Why Neo4j would refuse (or store unreadably) this property value, or None when it is fine."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return None
    if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
        return f"an integer outside Neo4j's 64-bit range ({INT64_MIN} to {INT64_MAX})"
    if isinstance(value, float) and not math.isfinite(value):
        return f"not a finite number ({value})"
    if isinstance(value, list):
        return next((problem for item in value if (problem := value_problem(item))), None)
    return None
