"""`ckg up`: everything `make run` does, in order: server, schema, default data, API."""

from __future__ import annotations

from cli.console import fail
from cli.db import install_server, migrate_schema, start_server
from cli.serve import HostOption, PortOption, serve
from graph.local.errors import LocalServerError
from graph.settings import external_server_configured


def up(host: str = HostOption, port: int = PortOption) -> None:
    """Install and start the local Neo4j (unless NEO4J_URI is set), migrate, load the default data, serve."""
    try:
        if not external_server_configured():
            install_server()
            start_server("main")
        migrate_schema("main")
    except LocalServerError as error:
        fail(str(error))
    serve(host=host, port=port)
