"""Incidents: one happening reported by several provider rows, with each report's score and reasons."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from schema.references import DateInfo, SourceRef
from schema.timeline import TimelineItem


class Collapse(StrEnum):
    """Values of `collapse=`: `incidents` shows one item per incident instead of one per report."""

    INCIDENTS = "incidents"


class FatalityRange(BaseModel):
    """The lowest and highest of the sources' estimates (each source's low, best and high)."""

    low: int | None = Field(examples=[33])
    high: int | None = Field(examples=[36])


class LinkReasons(BaseModel):
    """Why a row was linked: its best pair with another report and every criterion that pair met."""

    score: float = Field(description="0–1: time, space, type level and shared actors/states.",
                         examples=[0.925])
    matched_with: str = Field(examples=["ucdp:300002"])
    delta_days: int = Field(description="Days between the two date ranges (0: they overlap).")
    distance_km: float = Field(examples=[1.2])
    taxonomy_level: int = Field(description="1 fine, 2 medium, 3 coarse: where the types agree.")
    taxonomy_category: str = Field(examples=["air_strike"])
    shared_actors: list[str] = []
    shared_states: list[str] = []
    reasons: list[str] = Field(description="One line per accepted link of this report, best first.")


class IncidentReport(BaseModel):
    """One report of an incident (or a contender for it): the row as its dataset has it, and its link."""

    id: str = Field(examples=["acled:SYR100001"])
    label: str = Field(examples=["Event"])
    dataset: str | None = Field(examples=["acled"])
    title: str | None = None
    date: DateInfo
    type: str | None = Field(default=None, description="Event type, or a statement's stance.")
    fatalities_best: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    source_url: str | None = None
    link: LinkReasons


class IncidentDetail(BaseModel):
    """An incident: its reports side by side (one per dataset, GDELT's repetitions all listed),
    the fatality range over them, the runners-up, and the windows it was linked with."""

    id: str = Field(examples=["incident:acled:SYR100001"])
    title: str | None
    kind: str = Field(description="event or statement", examples=["event"])
    type: str | None = None
    date: DateInfo = Field(description="The most precise report's date.")
    fatalities: FatalityRange
    datasets: list[str]
    report_count: int
    time_window_days: int
    space_window_km: float
    reports: list[IncidentReport]
    contenders: list[IncidentReport] = Field(
        description="Rows that could have been this incident but lost to a better match."
    )
    sources: list[SourceRef]


class IncidentRef(BaseModel):
    """The incident a row reports (or contends for), and its other reports."""

    id: str = Field(examples=["incident:acled:SYR100001"])
    title: str | None = None
    fatalities: FatalityRange
    link: LinkReasons = Field(description="Why this row belongs to (or contends for) it.")
    other_reports: list[IncidentReport]


class CollapsedItem(TimelineItem):
    """A timeline item with collapse=incidents: an incident (kind `incident`, its reports listed,
    fatalities as a range) or a row reported nowhere else (kind event/statement, `reports` empty)."""

    reports: list[IncidentReport] = []
    fatalities: FatalityRange | None = None


class CollapsedPage(BaseModel):
    """One page of collapsed items; pass `next_cursor` as `cursor` for the next page."""

    items: list[CollapsedItem]
    next_cursor: str | None = Field(examples=[None])
