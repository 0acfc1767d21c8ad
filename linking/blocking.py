"""Candidate pairs without comparing all pairs: a sweep over reports in date order and a grid of cells.

Reports arrive sorted by first day. A report stays active while a later one could still come within
the time window (until first_day > its last_day + window); active reports sit in grid cells one
space window wide, so a new report is compared only with active reports in the cells around it:
the MAX_CANDIDATES latest of them, keeping its MAX_LINKS_PER_REPORT best pairs. GDELT codes one
story again for every article, so a city's centroid can hold thousands of rows on one day; without
these caps such a hot spot costs the square of its size in time and memory.
Pairs join reports into components (union-find); once every report of a component is inactive no
later report can touch it, and it is handed on whole: memory holds the active reports only.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field

from linking.pairs import EARTH_RADIUS_KM, Link, compare
from linking.records import Report, Windows

KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
MAX_CANDIDATES = 64  # active reports a new one is compared with, latest first
MAX_LINKS_PER_REPORT = 16  # of a new report's pairs, the best are kept (score, then ids)


@dataclass
class Component:
    """Reports joined by candidate pairs; a report without pairs is a component of its own."""

    reports: list[Report] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    active: int = 0


class Grid:
    """Active reports by cell; cells are `space_km` tall, and as many wide as the latitude needs."""

    def __init__(self, space_km: float) -> None:
        self.size = space_km / KM_PER_DEGREE  # degrees of latitude per cell
        self.columns = max(1, math.ceil(360 / self.size))
        self.cells: dict[tuple[int, int], dict[str, Report]] = {}

    def _cell(self, report: Report) -> tuple[int, int]:
        assert report.latitude is not None and report.longitude is not None
        row = math.floor(report.latitude / self.size)
        return row, math.floor((report.longitude + 180) / self.size) % self.columns

    def add(self, report: Report) -> None:
        self.cells.setdefault(self._cell(report), {})[report.id] = report

    def remove(self, report: Report) -> None:
        cell = self._cell(report)
        del self.cells[cell][report.id]
        if not self.cells[cell]:
            del self.cells[cell]

    def near(self, report: Report) -> Iterator[Report]:
        """Active reports in the cells a point within one window of `report` can lie in."""
        row, column = self._cell(report)
        # The widest a window gets in longitude is at the cell edge nearest the pole.
        edge = min(89.999, (abs(row) + 1) * self.size)
        span = math.ceil(1 / math.cos(math.radians(edge)))
        columns = range(column - span, column + span + 1)
        if len(columns) >= self.columns:
            columns = range(self.columns)
        for r in (row - 1, row, row + 1):
            for c in columns:
                found = self.cells.get((r, c % self.columns))
                if found:
                    yield from reversed(found.values())  # latest first


class Components:
    """Union-find over report ids, each root holding its component."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.by_root: dict[str, Component] = {}

    def add(self, report: Report) -> None:
        self.parent[report.id] = report.id
        self.by_root[report.id] = Component(reports=[report], active=1)

    def find(self, report_id: str) -> str:
        root = report_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[report_id] != root:  # path compression
            self.parent[report_id], report_id = root, self.parent[report_id]
        return root

    def join(self, link: Link) -> None:
        left, right = self.find(link.a), self.find(link.b)
        if left != right:
            if len(self.by_root[left].reports) < len(self.by_root[right].reports):
                left, right = right, left
            big, small = self.by_root[left], self.by_root.pop(right)
            big.reports.extend(small.reports)
            big.links.extend(small.links)
            big.active += small.active
            self.parent[right] = left
        self.by_root[left].links.append(link)

    def retire(self, report_id: str) -> Component | None:
        """Mark a report inactive; the component when that was its last active report."""
        root = self.find(report_id)
        component = self.by_root[root]
        component.active -= 1
        if component.active:
            return None
        del self.by_root[root]
        for report in component.reports:
            del self.parent[report.id]
        return component


def _best_first(link: Link) -> tuple[float, str, str]:
    return (-link.score, link.a, link.b)


def components(reports: Iterable[Report], windows: Windows) -> Iterator[Component]:
    """Every report in exactly one component, in the order components close; input sorted by first day."""
    grid = Grid(windows.space_km)
    found = Components()
    expiry: list[tuple[int, str, Report]] = []  # (last day + window, id, report)
    for report in reports:
        while expiry and expiry[0][0] < report.first_day:
            _, _, old = heapq.heappop(expiry)
            grid.remove(old)
            closed = found.retire(old.id)
            if closed is not None:
                yield closed
        if not report.linkable:
            yield Component(reports=[report])
            continue
        found.add(report)
        pairs = [
            link
            for other in islice(grid.near(report), MAX_CANDIDATES)
            if (link := compare(other, report, windows)) is not None
        ]
        for link in heapq.nsmallest(MAX_LINKS_PER_REPORT, pairs, key=_best_first):
            found.join(link)
        grid.add(report)
        heapq.heappush(expiry, (report.last_day + windows.time_days, report.id, report))
    while expiry:
        _, _, old = heapq.heappop(expiry)
        closed = found.retire(old.id)
        if closed is not None:
            yield closed
