"""Write decided incidents: only what differs from the incident layer the reports were read with.

Each report comes from the graph with its current REPORTED_AS (and that incident's properties) and
CONTENDS links (linking.records.CurrentLinks). The writer compares what the decision produces with
them, so an unchanged incident or link costs no write at all: relinking an already linked graph
only reads. What changed is written in batches, one write transaction each: stale links deleted by
id, new or changed incidents and links merged. Incidents that lost reports are checked at the end
and deleted when fewer than two are left.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, Session

from graph.model import Label
from graph.queries.incident_writes import (
    delete_incidents_left_alone,
    delete_links,
    merge_incidents,
)
from linking.blocking import Component
from linking.incidents import Incident
from linking.records import Report, Windows
from linking.summary import contender_rows, incident_row, report_rows
from linking.taxonomy import Taxonomy

Row = dict[str, Any]
WRITE_BATCH = 5000  # changed rows (incidents and links) per write transaction
LABELS = {"event": Label.EVENT, "statement": Label.STATEMENT}


def _native(value: Any) -> Any:
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    return list(value) if isinstance(value, tuple) else value


def same_properties(stored: Mapping[str, Any] | None, row: Row) -> bool:
    """True when the graph holds exactly these properties (neo4j.time values compared natively)."""
    if stored is None or stored.keys() != row.keys():
        return False
    return all(_native(stored[key]) == _native(value) for key, value in row.items())


def _link_props(row: Row) -> Row:
    return {key: value for key, value in row.items() if key not in ("start", "end")}


@dataclass
class Changes:
    """What one write transaction sends."""

    incidents: list[Row] = field(default_factory=list)
    reported: dict[Label, list[Row]] = field(default_factory=lambda: {l: [] for l in LABELS.values()})
    contending: dict[Label, list[Row]] = field(default_factory=lambda: {l: [] for l in LABELS.values()})
    stale_reported: list[str] = field(default_factory=list)  # REPORTED_AS ids
    stale_contends: list[str] = field(default_factory=list)  # CONTENDS ids

    def __len__(self) -> int:
        return (
            len(self.incidents)
            + sum(map(len, self.reported.values()))
            + sum(map(len, self.contending.values()))
            + len(self.stale_reported)
            + len(self.stale_contends)
        )


class IncidentWriter:
    """Compares decided components with the graph and writes the differences in batches."""

    def __init__(
        self, session: Session, windows: Windows, taxonomy: Taxonomy, counters: Counter[str]
    ) -> None:
        self.session, self.windows, self.digest = session, windows, taxonomy.digest
        self.counters = counters
        self.changes = Changes()
        self.emptied: set[str] = set()  # incidents that lost a report: deleted at the end if alone

    def add(self, component: Component, incidents: list[Incident]) -> None:
        """Queue what differs between the component's decided incidents and its current links."""
        current: dict[str, Report] = {report.id: report for report in component.reports}
        kept_reported: set[str] = set()
        kept_contends: set[str] = set()
        for incident in incidents:
            label = LABELS[incident.reports[0].kind]
            self._incident(incident)
            for row in report_rows(incident):
                kept_reported.add(row["id"])
                links = current[row["end"]].links
                exists = links is not None and links.reported_id == row["id"]
                stored = links.reported if links is not None and exists else None
                self._link("reported_as", self.changes.reported[label], row, stored, exists)
            for row in contender_rows(incident):
                kept_contends.add(row["id"])
                links = current[row["start"]].links
                stored = links.contends.get(row["id"]) if links else None
                self._link("contends", self.changes.contending[label], row, stored, stored is not None)
        for report in component.reports:
            self._stale(report, kept_reported, kept_contends)
        if len(self.changes) >= WRITE_BATCH:
            self.flush()

    def _incident(self, incident: Incident) -> None:
        row = incident_row(incident, self.windows, self.digest)
        stored = next(
            (
                report.links.incident
                for report in incident.reports
                if report.links is not None and report.links.incident_id == incident.id
                and report.links.incident is not None  # read with the report it is named after
            ),
            None,
        )
        if same_properties(stored, row):
            self.counters["incidents_unchanged"] += 1
        else:
            self.changes.incidents.append(row)

    def _link(
        self, name: str, rows: list[Row], row: Row, stored: Mapping[str, Any] | None, exists: bool
    ) -> None:
        if same_properties(stored, _link_props(row)):
            self.counters[f"{name}_unchanged"] += 1
            return
        self.counters[f"{name}_{'updated' if exists else 'created'}"] += 1
        rows.append(row)

    def _stale(self, report: Report, kept_reported: set[str], kept_contends: set[str]) -> None:
        links = report.links
        if links is None:
            return
        if links.reported_id is not None and links.reported_id not in kept_reported:
            self.changes.stale_reported.append(links.reported_id)
            self.emptied.add(links.incident_id or "")
        for link_id in links.contends:
            if link_id not in kept_contends:
                self.changes.stale_contends.append(link_id)

    def flush(self) -> None:
        """Write what is queued (nothing when nothing changed)."""
        if len(self.changes):
            self.counters.update(self.session.execute_write(self._write, self.changes))
        self.changes = Changes()

    @staticmethod
    def _write(tx: ManagedTransaction, changes: Changes) -> Counter[str]:
        total = Counter(
            {
                "reported_as_deleted": delete_links(tx, rel_type="REPORTED_AS", ids=changes.stale_reported),
                "contends_deleted": delete_links(tx, rel_type="CONTENDS", ids=changes.stale_contends),
            }
        )
        total.update(
            merge_incidents(
                tx, incidents=changes.incidents, reports=changes.reported, contenders=changes.contending
            )
        )
        return total

    def finish(self) -> int:
        """Flush, then delete the incidents that lost reports and kept fewer than two; how many."""
        self.flush()
        emptied = sorted(self.emptied - {""})
        if not emptied:
            return 0
        return self.session.execute_write(delete_incidents_left_alone, ids=emptied)
