"""The graph schema: uniqueness constraints and indexes, applied idempotently (IF NOT EXISTS), and
the backfill of what a newer schema derives (span classes)."""

from __future__ import annotations

from neo4j import Driver, ManagedTransaction, Session

from graph.model import DATED_LABELS, Label, RelType
from graph.queries.windows import set_span_classes

# Each id is unique per label, which also gives MERGE its index lookup. Labels and types come
# from the Label and RelType enums (the allow-list), never from input.
NODE_ID_CONSTRAINTS = [
    f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    for label in Label
]
# Relationships MERGE on a stable id too (idempotent, resumable loads); Community supports these.
REL_ID_CONSTRAINTS = [
    f"CREATE CONSTRAINT rel_{rel_type.lower()}_id IF NOT EXISTS "
    f"FOR ()-[r:{rel_type}]-() REQUIRE r.id IS UNIQUE"
    for rel_type in RelType
]
INDEXES = [
    "CREATE INDEX event_date_start IF NOT EXISTS FOR (n:Event) ON (n.date_start)",
    "CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type)",
    "CREATE INDEX statement_date_start IF NOT EXISTS FOR (n:Statement) ON (n.date_start)",
    # Date windows: one seek per span class, in date order (graph/queries/windows.py).
    "CREATE INDEX event_span_date_start IF NOT EXISTS FOR (n:Event) ON (n.date_span_class, n.date_start)",
    (
        "CREATE INDEX statement_span_date_start IF NOT EXISTS "
        "FOR (n:Statement) ON (n.date_span_class, n.date_start)"
    ),
    "CREATE INDEX incident_date_start IF NOT EXISTS FOR (n:Incident) ON (n.date_start)",
    "CREATE INDEX statement_stance IF NOT EXISTS FOR (n:Statement) ON (n.stance)",
    "CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name)",
    "CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind)",
    "CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name)",
    "CREATE FULLTEXT INDEX text_search IF NOT EXISTS FOR (n:Event|Statement) "
    "ON EACH [n.title, n.summary, n.text, n.quote]",
    "CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases]",
    # WGS-84 points: bbox (point.withinBBox) and radius (point.distance) filters seek these.
    "CREATE POINT INDEX event_point IF NOT EXISTS FOR (n:Event) ON (n.point)",
    "CREATE POINT INDEX statement_point IF NOT EXISTS FOR (n:Statement) ON (n.point)",
    "CREATE POINT INDEX place_point IF NOT EXISTS FOR (n:Place) ON (n.point)",
    "CREATE FULLTEXT INDEX place_names IF NOT EXISTS FOR (n:Place) "
    "ON EACH [n.name, n.aliases, n.name_keys]",
]
# The accusation network's summary (graph/queries/accusation_summary.py): one state node, merged
# by concurrent loads. Its buckets (two per actor pair and month at most) need no index.
SUMMARY_SCHEMA = [
    "CREATE CONSTRAINT accusation_summary_state_id IF NOT EXISTS "
    "FOR (n:AccusationSummaryState) REQUIRE n.id IS UNIQUE",
]
MIGRATIONS = [*NODE_ID_CONSTRAINTS, *REL_ID_CONSTRAINTS, *INDEXES, *SUMMARY_SCHEMA]

BACKFILL_BATCH = 10_000

SHOW_CONSTRAINT_NAMES = "SHOW CONSTRAINTS YIELD name RETURN name"
SHOW_INDEX_NAMES = "SHOW INDEXES YIELD name RETURN name"


def _schema_names(tx: ManagedTransaction) -> set[str]:
    names = {record["name"] for record in tx.run(SHOW_CONSTRAINT_NAMES)}
    return names | {record["name"] for record in tx.run(SHOW_INDEX_NAMES)}


def apply_migrations(driver: Driver, database: str) -> list[str]:
    """Create the missing constraints and indexes, wait until they are online; return the new names."""
    with driver.session(database=database) as session:
        before = session.execute_read(_schema_names)
        for statement in MIGRATIONS:
            # Schema commands cannot share a transaction with each other; each runs on its own.
            session.run(statement).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
        after = session.execute_read(_schema_names)
        backfill_span_classes(session)
    return sorted(after - before)


def backfill_span_classes(session: Session) -> int:
    """Give every dated Event and Statement without a span class its class, one managed transaction
    per batch (an interrupted run resumes: what is set stays set); return how many were set."""
    total = 0
    for label in DATED_LABELS:
        after, count = "", BACKFILL_BATCH
        while count == BACKFILL_BATCH:
            count, after = session.execute_write(
                set_span_classes, label=label, after=after, batch_size=BACKFILL_BATCH
            )
            total += count
    return total
