"""From a component's candidate pairs to incidents: best links first, one-to-one per pair of datasets.

Pairs are taken best score first (ties by ids). A pair joins two reports (or the incidents they
are already in) unless that would
- give a report a second direct link to the same other dataset (one-to-one per pair of datasets),
- put two rows of a non-repeating dataset (ACLED, UCDP) in one incident,
- stretch the incident beyond the windows: every two of its reports stay within the time window
  and the space window of each other, and every two that name states share one.
A pair turned down this way is a runner-up: the report is kept as a contender of the incident
that won. Nothing is merged or altered: an incident only lists its reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from linking.blocking import Component
from linking.pairs import Link, haversine_km
from linking.records import REPEATING_DATASETS, Report, Windows

MAX_PAIRS_PER_REPORT = 16  # a report's best candidates; bounds work in GDELT's hot spots
MAX_CONTENDERS = 10  # per incident, best first


@dataclass(frozen=True)
class Contender:
    report: Report
    link: Link  # its best pair with a report of the incident


@dataclass
class Incident:
    """Linked reports (sorted by id), each with its accepted links (best first), and the runners-up."""

    id: str
    reports: list[Report]
    links: dict[str, list[Link]]
    contenders: list[Contender] = field(default_factory=list)


@dataclass
class _Cluster:
    reports: list[Report]
    latest_start: int
    earliest_end: int
    points: set[tuple[float, float]]
    state_sets: set[frozenset[str]]
    single_datasets: set[str]

    @classmethod
    def of(cls, report: Report) -> _Cluster:
        assert report.latitude is not None and report.longitude is not None
        return cls(
            reports=[report],
            latest_start=report.first_day,
            earliest_end=report.last_day,
            points={(report.latitude, report.longitude)},
            state_sets={report.states} if report.states else set(),
            single_datasets=set() if report.dataset in REPEATING_DATASETS else {report.dataset},
        )

    def fits(self, other: _Cluster, windows: Windows) -> bool:
        """True when the two together stay one incident (see the module's rules)."""
        if self.single_datasets & other.single_datasets:
            return False
        latest = max(self.latest_start, other.latest_start)
        if latest - min(self.earliest_end, other.earliest_end) > windows.time_days:
            return False
        if any(
            haversine_km(*p, *q) > windows.space_km for p in self.points for q in other.points
        ):
            return False
        return all(a & b for a in self.state_sets for b in other.state_sets)

    def absorb(self, other: _Cluster) -> None:
        self.reports.extend(other.reports)
        self.latest_start = max(self.latest_start, other.latest_start)
        self.earliest_end = min(self.earliest_end, other.earliest_end)
        self.points |= other.points
        self.state_sets |= other.state_sets
        self.single_datasets |= other.single_datasets


def _order(link: Link) -> tuple[float, str, str]:
    return (-link.score, link.a, link.b)


def best_pairs(links: Iterable[Link]) -> list[Link]:
    """The pairs among some report's MAX_PAIRS_PER_REPORT best, in decision order."""
    per_report: dict[str, list[Link]] = {}
    for link in links:
        per_report.setdefault(link.a, []).append(link)
        per_report.setdefault(link.b, []).append(link)
    kept: set[tuple[str, str]] = set()
    chosen = []
    for candidates in per_report.values():
        for link in sorted(candidates, key=_order)[:MAX_PAIRS_PER_REPORT]:
            if (link.a, link.b) not in kept:
                kept.add((link.a, link.b))
                chosen.append(link)
    return sorted(chosen, key=_order)


def decide(component: Component, windows: Windows) -> list[Incident]:
    """The incidents of one component (none when no pair holds), deterministic for the same input."""
    if not component.links:
        return []
    reports = {report.id: report for report in component.reports}
    cluster_of = {report_id: _Cluster.of(report) for report_id, report in reports.items()}
    direct: dict[str, set[str]] = {report_id: set() for report_id in reports}
    accepted: dict[str, list[Link]] = {report_id: [] for report_id in reports}
    runners_up: list[Link] = []
    for link in best_pairs(component.links):
        a, b = reports[link.a], reports[link.b]
        left, right = cluster_of[link.a], cluster_of[link.b]
        if left is right:
            continue  # already one incident through other links
        cross = a.dataset != b.dataset
        if (cross and (b.dataset in direct[a.id] or a.dataset in direct[b.id])) or not left.fits(
            right, windows
        ):
            runners_up.append(link)
            continue
        if cross:
            direct[a.id].add(b.dataset)
            direct[b.id].add(a.dataset)
        accepted[a.id].append(link)
        accepted[b.id].append(link)
        if len(left.reports) < len(right.reports):
            left, right = right, left
        left.absorb(right)
        for moved in right.reports:
            cluster_of[moved.id] = left
    incidents: dict[int, Incident] = {}
    for cluster in {id(c): c for c in cluster_of.values()}.values():
        if len(cluster.reports) > 1:
            members = sorted(cluster.reports, key=lambda r: r.id)
            incidents[id(cluster)] = Incident(
                id=f"incident:{members[0].id}",
                reports=members,
                links={r.id: accepted[r.id] for r in members},
            )
    _add_contenders(incidents, cluster_of, runners_up, reports)
    return sorted(incidents.values(), key=lambda incident: incident.id)


def _add_contenders(
    incidents: dict[int, Incident],
    cluster_of: dict[str, _Cluster],
    runners_up: list[Link],
    reports: dict[str, Report],
) -> None:
    best: dict[tuple[int, str], Link] = {}
    for link in runners_up:  # already best first
        for mine, theirs in ((link.a, link.b), (link.b, link.a)):
            key = (id(cluster_of[theirs]), mine)
            if key[0] in incidents and cluster_of[mine] is not cluster_of[theirs] and key not in best:
                best[key] = link
    for (incident_key, report_id), link in best.items():
        incidents[incident_key].contenders.append(Contender(reports[report_id], link))
    for incident in incidents.values():
        incident.contenders.sort(key=lambda c: (_order(c.link), c.report.id))
        del incident.contenders[MAX_CONTENDERS:]
