"""What the matcher knows of a report (an event or statement row) and the windows it links within."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from linking.taxonomy import Path3

# GDELT codes the same story once per article: its rows link among themselves; the other datasets'
# rows are one per incident, so they link only to other datasets.
REPEATING_DATASETS = frozenset({"gdelt"})
DEFAULT_TIME_WINDOW_DAYS = 1
DEFAULT_SPACE_WINDOW_KM = 5.0


@dataclass(frozen=True)
class Windows:
    """How far apart two reports of one incident may be: days beyond each date range, km between points."""

    time_days: int = DEFAULT_TIME_WINDOW_DAYS
    space_km: float = DEFAULT_SPACE_WINDOW_KM

    def __post_init__(self) -> None:
        if self.time_days < 0:
            raise ValueError("the time window cannot be negative")
        if not self.space_km > 0:
            raise ValueError("the space window must be more than 0 km")


@dataclass(frozen=True, slots=True)
class Report:
    """One row as the matcher sees it; `first_day`/`last_day` are proleptic ordinals (date.toordinal)."""

    id: str
    dataset: str
    kind: str  # "event" or "statement": only rows of the same kind describe one incident
    first_day: int
    last_day: int
    latitude: float | None
    longitude: float | None
    centroid: bool  # placed only at a region's or country's centroid: never links on space
    categories: Path3 | None  # the crosswalk's (fine, medium, coarse); None: not in the crosswalk
    actors: frozenset[str] = frozenset()
    states: frozenset[str] = frozenset()
    summary: ReportSummary | None = field(default=None, compare=False)
    links: CurrentLinks | None = field(default=None, compare=False)  # None: not read from the graph

    @property
    def linkable(self) -> bool:
        """True when the row has a precise point and a type the crosswalk knows."""
        return (
            self.latitude is not None
            and self.longitude is not None
            and not self.centroid
            and self.categories is not None
        )


@dataclass(frozen=True, slots=True)
class CurrentLinks:
    """The incident layer as the graph holds it for one report: its REPORTED_AS link (id and
    properties) with that incident's id (and its properties when the incident is named after this
    report), and its CONTENDS links by id."""

    reported_id: str | None = None
    reported: dict[str, Any] | None = None
    incident_id: str | None = None
    incident: dict[str, Any] | None = None
    contends: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ReportSummary:
    """What an incident node takes from its reports: title, type, date, fatality estimates, sources."""

    title: str | None
    type: str | None
    date: str
    date_start: date
    date_end: date
    date_precision: str
    fatalities_best: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    source_ids: tuple[str, ...]
