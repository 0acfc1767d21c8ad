"""The `ckg` entry point: one Typer app with a sub-command per module."""

from __future__ import annotations

import typer

from cli import db, export, link, load, serve, up

app = typer.Typer(help="conflictkg: a conflict-event knowledge graph on Neo4j.", no_args_is_help=True, pretty_exceptions_show_locals=False)
app.add_typer(db.app, name="db")
app.command("serve")(serve.serve)
app.command("up")(up.up)
app.command("load")(load.load)
app.command("export")(export.export)
app.command("import-csv")(export.import_csv)
app.command("link")(link.link)
