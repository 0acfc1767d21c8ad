"""Property types of exported graphs and the text/JSON encodings every format shares.

Neo4j properties here are str, int, float, bool, date, WGS-84 point and homogeneous lists of the
first five. Formats without such types (GraphML, GEXF, JSON) carry a type map and these encodings:
dates as ISO `YYYY-MM-DD` strings, points as GeoJSON geometries
`{"type": "Point", "coordinates": [lon, lat]}`, lists as JSON arrays (points and lists in a JSON
string where the format has only scalars).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeAlias


@dataclass(frozen=True, slots=True)
class PointValue:
    """A WGS-84 2D point as exports carry it (the driver's WGS84Point, without the driver)."""

    longitude: float
    latitude: float


Scalar: TypeAlias = str | int | float | bool | date
Value: TypeAlias = Scalar | PointValue | list[Scalar]
WGS84_SRID = 4326


class ExportError(ValueError):
    """The graph holds something an export cannot carry faithfully (a type outside the contract)."""


class PropType(StrEnum):
    """A property's type, spelled as neo4j-admin import headers spell it (lists end in [])."""

    STRING = "string"
    INT = "long"
    FLOAT = "double"
    BOOLEAN = "boolean"
    DATE = "date"
    POINT = "point"  # WGS-84 2D (neo4j-admin infers the CRS from latitude/longitude keys)
    STRING_LIST = "string[]"
    INT_LIST = "long[]"
    FLOAT_LIST = "double[]"
    BOOLEAN_LIST = "boolean[]"
    DATE_LIST = "date[]"

    @property
    def is_list(self) -> bool:
        return self.value.endswith("[]")

    @property
    def element(self) -> PropType:
        """The element type of a list type (the type itself for scalars)."""
        return PropType(self.value.removesuffix("[]"))


# Cypher's valueType() names → our types; an empty list reports LIST<NOTHING>.
_CYPHER_TYPES = {
    "STRING": PropType.STRING,
    "INTEGER": PropType.INT,
    "FLOAT": PropType.FLOAT,
    "BOOLEAN": PropType.BOOLEAN,
    "DATE": PropType.DATE,
    "POINT": PropType.POINT,
}
EMPTY_LIST = "LIST<NOTHING>"


def prop_type(value_types: list[str], where: str) -> PropType:
    """One type for a property from the valueType() names seen on it; ExportError if they disagree."""
    names = {name.removesuffix(" NOT NULL") for name in value_types}
    if len(names) > 1:
        names.discard(EMPTY_LIST)  # [] fits any list type
    if names == {EMPTY_LIST}:
        return PropType.STRING_LIST
    if len(names) != 1:
        raise ExportError(f"{where} has values of several types ({', '.join(sorted(names))})")
    name = names.pop()
    inner = name.removeprefix("LIST<").removesuffix(">") if name.startswith("LIST<") else None
    scalar = _CYPHER_TYPES.get((inner or name).removesuffix(" NOT NULL"))
    if scalar is None or (scalar is PropType.POINT and inner is not None):
        raise ExportError(f"{where} has type {name}, which exports do not carry")
    return PropType(scalar.value + "[]") if inner is not None else scalar


def native(value: object) -> Value:
    """The driver's value with neo4j.time.Date turned into datetime.date (also inside lists) and a
    WGS-84 point into a PointValue; ExportError for a point of another coordinate system."""
    if isinstance(value, list):
        return [native(item) for item in value]  # type: ignore[misc]
    srid = getattr(value, "srid", None)
    if srid is not None:
        if srid != WGS84_SRID or len(value) != 2:  # type: ignore[arg-type]
            raise ExportError(f"point {value!r} is not a WGS-84 2D point")
        return PointValue(float(value[0]), float(value[1]))  # type: ignore[index]
    to_native = getattr(value, "to_native", None)
    return to_native() if callable(to_native) else value  # type: ignore[return-value]


def to_json(value: Value) -> object:
    """A JSON-ready value: dates as ISO strings, points as GeoJSON geometries, lists kept as lists."""
    if isinstance(value, list):
        return [to_json(item) for item in value]
    if isinstance(value, PointValue):
        return {"type": "Point", "coordinates": [value.longitude, value.latitude]}
    return value.isoformat() if isinstance(value, date) else value


def to_text(value: Value) -> str | int | float | bool:
    """A value for formats with scalar attributes only: lists and points become JSON in a string."""
    if isinstance(value, (list, PointValue)):
        return json.dumps(to_json(value), ensure_ascii=False)
    return value.isoformat() if isinstance(value, date) else value


def from_json(value: object, ptype: PropType) -> Value:
    """The inverse of to_json for a property of type ptype."""
    if ptype.is_list:
        assert isinstance(value, list)
        return [from_json(item, ptype.element) for item in value]  # type: ignore[misc]
    if ptype is PropType.DATE:
        return date.fromisoformat(str(value))
    if ptype is PropType.FLOAT:
        return float(value)  # type: ignore[arg-type]
    if ptype is PropType.POINT:
        longitude, latitude = value["coordinates"]  # type: ignore[index]
        return PointValue(float(longitude), float(latitude))
    return value  # type: ignore[return-value]


def from_text(value: object, ptype: PropType) -> Value:
    """The inverse of to_text for a property of type ptype (readers return typed scalars)."""
    if ptype.is_list or ptype is PropType.POINT:
        return from_json(json.loads(str(value)), ptype)
    return from_json(value, ptype)
