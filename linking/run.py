"""Link the graph's reports into incidents: all of it (`ckg link`), or around the rows a load touched.

A full relink streams every report in date order through the blocking sweep; a component is
decided and written as soon as it closes, so memory holds the active reports and one write batch.
Around given rows, the same components are found by walking the graph from those rows (rows within
the windows that pass the pair test, and rows that share an incident with them now) until nothing
new turns up; deciding whole components makes both give the same graph.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from neo4j import Driver, Session

from graph.queries.incident_writes import delete_lonely_incidents
from graph.queries.link_reports import (
    MAX_SPAN_DAYS,
    get_current_windows,
    list_report_page,
    list_reports,
    list_reports_around,
    state_of_actors,
)
from linking.blocking import MAX_CANDIDATES, Component, components
from linking.incidents import Incident, decide
from linking.pairs import compare
from linking.records import CurrentLinks, Report, ReportSummary, Windows
from linking.taxonomy import Taxonomy
from linking.writer import IncidentWriter
from schema.geo import CENTROID_FROM

Row = dict[str, Any]
PAGE_SIZE = 10_000
AROUND_BATCH = 500  # rows per look-up of their surroundings
# Touched rows beyond which a full relink (one paged sweep) is cheaper than walking: each walked row
# asks the graph for its neighbours, and in a GDELT hot spot (thousands of rows at one point) that
# look-up reads every row at the point.
FULL_RELINK_ABOVE = 2_000


@dataclass
class LinkReport:
    """What a linking run did."""

    windows: Windows
    mode: str = "full"  # or "around"
    reports_read: int = 0
    linkable: int = 0
    incidents: int = 0
    linked_reports: int = 0
    contenders: int = 0
    incidents_deleted: int = 0
    counters: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def _native_day(value: Any) -> date:
    if isinstance(value, str):
        return date.fromisoformat(value)
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value


def _codes(row: Row) -> tuple[tuple[str, str], ...]:
    """The row's type codes, most specific first (the crosswalk's scheme for each)."""
    codes = []
    if row.get("acled_sub_event_type"):
        codes.append(("acled", row["acled_sub_event_type"]))
    if row.get("ucdp_type_of_violence") is not None:
        codes.append(("ucdp", str(row["ucdp_type_of_violence"])))
    if row.get("gdelt_event_code"):
        codes.append(("cameo", row["gdelt_event_code"]))
    if row.get("kind") == "event" and row.get("type"):
        codes.append(("event_type", row["type"]))
    return tuple(codes)


def _current_links(row: Row) -> CurrentLinks:
    reported = (row.get("reported") or [None])[0]  # at most one: the decision is one incident per row
    return CurrentLinks(
        reported_id=reported["id"] if reported else None,
        reported=reported["props"] if reported else None,
        incident_id=reported["incident"] if reported else None,
        incident=reported["incident_props"] if reported else None,
        contends={link["id"]: link["props"] for link in row.get("contends") or ()},
    )


class ReportReader:
    """Turns graph rows into matcher reports (states from the actor → state map)."""

    def __init__(self, taxonomy: Taxonomy, state_of: dict[str, str]) -> None:
        self.taxonomy = taxonomy
        self.state_of = state_of

    def report(self, row: Row) -> Report:
        start, end = _native_day(row["date_start"]), _native_day(row["date_end"])
        actors = frozenset(row.get("actors") or ())
        point, precision = row.get("point"), row.get("geo_precision")
        too_long = (end - start).days > MAX_SPAN_DAYS or point is None
        return Report(
            id=row["id"],
            dataset=row["dataset"],
            kind=row["kind"],
            first_day=start.toordinal(),
            last_day=end.toordinal(),
            latitude=None if too_long else point.latitude,
            longitude=None if too_long else point.longitude,
            centroid=precision is not None and precision >= CENTROID_FROM,
            categories=self.taxonomy.resolve(_codes(row)),
            actors=actors,
            states=frozenset(self.state_of[a] for a in actors if a in self.state_of),
            links=_current_links(row),
            summary=ReportSummary(
                title=row.get("title"),
                type=row.get("type") or row.get("stance"),
                date=row["date"],
                date_start=start,
                date_end=end,
                date_precision=row["date_precision"],
                fatalities_best=row.get("fatalities_best"),
                fatalities_low=row.get("fatalities_low"),
                fatalities_high=row.get("fatalities_high"),
                source_ids=tuple(row.get("source_ids") or ()),
            ),
        )


def _pages(session: Session, reader: ReportReader, report: LinkReport) -> Iterator[Report]:
    after_date, after_id = date.min, ""
    while True:
        rows = session.execute_read(
            list_report_page, after_date=after_date, after_id=after_id, limit=PAGE_SIZE
        )
        for row in rows:
            report.reports_read += 1
            linked = reader.report(row)
            report.linkable += linked.linkable
            yield linked
        if len(rows) < PAGE_SIZE:
            return
        after_date, after_id = _native_day(rows[-1]["date_start"]), rows[-1]["id"]


def _decide_and_write(
    found: Iterable[Component], writer: IncidentWriter, windows: Windows, report: LinkReport
) -> None:
    for component in found:
        incidents = decide(component, windows)
        for incident in incidents:
            report.incidents += 1
            report.linked_reports += len(incident.reports)
            report.contenders += len(incident.contenders)
        writer.add(component, incidents)


def relink(
    driver: Driver, database: str, *, windows: Windows, taxonomy: Taxonomy | None = None
) -> LinkReport:
    """Link every report in the graph; running it again changes nothing."""
    started = time.perf_counter()
    taxonomy = taxonomy or Taxonomy.load()
    report = LinkReport(windows=windows)
    with driver.session(database=database) as session:
        reader = ReportReader(taxonomy, session.execute_read(state_of_actors))
        writer = IncidentWriter(session, windows, taxonomy, report.counters)
        _decide_and_write(components(_pages(session, reader, report), windows), writer, windows, report)
        report.incidents_deleted = writer.finish()
        # Also incidents whose reports were deleted from the graph by other means.
        report.incidents_deleted += session.execute_write(delete_lonely_incidents)
    report.seconds = time.perf_counter() - started
    return report


def _walk(
    session: Session, reader: ReportReader, ids: Iterable[str], windows: Windows
) -> dict[str, Report]:
    """The reports reachable from `ids` over candidate pairs and current incident ties."""
    found: dict[str, Report] = {}
    queued = set(ids)
    frontier = sorted(queued)
    while frontier:
        batch, frontier = frontier[:AROUND_BATCH], frontier[AROUND_BATCH:]
        rows = session.execute_read(
            list_reports_around,
            ids=batch,
            days=windows.time_days,
            km=windows.space_km,
            max_near=MAX_CANDIDATES,
        )
        unknown = sorted({near for row in rows for near in row["near"]} - found.keys())
        for other in session.execute_read(list_reports, ids=unknown) if unknown else []:
            found[other["id"]] = reader.report(other)
        for row in rows:
            me = found[row["report"]["id"]] = reader.report(row["report"])
            reached = [
                near for near in row["near"]
                if near in found and me.linkable and found[near].linkable
                and compare(me, found[near], windows) is not None
            ]
            for other_id in sorted({*reached, *row["linked"]} - queued):
                queued.add(other_id)
                frontier.append(other_id)
    return {report_id: found[report_id] for report_id in queued if report_id in found}


def link_around(
    driver: Driver,
    database: str,
    ids: Iterable[str],
    *,
    windows: Windows,
    taxonomy: Taxonomy | None = None,
) -> LinkReport:
    """Relink the components of the given rows (e.g. those a load touched); the rest stays as it is."""
    started = time.perf_counter()
    taxonomy = taxonomy or Taxonomy.load()
    report = LinkReport(windows=windows, mode="around")
    with driver.session(database=database) as session:
        reader = ReportReader(taxonomy, session.execute_read(state_of_actors))
        found = _walk(session, reader, ids, windows)
        report.reports_read = len(found)
        report.linkable = sum(r.linkable for r in found.values())
        ordered = sorted(found.values(), key=lambda r: (r.first_day, r.id))
        writer = IncidentWriter(session, windows, taxonomy, report.counters)
        _decide_and_write(components(ordered, windows), writer, windows, report)
        report.incidents_deleted = writer.finish()
    report.seconds = time.perf_counter() - started
    return report


class TouchedRows:
    """The ids a load wrote, up to FULL_RELINK_ABOVE; past that only the fact that there were many."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self.ids: list[str] = []
        self.overflow = False
        self.update(ids)

    def update(self, row_ids: Iterable[str]) -> None:
        if self.overflow:
            return
        self.ids.extend(row_ids)
        if len(self.ids) > FULL_RELINK_ABOVE:
            self.ids, self.overflow = [], True


def link_touched(
    driver: Driver, database: str, touched: TouchedRows, *, windows: Windows | None = None
) -> LinkReport | None:
    """Link what a load touched: around its rows, or the whole graph when it touched very many.

    Without `windows`, the windows the graph was last linked with (`ckg link --…`), else the defaults.
    """
    if windows is None:
        with driver.session(database=database) as session:
            current = session.execute_read(get_current_windows)
        windows = Windows(*current) if current else Windows()
    if touched.overflow:
        return relink(driver, database, windows=windows)
    if not touched.ids:
        return None
    return link_around(driver, database, touched.ids, windows=windows)
