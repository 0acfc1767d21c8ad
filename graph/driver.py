"""The one place a Neo4j driver is opened."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity

from graph.settings import GraphSettings


# For a driver that must answer fast (the API): one quick retry absorbs a pooled connection that a
# restarted server closed, and a connection gets at most 1 s, so an outage is an error within
# about a second instead of after 10 s of retries.
QUICK_RETRY_SECONDS = 0.3
QUICK_RETRY_DELAY_SECONDS = 0.05
QUICK_CONNECT_SECONDS = 1.0


def open_driver(settings: GraphSettings, *, quick: bool = False) -> Driver:
    """A driver for the settings' server; routing URIs (neo4j://, neo4j+s://) work for clusters and Aura.

    `quick`: short connection timeout and retries, for callers that answer people (the API)."""
    connect = settings.connection_timeout_seconds
    retries: dict[str, float] = {"max_transaction_retry_time": connect * 2}
    if quick:
        connect = min(connect, QUICK_CONNECT_SECONDS)
        retries = {
            "max_transaction_retry_time": QUICK_RETRY_SECONDS,
            "initial_retry_delay": QUICK_RETRY_DELAY_SECONDS,
        }
    return GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password.get_secret_value()),
        connection_timeout=connect,
        connection_acquisition_timeout=connect * 2,
        # Our queries are reviewed; server hints would only flood the log.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
        **retries,
    )
