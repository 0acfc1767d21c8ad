"""`ckg load` for provider files (ACLED, GDELT, UCDP): progress bar, summary, rejects, exit codes."""

from __future__ import annotations

import codecs
from pathlib import Path

import typer
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from cli.console import console, fail
from cli.link import print_link_report
from graph.driver import open_driver
from graph.settings import GraphSettings
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.detect import count_lines
from loaders.providers.report import ProviderLoadReport
from loaders.providers.run import ProviderFormat, load_provider
from loaders.providers.text import WrongFormatError

UNRESOLVED_SHOWN = 25
EXIT_WRONG_FORMAT = 2


class RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "… rows/s")


def print_provider_report(report: ProviderLoadReport) -> None:
    """Rows read / written / rejected, graph changes and the actors no alias resolved."""
    c = report.counters
    console.print(
        f"{report.path}: {report.rows_read:,} rows ({report.events:,} events, {report.statements:,} statements, "
        f"{report.rejected:,} rejected"
        + (f", {report.refused:,} of them by Neo4j" if report.refused else "")
        + (
            f", {report.skipped_resumed:,} already committed by an interrupted run"
            if report.skipped_resumed
            else ""
        )
        + f") in {report.seconds:.1f} s, {report.rows_per_second:,.0f} rows/s; {report.batches} batch(es).",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Rows: {report.created:,} created, {report.updated:,} updated, {report.unchanged:,} unchanged"
        + (f" ({report.stale:,} of them older than the stored row: kept)" if report.stale else "")
        + f", {report.deleted:,} deleted.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Graph: {c['nodes_created']:,} nodes and {c['relationships_created']:,} relationships created, "
        f"{c['relationships_deleted']:,} relationships re-pointed/removed, "
        f"{report.actors_removed} orphaned source-qualified actor(s)"
        + (f" and {report.places_removed} provider place(s)" if report.places_removed else "")
        + " removed.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Actors: {report.state_mentions:,} of {report.actor_mentions:,} actor mentions resolved to a "
        f"state (the state itself, or its forces, police or government: they count as the state at "
        f"level=state); {report.country_mentions:,} more only located in a country.",
        highlight=False,
        soft_wrap=True,
    )
    if report.unresolved:
        table = Table(
            title=f"{len(report.unresolved)} actor name(s)/code(s) with no alias (add them to the alias "
            "table and re-load to merge)",
            title_justify="left",
        )
        for column in ("dataset", "provider name or code", "loaded as", "rows"):
            table.add_column(column, justify="right" if column == "rows" else "left")
        for (dataset, key, actor_id), rows in report.unresolved.most_common(UNRESOLVED_SHOWN):
            table.add_row(dataset, key, actor_id, f"{rows:,}")
        console.print(table, highlight=False)
    print_place_report(report)
    if report.linking is not None:
        print_link_report(report.linking)
    if report.rejects_path is not None:
        console.print(
            f"Rejected rows (line, column, reason): {report.rejects_path}",
            highlight=False,
            soft_wrap=True,
        )


def print_place_report(report: ProviderLoadReport) -> None:
    """How many rows got a place and a point, and the location cells that could not be used."""
    written = report.events + report.statements
    console.print(
        f"Places: {report.placed:,} of {written:,} rows placed, {report.with_point:,} with a point.",
        highlight=False,
        soft_wrap=True,
    )
    if not report.geo_problems:
        return
    table = Table(
        title="Location cells not used (each row still loaded; line numbers of the first rows)",
        title_justify="left",
    )
    for column in ("problem", "rows", "lines"):
        table.add_column(column, justify="right" if column == "rows" else "left")
    for text, rows in report.geo_problems.most_common():
        lines = [
            f"{line} ({problem.value})"
            for line, problem in report.geo_examples
            if f"{problem.column}: {problem.reason} (lost its {problem.lost})" == text
        ]
        table.add_row(text, f"{rows:,}", ", ".join(lines[:5]))
    console.print(table, highlight=False)


def load_provider_file(
    path: Path,
    fmt: ProviderFormat,
    settings: GraphSettings,
    *,
    rejects: Path | None,
    max_rejects: int,
    batch_size: int,
    aliases: Path | None,
    encoding: str = "utf-8",
) -> ProviderLoadReport:
    """Load, print the summary; exit 2 for a refused file (format, encoding), 1 for too many rejects."""
    try:
        table = AliasTable.load(aliases or DEFAULT_ALIASES)
    except (OSError, ValueError) as error:
        fail(f"Cannot read the alias table: {error}")
    total = max(count_lines(path) - (0 if fmt == "gdelt" else 1), 0)
    progress = Progress(
        TextColumn(f"{fmt} {path.name}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    try:
        with open_driver(settings) as driver, progress:
            task = progress.add_task("load", total=total or None)
            report = load_provider(
                driver,
                settings.database,
                path,
                fmt,
                aliases=table,
                batch_size=batch_size,
                rejects_path=rejects,
                on_rows=lambda n: progress.advance(task, n),
                encoding=encoding,
            )
    except KeyboardInterrupt:
        fail("Interrupted. Committed batches are kept: run the same command again to resume.", 130)
    except WrongFormatError as error:
        fail(escape(str(error)), code=EXIT_WRONG_FORMAT)  # it may quote the file: no markup
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except Neo4jError as error:  # every row of a batch refused: not a few bad rows
        fail(
            f"Neo4j refused every row of a batch ({error.code}: {escape(error.message or '')}). "
            "The batches before it are kept: run the same command again to resume."
        )
    except ServiceUnavailable:
        fail(
            f"Neo4j at {settings.uri} is not reachable: start it with 'ckg db start' (or check NEO4J_URI)."
        )
    print_provider_report(report)
    if report.rejected > max_rejects:
        fail(
            f"{report.rejected} row(s) rejected (allowed: {max_rejects}, see --max-rejects); "
            f"the other rows were loaded. Details: {report.rejects_path}"
        )
    return report


BatchSizeOption = typer.Option(
    5000, "--batch-size", min=1, help="Rows per write transaction (provider formats)."
)
RejectsOption = typer.Option(
    None, "--rejects", help="Where rejected rows go (default: <input>.rejects.csv)."
)
MaxRejectsOption = typer.Option(
    0, "--max-rejects", min=0, help="Exit 0 despite up to N rejected rows."
)
AliasesOption = typer.Option(None, "--aliases", help="Alias table CSV (default: data/aliases.csv).")


def known_encoding(name: str | None) -> str | None:
    """The --encoding value, if Python has such a codec (typer exits 2 otherwise)."""
    try:
        return None if name is None else codecs.lookup(name).name
    except LookupError:
        raise typer.BadParameter(
            f"unknown encoding {name!r} (e.g. utf-8, latin-1, cp1252)"
        ) from None


EncodingOption = typer.Option(
    None,
    "--encoding",
    callback=known_encoding,
    help="Text encoding of a provider file (default: UTF-8, with or without BOM), e.g. latin-1, cp1252.",
)
