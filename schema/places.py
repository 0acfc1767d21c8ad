"""Places as the API returns them: search results and one place with its hierarchy and events."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.geo import GeoPoint
from schema.references import Evidence


class NamedPlace(BaseModel):
    id: str = Field(examples=["place:idlib"])
    name: str = Field(examples=["Idlib"])
    kind: str | None = Field(default=None, examples=["region"])


class PlaceSummary(NamedPlace):
    country: str | None = Field(default=None, description="ISO 3166 alpha-3.", examples=["SYR"])
    admin_level: int | None = Field(
        default=None, description="0 country, 1–3 administrative division; null otherwise."
    )
    aliases: list[str] = Field(
        default=[],
        description="Other spellings providers used.",
        examples=[["Idleb", "Idlib governorate"]],
    )
    point: GeoPoint | None = Field(default=None, description="A representative point, if known.")
    within: list[NamedPlace] = Field(default=[], description="The places it lies directly in.")


class PlacePage(BaseModel):
    """With `q`: exact name or spelling matches first, then by full-text relevance, then name."""

    items: list[PlaceSummary]
    next_cursor: str | None


class Ancestor(NamedPlace):
    depth: int = Field(description="LOCATED_IN hops up from the place (1 = directly in).")


class EventCount(BaseModel):
    year: int
    type: str | None
    count: int


class PlaceDetail(PlaceSummary):
    """A place, everything above it, its children and what happened there and within it."""

    ancestors: list[Ancestor] = Field(description="Every place it lies in, nearest first.")
    children: list[NamedPlace] = Field(description="Places directly in it (at most 200, by name).")
    children_truncated: bool = False
    events: int = Field(description="Events at the place or within it.")
    event_counts: list[EventCount] = Field(description="Those events by year and type.")
    evidence: Evidence = Field(description="The sources that named it (datasets, articles).")
