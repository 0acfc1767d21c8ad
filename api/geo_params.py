"""The geographic query parameters shared by /timeline, /events, /accusations and /export.

bbox=min_lon,min_lat,max_lon,max_lat (OGC API Features order; min_lon > max_lon crosses the
antimeridian, min_lat > max_lat is reversed corners and refused); near=lat,lon with radius_km
(≤ 500); max_geo_precision=1..5. A malformed value is a 422 naming its parameter.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import Depends, Query
from pydantic import ValidationError

from api.params import invalid
from schema.geo import BoundingBox, Circle, GeoFilter, GeoPrecision

MAX_RADIUS_KM = 500
BBOX_HELP = (
    "min_lon,min_lat,max_lon,max_lat in WGS-84 degrees (OGC API Features order): items whose "
    "point is inside the box, edges included. A min_lon above max_lon crosses the antimeridian."
)
NEAR_HELP = "lat,lon (latitude first): items whose point is within `radius_km` of it."
PRECISION_HELP = (
    "Leave out items placed less precisely: 1 at the named place, 2 near it, 3 in a district, "
    "4 at a province centroid, 5 at a country centroid. 3 leaves out every centroid-placed item; "
    "items without a known precision (e.g. curated events) are left out too."
)


def _numbers(name: str, text: str, count: int, shape: str) -> list[float]:
    parts = text.split(",")
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        numbers = []
    if len(parts) != count or len(numbers) != count or not all(map(math.isfinite, numbers)):
        raise invalid(name, f"expected {count} comma-separated numbers: {shape}", text)
    return numbers


def _bbox(text: str) -> BoundingBox:
    min_lon, min_lat, max_lon, max_lat = _numbers(
        "bbox", text, 4, "min_lon,min_lat,max_lon,max_lat"
    )
    if min_lat > max_lat:
        raise invalid("bbox", "reversed corners: min_lat is above max_lat", text)
    try:
        return BoundingBox(min_lon=min_lon, min_lat=min_lat, max_lon=max_lon, max_lat=max_lat)
    except ValidationError as error:
        first = error.errors()[0]
        raise invalid("bbox", f"{first['loc'][0]}: {first['msg']}", text) from None


def _near(text: str, radius_km: float | None) -> Circle:
    latitude, longitude = _numbers("near", text, 2, "lat,lon")
    if radius_km is None:
        raise invalid("radius_km", "needed with near (kilometres, at most 500)", None, "missing")
    try:
        return Circle(latitude=latitude, longitude=longitude, radius_km=radius_km)
    except ValidationError as error:
        first = error.errors()[0]
        raise invalid("near", f"{first['loc'][0]}: {first['msg']}", text) from None


def geo_filter(
    bbox: Annotated[
        str | None, Query(description=BBOX_HELP, examples=["36.0,35.5,37.0,36.3"])
    ] = None,
    near: Annotated[str | None, Query(description=NEAR_HELP, examples=["35.93,36.63"])] = None,
    radius_km: Annotated[
        float | None,
        Query(
            gt=0,
            le=MAX_RADIUS_KM,
            description="Radius of `near` in km (at most 500).",
            examples=[25],
        ),
    ] = None,
    max_geo_precision: Annotated[GeoPrecision | None, Query(description=PRECISION_HELP)] = None,
) -> GeoFilter:
    """The geographic filters, validated; 422 names the offending parameter."""
    if radius_km is not None and near is None:
        raise invalid("radius_km", "radius_km needs near=lat,lon", radius_km)
    return GeoFilter(
        bbox=_bbox(bbox) if bbox is not None else None,
        near=_near(near, radius_km) if near is not None else None,
        max_geo_precision=max_geo_precision,
    )


GeoFilterDep = Annotated[GeoFilter, Depends(geo_filter)]
