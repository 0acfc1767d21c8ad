"""graph/limits.py holds what the real server refuses: its indexed properties and key size limit."""

from __future__ import annotations

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.limits import RANGE_INDEXED, RANGE_KEY_MAX_BYTES, index_key_problem, value_problem
from graph.settings import GraphSettings

SHOW_RANGE_INDEXES = """
SHOW RANGE INDEXES YIELD labelsOrTypes, properties
RETURN labelsOrTypes[0] AS owner, properties[0] AS property
"""


def test_range_indexed_lists_every_range_index_of_the_schema(
    driver: Driver, settings: GraphSettings
) -> None:
    records = driver.execute_query(SHOW_RANGE_INDEXES, database_=settings.database).records
    # The accusation summary's state id is written by its own queries only, never from input.
    on_server = {(r["owner"], r["property"]) for r in records} - {("AccusationSummaryState", "id")}
    in_table = {(str(owner), prop) for owner, props in RANGE_INDEXED.items() for prop in props}
    assert on_server == in_table


def _store(driver: Driver, settings: GraphSettings, name: str) -> None:
    """Create an Actor with this (range-indexed) name in a transaction that is then rolled back."""
    with driver.session(database=settings.database) as session:
        with session.begin_transaction() as tx:
            tx.run("CREATE (:Actor {id: 'actor:limit-probe', name: $name})", name=name).consume()
            tx.rollback()


@pytest.mark.parametrize("char", ["a", "é", "€"])  # 1, 2 and 3 UTF-8 bytes
def test_the_key_size_limit_is_the_servers(
    driver: Driver, settings: GraphSettings, char: str
) -> None:
    width = len(char.encode())
    fits = char * (RANGE_KEY_MAX_BYTES // width)
    too_long = fits + "a" * (RANGE_KEY_MAX_BYTES - len(fits.encode()) + 1)
    _store(driver, settings, fits)  # the longest key in `char` that fits: stored
    assert index_key_problem(fits) is None
    with pytest.raises(Neo4jError, match="Property value is too large to index"):
        _store(driver, settings, too_long)
    assert index_key_problem(too_long) == (
        f"{RANGE_KEY_MAX_BYTES + 1:,} bytes long; Neo4j indexes at most 8,164 bytes (UTF-8)"
    )


def test_value_problem_names_out_of_range_numbers() -> None:
    assert value_problem(2**63 - 1) is None
    assert value_problem([1, -(2**63) - 1]) == (
        "an integer outside Neo4j's 64-bit range (-9223372036854775808 to 9223372036854775807)"
    )
    assert value_problem(float("nan")) == "not a finite number (nan)"
    assert value_problem(True) is None
