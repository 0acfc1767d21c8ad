"""`ckg serve`: the API under uvicorn."""

from __future__ import annotations

import typer
import uvicorn

HostOption = typer.Option("127.0.0.1", envvar="CKG_API_HOST", help="Interface to listen on.")
PortOption = typer.Option(8000, envvar="CKG_API_PORT", help="Port to listen on.")


def serve(host: str = HostOption, port: int = PortOption) -> None:
    """Serve the API (Ctrl-C stops the API; the local Neo4j keeps running)."""
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port)
