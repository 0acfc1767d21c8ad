"""`ckg up`: everything `make run` does, in order: server, schema, default data, API."""

from __future__ import annotations

from pathlib import Path

from cli.console import fail
from cli.db import install_server, migrate_schema, start_server
from cli.load import load_datasets
from cli.serve import AllowAnonymousOption, HostOption, PortOption, check_exposure, serve
from graph.local.errors import LocalServerError
from graph.settings import external_server_configured

# Loaded (idempotently) by every `ckg up`, relative to the project root.
DEFAULT_DATASETS = ["data/seed/idlib-2018-2020.yaml"]
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def default_dataset_paths() -> list[Path]:
    """DEFAULT_DATASETS as absolute paths, so `ckg up` works from any directory."""
    return [PROJECT_ROOT / name for name in DEFAULT_DATASETS]


def up(host: str = HostOption, port: int = PortOption, allow_anonymous: bool = AllowAnonymousOption) -> None:
    """Install and start the local Neo4j (unless NEO4J_URI is set), migrate, load the default data, serve."""
    check_exposure(host, allow_anonymous)  # before anything starts
    try:
        if not external_server_configured():
            install_server()
            start_server("main")
        migrate_schema("main")
        load_datasets(default_dataset_paths(), "main")
    except LocalServerError as error:
        fail(str(error))
    serve(host=host, port=port, allow_anonymous=allow_anonymous)
