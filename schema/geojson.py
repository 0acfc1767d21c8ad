"""Timeline items as a GeoJSON FeatureCollection (RFC 7946) that QGIS, kepler.gl and Leaflet open as is.

One Point feature per item, coordinates [longitude, latitude], `id` the item's id, the item itself
(without `point`) as properties. An item with no point keeps its place in the page as a feature
with `"geometry": null`, which RFC 7946 allows and the map tools skip. `next_cursor` is a foreign
member (as in the JSON pages) and the X-Next-Cursor header of the response.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from schema.timeline import TimelineItem

MEDIA_TYPE = "application/geo+json"


class PointGeometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float] = Field(description="[longitude, latitude] (WGS-84)")


class Feature(BaseModel):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry | None
    properties: dict[str, Any] = Field(description="The timeline item (see TimelineItem).")


class FeatureCollection(BaseModel):
    """A page of items; pass `next_cursor` as `cursor` for the next page (null on the last)."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[Feature]
    next_cursor: str | None = None


def to_feature(item: TimelineItem) -> Feature:
    """The item as a Feature: its point as geometry, everything else as properties."""
    geometry = (
        PointGeometry(coordinates=(item.point.longitude, item.point.latitude))
        if item.point
        else None
    )
    properties = item.model_dump(mode="json", exclude={"point"})
    return Feature(id=item.id, geometry=geometry, properties=properties)


def to_feature_collection(items: list[TimelineItem], next_cursor: str | None) -> FeatureCollection:
    return FeatureCollection(features=[to_feature(item) for item in items], next_cursor=next_cursor)
