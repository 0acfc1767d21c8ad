"""The one place a Neo4j driver is opened."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase, NotificationMinimumSeverity

from graph.settings import GraphSettings


def open_driver(settings: GraphSettings) -> Driver:
    """A driver for the settings' server; routing URIs (neo4j://, neo4j+s://) work for clusters and Aura."""
    return GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password.get_secret_value()),
        connection_timeout=settings.connection_timeout_seconds,
        connection_acquisition_timeout=settings.connection_timeout_seconds * 2,
        max_transaction_retry_time=settings.connection_timeout_seconds * 2,
        # Our queries are reviewed; server hints would only flood the log.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )
