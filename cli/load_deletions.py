"""`ckg load FILE --format acled-deletions`: apply ACLED's deletion list; summary, rejects, exit codes."""

from __future__ import annotations

from pathlib import Path

from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable
from rich.markup import escape

from cli.console import console, fail
from graph.driver import open_driver
from graph.settings import GraphSettings
from loaders.providers.delete_run import delete_provider_rows
from loaders.providers.report import ProviderLoadReport
from loaders.providers.text import WrongFormatError

EXIT_WRONG_FORMAT = 2


def print_deletion_report(report: ProviderLoadReport) -> None:
    """Ids read, events deleted, not found or kept, what went with them, rejects."""
    console.print(
        f"{report.path}: {report.rows_read:,} listed deletion(s), {report.rejected:,} rejected, "
        f"in {report.seconds:.1f} s; {report.batches} batch(es).",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Rows: 0 created, 0 updated, {report.unchanged:,} unchanged (re-published after the "
        f"deletion: kept), {report.deleted:,} deleted; {report.not_found:,} not found.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Graph: {report.counters['relationships_deleted']:,} relationships deleted with the events, "
        f"{report.incidents_dissolved} incident(s) dissolved, {report.actors_removed} source-qualified "
        f"actor(s) and {report.places_removed} provider place(s) left with nothing removed.",
        highlight=False,
        soft_wrap=True,
    )
    if report.rejects_path is not None:
        console.print(
            f"Rejected rows (line, column, reason): {report.rejects_path}",
            highlight=False,
            soft_wrap=True,
        )


def delete_provider_file(
    path: Path,
    settings: GraphSettings,
    *,
    rejects: Path | None,
    max_rejects: int,
    batch_size: int,
    encoding: str = "utf-8",
) -> ProviderLoadReport:
    """Apply the list, print the summary; exit 2 for a refused file, 1 for too many rejects."""
    try:
        with open_driver(settings) as driver:
            report = delete_provider_rows(
                driver,
                settings.database,
                path,
                batch_size=batch_size,
                rejects_path=rejects,
                encoding=encoding,
            )
    except WrongFormatError as error:
        fail(escape(str(error)), code=EXIT_WRONG_FORMAT)
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: start it with 'ckg db start'.")
    except Neo4jError as error:  # each batch is one transaction: the failed one was rolled back
        fail(
            f"Neo4j refused a batch of deletions ({error.code}: {escape(error.message or '')}); "
            "earlier batches are applied, that one is not: run the same command again."
        )
    print_deletion_report(report)
    if report.rejected > max_rejects:
        fail(
            f"{report.rejected} row(s) rejected (allowed: {max_rejects}, see --max-rejects); "
            f"the other deletions were applied. Details: {report.rejects_path}"
        )
    return report
