"""Where a provider row happened (its place names, point and precision) and the API's geographic filters.

Every provider codes location precision its own way. GeoPrecision is the one scale the graph keeps
beside each provider's own code, so `max_geo_precision` means the same for ACLED, UCDP and GDELT:
lower is more precise, and a row at ADMIN1 or coarser (CENTROID_FROM) was placed at the centroid
of a province or a country rather than where it happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class GeoPrecision(IntEnum):
    """How precisely a row's point locates what happened (the README's table maps each provider)."""

    EXACT = 1  # at the named place itself: a town, village, site or city
    NEAR = 2  # near a named place: within ~25 km, or part of a region placed at its nearest town
    ADMIN2 = 3  # somewhere in a district (second-order division)
    ADMIN1 = 4  # somewhere in a province / governorate / state: its centroid
    COUNTRY = 5  # somewhere in a country or a larger area (a line, international waters)


# Rows at this precision or coarser are centroid-placed (ACLED geo_precision 3, UCDP where_prec
# >= 4, GDELT geo types 1, 2 and 5): their point is a region's centroid, not the event's spot.
CENTROID_FROM = GeoPrecision.ADMIN1

ACLED_GEO_PRECISION = {1: GeoPrecision.EXACT, 2: GeoPrecision.NEAR, 3: GeoPrecision.ADMIN1}
UCDP_WHERE_PREC = {
    1: GeoPrecision.EXACT,
    2: GeoPrecision.NEAR,
    3: GeoPrecision.ADMIN2,
    4: GeoPrecision.ADMIN1,
    5: GeoPrecision.COUNTRY,  # part of a country larger than ADM1, or a line
    6: GeoPrecision.COUNTRY,
    7: GeoPrecision.COUNTRY,  # international waters or airspace
}
# GDELT geo types are not ordered: 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1.
GDELT_GEO_TYPE = {
    1: GeoPrecision.COUNTRY,
    2: GeoPrecision.ADMIN1,
    3: GeoPrecision.EXACT,
    4: GeoPrecision.EXACT,
    5: GeoPrecision.ADMIN1,
}


class PlaceLevel(StrEnum):
    """A rung of the place hierarchy built from provider rows (country → admin1..3 → location)."""

    COUNTRY = "country"
    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    ADMIN3 = "admin3"
    LOCATION = "location"


@dataclass(frozen=True, slots=True)
class RowLocation:
    """What one row says about where it happened; `level` names its most precise place."""

    level: PlaceLevel | None = None  # None: no usable place (the point may still be known)
    country: str | None = None  # ISO 3166 alpha-3, None when the row's country has no ISO code
    country_name: str | None = None  # as the provider wrote it
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    name: str | None = None  # the location itself (town, village, site)
    longitude: float | None = None  # WGS-84, validated (in range, finite)
    latitude: float | None = None
    precision: GeoPrecision | None = None
    provider_precision: int | None = (
        None  # the provider's own code (geo_precision, where_prec, type)
    )


@dataclass(frozen=True, slots=True)
class GeoProblem:
    """Part of a row's location that could not be used; the row itself still loads."""

    column: str
    reason: str
    value: str
    lost: Literal["point", "place", "precision"]


# ── API shapes ─────────────────────────────────────────────────────────────────────────────


class GeoPoint(BaseModel):
    """A WGS-84 point."""

    longitude: float = Field(examples=[36.61])
    latitude: float = Field(examples=[35.813])


class BoundingBox(BaseModel):
    """OGC API Features order. min_lon > max_lon means the box crosses the antimeridian."""

    model_config = ConfigDict(frozen=True)

    min_lon: float = Field(ge=-180, le=180)
    min_lat: float = Field(ge=-90, le=90)
    max_lon: float = Field(ge=-180, le=180)
    max_lat: float = Field(ge=-90, le=90)


class Circle(BaseModel):
    """A centre (WGS-84) and a radius in kilometres."""

    model_config = ConfigDict(frozen=True)

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    radius_km: float = Field(gt=0, le=500)


class GeoFilter(BaseModel):
    """bbox and near match an item iff its point is inside (edges included); None does not filter."""

    model_config = ConfigDict(frozen=True)

    bbox: BoundingBox | None = None
    near: Circle | None = None
    max_geo_precision: GeoPrecision | None = None

    @property
    def active(self) -> bool:
        return self.bbox is not None or self.near is not None or self.max_geo_precision is not None
