"""A Cypher export's parameter lines read back to exactly the values literal() wrote."""

from __future__ import annotations

import math
from datetime import date

import pytest
from neo4j.spatial import WGS84Point

from graph.export.cypher import literal
from graph.export.cypher_params import parse_params
from graph.export.values import PointValue

AWKWARD = {
    "quote": 'He said "no" \\ then left\n\ttab\r\b\f \x01 \u2028 Идлиб ☃',
    "`odd key`": [1, -2, 0.1, -2.5e-07, 1e16, True, False],
    "nested": {"list": [[], {}, ["a", ["b"]]], "day": date(2019, 4, 30)},
    "point": PointValue(longitude=36.63, latitude=35.93),
    "big": 2**62,
    "empty": "",
}


def test_parameter_lines_read_back_every_kind_of_value_literal_writes() -> None:
    params = parse_params("{rows: [" + literal(AWKWARD) + ", " + literal({"n": 1}) + "]}")

    [awkward, small] = params["rows"]
    expected = {**AWKWARD, "point": WGS84Point((36.63, 35.93))}
    assert awkward == expected and small == {"n": 1}


def test_non_finite_floats_read_back() -> None:
    [nan, inf, minus_inf] = parse_params("{rows: " + literal([math.nan, math.inf, -math.inf]) + "}")["rows"]
    assert math.isnan(nan) and inf == math.inf and minus_inf == -math.inf


@pytest.mark.parametrize("line", ["{rows: [1, 2}", '{rows: ["open}', "{rows: [1]} MATCH (n) DETACH DELETE n", "[1]"])
def test_a_malformed_parameter_line_is_refused(line: str) -> None:
    with pytest.raises(ValueError, match="column"):
        parse_params(line)
