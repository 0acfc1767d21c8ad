"""`ckg export`: a seed subgraph or the whole graph to a file; `ckg import-csv`: load a CSV export."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import typer
from neo4j.exceptions import AuthError, ServiceUnavailable

from cli.console import console, fail
from cli.db import InstanceOption
from graph.driver import open_driver
from graph.export.csv_import import load_csv_zip
from graph.export.formats import ExportFormat, write
from graph.export.selection import (
    MAX_DEPTH,
    Plan,
    Selection,
    TooManyNodesError,
    UnknownSeedError,
    plan_selection,
)
from graph.export.settings import ExportSettings
from graph.export.source import ExportSource
from graph.export.values import ExportError
from graph.model import Label, RelType
from graph.settings import resolve_settings

DATE_FORMATS = ["%Y-%m-%d"]


def export(
    export_format: ExportFormat = typer.Option(..., "--format", help="Output format."),
    out: Path = typer.Option(..., "--out", help="File to write (replaced atomically)."),
    seed: list[str] = typer.Option([], "--seed", help="Node id to start from (repeatable)."),
    whole_graph: bool = typer.Option(False, "--all", help="Export the whole graph (no cap)."),
    depth: int = typer.Option(1, min=1, max=MAX_DEPTH, help="Hops from the seeds."),
    start: datetime | None = typer.Option(None, formats=DATE_FORMATS, help="Keep dated elements ending on/after."),
    end: datetime | None = typer.Option(None, formats=DATE_FORMATS, help="Keep dated elements starting on/before."),
    node_type: list[Label] = typer.Option([], "--node-type", help="Label to keep (repeatable)."),
    rel_type: list[RelType] = typer.Option([], "--rel-type", help="Relationship type to keep (repeatable)."),
    max_nodes: int | None = typer.Option(None, help="Node cap for seed exports (CKG_EXPORT_MAX_NODES)."),
    instance: str = InstanceOption,
) -> None:
    """Write the seeds' neighbourhood (with the sources it cites), or with --all the whole graph."""
    if whole_graph == bool(seed):
        fail("give --seed ID (one or more) or --all, not both and not neither.")
    limits = ExportSettings()
    settings = resolve_settings(instance)
    partial = out.with_name(f".{out.name}.partial")
    try:
        with open_driver(settings) as driver:
            plan = Plan()
            if seed:
                selection = Selection(
                    seeds=tuple(dict.fromkeys(seed)),
                    depth=depth,
                    start=start.date() if start else None,
                    end=end.date() if end else None,
                    node_types=tuple(node_type or Label),
                    rel_types=tuple(rel_type or RelType),
                )
                with driver.session(database=settings.database) as session:
                    plan = session.execute_read(
                        plan_selection, selection=selection,
                        max_nodes=max_nodes or limits.cap(export_format.streams),
                    )
            source = ExportSource(
                driver, settings.database, plan, limits.timeout_seconds, limits.page_size
            )
            with partial.open("wb") as file:
                for chunk in write(export_format, source):
                    file.write(chunk)
            os.replace(partial, out)
    except UnknownSeedError as error:
        fail(f"{error}: check the ids (e.g. actor:russia, event:…).")
    except TooManyNodesError as error:
        fail(f"{error}. Narrow it (--depth, --start/--end, --node-type, --rel-type) or raise --max-nodes.")
    except ExportError as error:
        fail(f"cannot export as {export_format}: {error}")
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: start it with 'ckg db start' (or check NEO4J_URI).")
    finally:
        partial.unlink(missing_ok=True)
    count = "the whole graph" if plan.node_count is None else f"{plan.node_count} nodes"
    console.print(f"Wrote {out} ({export_format}, {count}, {out.stat().st_size} bytes).")


def import_csv(
    path: Path = typer.Argument(..., exists=True, dir_okay=False, help="A zip from `ckg export --format csv`."),
    instance: str = InstanceOption,
) -> None:
    """Merge a CSV export (zip) into the graph; idempotent, refuses labels/types outside the model."""
    settings = resolve_settings(instance)
    try:
        with open_driver(settings) as driver:
            counts = load_csv_zip(driver, settings.database, path)
    except (KeyError, ValueError) as error:
        fail(f"{path} is not a valid conflictkg CSV export: {error}")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: start it with 'ckg db start' (or check NEO4J_URI).")
    summary = ", ".join(f"{counts[k]} {k}" for k in ("created", "updated", "unchanged"))
    console.print(f"Imported {path}: {summary} (nodes and relationships).")
