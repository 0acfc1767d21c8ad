"""Connection settings: an external Neo4j from NEO4J_* variables, or the project's local instance."""

from __future__ import annotations

import os

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class GraphSettings(BaseSettings):
    """Where the graph lives and how long one query may run."""

    model_config = SettingsConfigDict(env_prefix="NEO4J_", extra="ignore")

    uri: str = "bolt://127.0.0.1:7687"
    user: str = "neo4j"
    password: SecretStr = SecretStr("")
    database: str = "neo4j"
    # Bounds every API transaction on the server side too (unit_of_work timeout).
    query_timeout_seconds: float = 15.0
    # Short, so a dead server turns into a quick 503 instead of a hanging request.
    connection_timeout_seconds: float = 5.0


def external_server_configured() -> bool:
    """True when NEO4J_URI points at a server the project must use instead of provisioning one."""
    return bool(os.environ.get("NEO4J_URI"))


def resolve_settings(instance_name: str = "main") -> GraphSettings:
    """Settings for NEO4J_URI when set, else for the named local instance (its password file);
    LocalServerError says what is missing when there is no such instance."""
    if external_server_configured():
        return GraphSettings()
    from graph.local.instance import LocalInstance  # local provisioning only matters here

    local = LocalInstance.named(instance_name)
    local.require_password()
    return local.settings()
