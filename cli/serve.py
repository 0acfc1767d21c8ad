"""`ckg serve`: the API under uvicorn; refuses a non-loopback address without API keys."""

from __future__ import annotations

import typer
import uvicorn

from api.app import create_app
from api.collector import freeze_long_lived
from api.security import AccessSettings, is_loopback
from cli.console import fail

HostOption = typer.Option("127.0.0.1", envvar="CKG_API_HOST", help="Interface to listen on.")
PortOption = typer.Option(8000, envvar="CKG_API_PORT", help="Port to listen on.")
AllowAnonymousOption = typer.Option(
    False,
    "--allow-anonymous",
    help="Serve a non-loopback address without API keys (anyone who reaches it reads the graph).",
)


def check_exposure(host: str, allow_anonymous: bool) -> AccessSettings:
    """The access settings for `host`; exit 1 when it is reachable from the network without keys."""
    access = AccessSettings(api_host=host)
    if not access.keys and not is_loopback(host) and not allow_anonymous:
        fail(
            f"{host} is reachable from other machines and CKG_API_KEYS is empty: set CKG_API_KEYS "
            "(comma-separated keys), listen on 127.0.0.1, or pass --allow-anonymous."
        )
    return access


def serve(host: str = HostOption, port: int = PortOption, allow_anonymous: bool = AllowAnonymousOption) -> None:
    """Serve the API (Ctrl-C stops the API; the local Neo4j keeps running)."""
    access = check_exposure(host, allow_anonymous)
    app = create_app(access=access)
    freeze_long_lived()
    uvicorn.run(app, host=host, port=port)
