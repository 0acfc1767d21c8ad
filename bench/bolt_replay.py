"""The Cypher an API request runs, captured once and replayed over a bare driver session.

The API's cost over Bolt is the ratio of the two timings: the same statements with the same
parameters in one read transaction, records fetched (and hydrated by the driver) but not turned
into pydantic models, routed, validated or serialised.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction, Session

Statement = tuple[str, dict[str, Any]]


@dataclass
class Capture:
    """The statements run by transaction functions while capturing, in order."""

    statements: list[Statement]


@contextmanager
def capturing() -> Iterator[Capture]:
    """Record every ManagedTransaction.run (any thread) until the block ends."""
    capture = Capture([])
    original = ManagedTransaction.run
    lock = threading.Lock()

    def run(self: ManagedTransaction, query: Any, parameters: dict[str, Any] | None = None, **kw: Any) -> Any:
        with lock:
            capture.statements.append((str(query), {**(parameters or {}), **kw}))
        return original(self, query, parameters, **kw)

    ManagedTransaction.run = run  # type: ignore[method-assign]
    try:
        yield capture
    finally:
        ManagedTransaction.run = original  # type: ignore[method-assign]


def _replay(tx: ManagedTransaction, statements: list[Statement]) -> int:
    rows = 0
    for query, parameters in statements:
        rows += len(list(tx.run(query, parameters)))  # type: ignore[arg-type]
    return rows


def replay(session: Session, statements: list[Statement]) -> int:
    """Run the statements in one read transaction; the number of records they returned."""
    return session.execute_read(_replay, statements)
