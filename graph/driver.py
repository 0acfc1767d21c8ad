"""The one place a Neo4j driver is opened."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity

from graph.settings import GraphSettings


# Retries of a driver that must answer fast (the API): one quick retry absorbs a pooled connection
# that a restarted server closed; a real outage becomes an error within ~0.3 s, not 10 s.
QUICK_RETRY = {"max_transaction_retry_time": 0.3, "initial_retry_delay": 0.05}


def open_driver(settings: GraphSettings, *, quick_retries: bool = False) -> Driver:
    """A driver for the settings' server; routing URIs (neo4j://, neo4j+s://) work for clusters and Aura."""
    retries = QUICK_RETRY if quick_retries else {
        "max_transaction_retry_time": settings.connection_timeout_seconds * 2
    }
    return GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password.get_secret_value()),
        connection_timeout=settings.connection_timeout_seconds,
        connection_acquisition_timeout=settings.connection_timeout_seconds * 2,
        # Our queries are reviewed; server hints would only flood the log.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
        **retries,
    )
