"""`ckg link`: relink the whole graph's reports into incidents (idempotent), and print what changed."""

from __future__ import annotations

import typer
from neo4j.exceptions import AuthError, ServiceUnavailable

from cli.console import console, fail
from cli.db import InstanceOption
from graph.driver import open_driver
from graph.settings import resolve_settings
from linking.records import DEFAULT_SPACE_WINDOW_KM, DEFAULT_TIME_WINDOW_DAYS, Windows
from linking.run import LinkReport, relink


def print_link_report(report: LinkReport) -> None:
    """One paragraph: reports read and linkable, incidents, and what the graph gained or lost."""
    c = report.counters
    console.print(
        f"Linking ({report.mode}, time window {report.windows.time_days} day(s), space window "
        f"{report.windows.space_km:g} km): {report.reports_read:,} reports read, {report.linkable:,} "
        f"linkable (precise point, known type); {report.incidents:,} incidents of "
        f"{report.linked_reports:,} reports, {report.contenders:,} contenders; in {report.seconds:.1f} s.",
        highlight=False,
        soft_wrap=True,
    )
    console.print(
        f"Incidents: {c['incidents_created']:,} created, {c['incidents_updated']:,} updated, "
        f"{c['incidents_unchanged']:,} unchanged, {report.incidents_deleted:,} deleted; "
        f"REPORTED_AS {c['reported_as_created']:,} created, {c['reported_as_updated']:,} updated, "
        f"{c['reported_as_deleted']:,} deleted; CONTENDS {c['contends_created']:,} created, "
        f"{c['contends_updated']:,} updated, {c['contends_deleted']:,} deleted.",
        highlight=False,
        soft_wrap=True,
    )


def link(
    time_window_days: int = typer.Option(
        DEFAULT_TIME_WINDOW_DAYS, "--time-window-days", min=0,
        help="Days two reports' date ranges may lie apart.",
    ),
    space_window_km: float = typer.Option(
        DEFAULT_SPACE_WINDOW_KM, "--space-window-km", min=0.001,
        help="Kilometres two reports' points may lie apart.",
    ),
    instance: str = InstanceOption,
) -> None:
    """Relink every provider report into incidents (ACLED, UCDP, GDELT); running it twice changes nothing."""
    settings = resolve_settings(instance)
    windows = Windows(time_days=time_window_days, space_km=space_window_km)
    try:
        with open_driver(settings) as driver:
            report = relink(driver, settings.database, windows=windows)
    except AuthError:
        fail(f"Neo4j at {settings.uri} refused the credentials: check NEO4J_USER / NEO4J_PASSWORD.")
    except ServiceUnavailable:
        fail(f"Neo4j at {settings.uri} is not reachable: run 'ckg db start' (or check NEO4J_URI).")
    print_link_report(report)
