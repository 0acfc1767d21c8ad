"""Graph rows for incidents: the Incident node's properties and its REPORTED_AS / CONTENDS links."""

from __future__ import annotations

from typing import Any

from linking.incidents import Incident
from linking.pairs import Link
from linking.records import Report, ReportSummary, Windows

Row = dict[str, Any]  # the driver's parameter type
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
DATASET_ORDER = {"acled": 0, "ucdp": 1, "gdelt": 2}


def _summary(report: Report) -> ReportSummary:
    assert report.summary is not None, "reports read from the graph carry their summary"
    return report.summary


def lead_report(incident: Incident) -> Report:
    """The report an incident takes its title, type and date from: the most precise date, then
    a hand-coded dataset (ACLED, UCDP) before GDELT's machine coding, then the id."""

    def rank(report: Report) -> tuple[int, int, int, str]:
        summary = _summary(report)
        return (
            PRECISION_ORDER.get(summary.date_precision, 9),
            (summary.date_end - summary.date_start).days,
            DATASET_ORDER.get(report.dataset, 9),
            report.id,
        )

    return min(incident.reports, key=rank)


def fatality_range(reports: list[Report]) -> tuple[int | None, int | None]:
    """The lowest and highest of the sources' estimates (low/best/high); (None, None) when none has one."""
    values = [
        value
        for report in reports
        for value in (
            _summary(report).fatalities_low,
            _summary(report).fatalities_best,
            _summary(report).fatalities_high,
        )
        if value is not None
    ]
    return (min(values), max(values)) if values else (None, None)


def _present(props: Row) -> Row:
    """Without nulls: Neo4j stores none, so a null would make an unchanged row look updated."""
    return {key: value for key, value in props.items() if value is not None}


def incident_row(incident: Incident, windows: Windows, taxonomy_digest: str) -> Row:
    lead = _summary(lead_report(incident))
    low, high = fatality_range(incident.reports)
    sources = sorted({s for report in incident.reports for s in _summary(report).source_ids})
    return _present(
        {
            "id": incident.id,
            "title": lead.title,
            "type": lead.type,
            "kind": incident.reports[0].kind,
            "date": lead.date,
            "date_start": lead.date_start,
            "date_end": lead.date_end,
            "date_precision": lead.date_precision,
            "fatalities_low": low,
            "fatalities_high": high,
            "datasets": sorted({report.dataset for report in incident.reports}),
            "report_count": len(incident.reports),
            "time_window_days": windows.time_days,
            "space_window_km": windows.space_km,
            "taxonomy": taxonomy_digest,
            "source_ids": sources,
        }
    )


def _link_props(link: Link, report_id: str, sources: list[str]) -> Row:
    return {
        "score": link.score,
        "matched_with": link.other(report_id),
        "delta_days": link.delta_days,
        "distance_km": link.distance_km,
        "taxonomy_level": link.type_match.level,
        "taxonomy_category": link.type_match.category,
        "shared_actors": list(link.shared_actors),
        "shared_states": list(link.shared_states),
        "source_ids": sources,
    }


def _sources(reports: dict[str, Report], *ids: str) -> list[str]:
    return sorted({s for i in ids for s in _summary(reports[i]).source_ids})


def report_rows(incident: Incident) -> list[Row]:
    """One REPORTED_AS row per report: its best accepted link, and every accepted link as a reason."""
    by_id = {report.id: report for report in incident.reports}
    rows = []
    for report in incident.reports:
        links = sorted(incident.links[report.id], key=lambda l: (-l.score, l.other(report.id)))
        best = links[0]
        rows.append(
            {
                "id": f"reported_as:{incident.id}->{report.id}",
                "start": incident.id,
                "end": report.id,
                **_link_props(best, report.id, _sources(by_id, report.id, best.other(report.id))),
                "reasons": [link.reason(report.id) for link in links],
            }
        )
    return rows


def contender_rows(incident: Incident) -> list[Row]:
    """One CONTENDS row per runner-up: its best pair with a report of the incident."""
    by_id = {report.id: report for report in incident.reports}
    rows = []
    for contender in incident.contenders:
        me, link = contender.report.id, contender.link
        by_id_all = {**by_id, me: contender.report}
        rows.append(
            {
                "id": f"contends:{me}->{incident.id}",
                "start": me,
                "end": incident.id,
                **_link_props(link, me, _sources(by_id_all, me, link.other(me))),
                "reasons": [link.reason(me)],
            }
        )
    return rows
