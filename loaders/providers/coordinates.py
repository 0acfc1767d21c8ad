"""Coordinates from provider cells: a WGS-84 point, or nothing and the reason (never NaN or infinity).

A row keeps its place and its other facts when its point is unusable: an unparseable number,
NaN or ±infinity, latitude beyond ±90 or longitude beyond ±180, only one of the two, or exactly
0,0 while the row names a place (the "null island" of a failed geocode).
"""

from __future__ import annotations

import math

from schema.geo import GeoProblem

Point = tuple[float, float]  # (longitude, latitude)


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def read_point(
    latitude: str, longitude: str, columns: tuple[str, str], names_a_place: bool
) -> tuple[Point | None, GeoProblem | None]:
    """(longitude, latitude) or None, and the problem when the cells were not empty but unusable."""
    lat_text, lon_text = latitude.strip(), longitude.strip()
    lat_column, lon_column = columns
    if not lat_text and not lon_text:
        return None, None
    both = f"{lat_text},{lon_text}"
    if not lat_text or not lon_text:
        missing = lat_column if not lat_text else lon_column
        return None, GeoProblem(
            missing, "only one of latitude and longitude is given", both, "point"
        )
    lat, lon = _number(lat_text), _number(lon_text)
    for value, text, column in ((lat, lat_text, lat_column), (lon, lon_text, lon_column)):
        if value is None:
            return None, GeoProblem(column, "not a number", text, "point")
        if not math.isfinite(value):
            return None, GeoProblem(column, "not a finite number", text, "point")
    assert lat is not None and lon is not None
    if not -90 <= lat <= 90:
        return None, GeoProblem(lat_column, "latitude out of range (-90 to 90)", lat_text, "point")
    if not -180 <= lon <= 180:
        return None, GeoProblem(
            lon_column, "longitude out of range (-180 to 180)", lon_text, "point"
        )
    if lat == 0 and lon == 0 and names_a_place:
        return None, GeoProblem(
            f"{lat_column},{lon_column}",
            "0,0 although the row names a place elsewhere",
            both,
            "point",
        )
    return (lon, lat), None
