"""The `ckg` entry point: one Typer app with a sub-command per module."""

from __future__ import annotations

import typer

from cli import db, export, link, load, serve, up
from cli.console import errors
from graph.local.errors import LocalServerError

app = typer.Typer(help="conflictkg: a conflict-event knowledge graph on Neo4j.", no_args_is_help=True, pretty_exceptions_show_locals=False)
app.add_typer(db.app, name="db")
app.command("serve")(serve.serve)
app.command("up")(up.up)
app.command("load")(load.load)
app.command("export")(export.export)
app.command("import-csv")(export.import_csv)
app.command("link")(link.link)


def main() -> None:
    """`ckg`: the Typer app; a local-server problem anywhere is one error line, not a traceback."""
    try:
        app()
    except LocalServerError as error:  # raised outside a command's own handling (e.g. settings)
        errors.print(f"[bold red]error:[/] {error}", highlight=False, markup=True, soft_wrap=True)
        raise SystemExit(1) from None
