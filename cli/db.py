"""`ckg db …`: install, start, stop and inspect the local Neo4j; apply the graph schema."""

from __future__ import annotations

import typer
from neo4j.exceptions import AuthError, ServiceUnavailable

from cli.console import console, fail
from graph.driver import open_driver
from graph.local.errors import LocalServerError
from graph.local.instance import LocalInstance
from graph.migrations import apply_migrations
from graph.settings import external_server_configured, resolve_settings

app = typer.Typer(help="The local Neo4j server (ignored when NEO4J_URI points elsewhere).", no_args_is_help=True)
InstanceOption = typer.Option("main", "--instance", help="Local instance name (main, test…).")


def _local(instance: str) -> LocalInstance:
    if external_server_configured():
        fail("NEO4J_URI is set, so the project uses that server and manages no local one; unset it first.")
    return LocalInstance.named(instance)


def install_server() -> None:
    """Download Neo4j unless present (also used by `ckg up`)."""
    local = LocalInstance.named("main")
    with console.status(f"Downloading Neo4j {local.distribution.version} from Maven Central…"):
        downloaded = local.distribution.install()
    verb = "Installed" if downloaded else "Already installed:"
    console.print(f"{verb} Neo4j {local.distribution.version} in {local.distribution.home}")


def start_server(instance: str) -> None:
    """Start the instance unless running (also used by `ckg up`)."""
    local = _local(instance)
    with console.status(f"Starting Neo4j ({instance}) on bolt://127.0.0.1:{local.bolt_port}…"):
        started = local.start()
    state = "Started" if started else "Already running:"
    console.print(f"{state} Neo4j ({instance}) at bolt://127.0.0.1:{local.bolt_port}, http://127.0.0.1:{local.http_port}")


def migrate_schema(instance: str) -> None:
    """Apply constraints and indexes to the configured server (also used by `ckg up`)."""
    settings = resolve_settings(instance)
    try:
        with open_driver(settings) as driver:
            created = apply_migrations(driver, settings.database)
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: start it with 'ckg db start' (or check NEO4J_URI).")
    console.print(f"Schema up to date ({len(created)} constraint(s)/index(es) created).")


@app.command()
def install() -> None:
    """Download Neo4j Community from Maven Central into .neo4j/ (nothing if already there)."""
    try:
        install_server()
    except LocalServerError as error:
        fail(str(error))


@app.command()
def start(instance: str = InstanceOption) -> None:
    """Start the local Neo4j in the background and wait until it answers."""
    try:
        start_server(instance)
    except LocalServerError as error:
        fail(str(error))


@app.command()
def stop(instance: str = InstanceOption) -> None:
    """Stop the local Neo4j cleanly."""
    local = _local(instance)
    try:
        stopped = local.stop()
    except LocalServerError as error:
        fail(str(error))
    console.print(
        f"Stopped Neo4j ({instance})." if stopped else f"Neo4j ({instance}) of {local.directory} was not running.",
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def status(instance: str = InstanceOption) -> None:
    """Say whether the local Neo4j is installed and running (exit 3 when not running)."""
    try:
        local = _local(instance)
        if not local.distribution.is_installed():
            console.print(
                f"Neo4j is not installed in {local.distribution.home}: run 'ckg db install'.",
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(3)
        running = local.is_running()
    except LocalServerError as error:
        fail(str(error))
    if not running:
        console.print(
            f"Neo4j ({instance}) of {local.directory} is installed but not running: 'ckg db start'.",
            highlight=False,
            soft_wrap=True,
        )
        raise typer.Exit(3)
    console.print(f"Neo4j ({instance}) is running at bolt://127.0.0.1:{local.bolt_port}.")


@app.command()
def migrate(instance: str = InstanceOption) -> None:
    """Create the graph's constraints and indexes (idempotent)."""
    try:
        migrate_schema(instance)
    except LocalServerError as error:
        fail(str(error))
