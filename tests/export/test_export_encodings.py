"""The hand-written encodings: CSV fields and their reader, Cypher literals, property type inference."""

from __future__ import annotations

from datetime import date

import pytest
from neo4j.spatial import CartesianPoint, WGS84Point

from graph.export.csv import field
from graph.export.csv_import import parse_value, records
from graph.export.cypher import literal, name
from graph.export.values import (
    ExportError,
    PointValue,
    PropType,
    from_text,
    native,
    prop_type,
    to_json,
    to_text,
)


def test_csv_field_quotes_values_and_leaves_missing_empty() -> None:
    assert [field(None), field(""), field([]), field('a "b"\nc'), field(["x", "y"]), field(1.5), field(True)] == [
        "", '""', '""', '"a ""b""\nc"', '"x;y"', '"1.5"', '"true"',
    ]


def test_csv_field_refuses_list_element_with_the_array_delimiter() -> None:
    with pytest.raises(ExportError, match="contains ';'"):
        field(["a;b"])


def test_csv_records_tell_missing_from_empty() -> None:
    text = 'id:ID,aliases:string[]\n"a",""\n"b",\n"c","x;y"\n"d","multi\nline ""q"""\n'
    assert list(records(text)) == [
        ["id:ID", "aliases:string[]"], ["a", ""], ["b", None], ["c", "x;y"], ["d", 'multi\nline "q"'],
    ]
    assert parse_value("", PropType.STRING_LIST) == []
    assert parse_value("2020-02-17;2020-02-18", PropType.DATE_LIST) == [date(2020, 2, 17), date(2020, 2, 18)]


def test_cypher_literal_escapes_and_types() -> None:
    value = {"s": 'a"b\\c\nd\x01', "d": date(2020, 2, 17), "l": [], "f": 0.1 + 0.2, "b": False, "odd key": 3}
    assert literal(value) == (
        '{b: false, d: date("2020-02-17"), f: 0.30000000000000004, l: [], `odd key`: 3, '
        's: "a\\"b\\\\c\\nd\\u0001"}'
    )
    assert name("a`b") == "`a``b`"


def test_prop_type_merges_empty_lists_and_refuses_mixed_types() -> None:
    assert prop_type(["LIST<NOTHING> NOT NULL"], "x") is PropType.STRING_LIST
    assert prop_type(["LIST<NOTHING> NOT NULL", "LIST<INTEGER NOT NULL> NOT NULL"], "x") is PropType.INT_LIST
    assert prop_type(["DATE NOT NULL"], "x") is PropType.DATE
    with pytest.raises(ExportError, match="several types"):
        prop_type(["INTEGER NOT NULL", "FLOAT NOT NULL"], ":Event.fatalities_best")
    assert prop_type(["POINT NOT NULL"], ":Place.point") is PropType.POINT
    with pytest.raises(ExportError, match="POINT"):
        prop_type(["LIST<POINT NOT NULL> NOT NULL"], ":Place.points")
    with pytest.raises(ExportError, match="DURATION"):
        prop_type(["DURATION NOT NULL"], ":Event.took")


def test_points_export_as_geojson_geometries_and_back() -> None:
    point = native(WGS84Point((36.6339, 35.9306)))
    assert point == PointValue(36.6339, 35.9306)
    assert to_json(point) == {"type": "Point", "coordinates": [36.6339, 35.9306]}
    assert from_text(to_text(point), PropType.POINT) == point
    with pytest.raises(ExportError, match="WGS-84 2D"):
        native(CartesianPoint((1.0, 2.0)))
