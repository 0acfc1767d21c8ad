"""Geographic filters in Cypher: a node's `point` inside a box or a circle, its precision bounded.

point.withinBBox includes the edges, and a box whose min_lon > max_lon wraps across the
antimeridian; point.distance is the haversine great-circle distance on Neo4j's sphere of radius
6,378,140 m. Both are exact tests on the stored point, and both can seek the POINT indexes
(graph/migrations.py) when they filter a freshly matched label directly (GEO_SOURCES).
"""

from __future__ import annotations

from math import isqrt

from neo4j import ManagedTransaction
from neo4j.spatial import WGS84Point

from schema.geo import GeoFilter

EARTH_RADIUS_M = 6_378_140.0  # what Neo4j's point.distance uses for WGS-84


def geo_parameters(geo: GeoFilter) -> dict[str, object]:
    """Query parameters for GEO_CONDITION and GEO_SOURCES (all null when the filter is empty)."""
    box, circle = geo.bbox, geo.near
    return {
        "sw": WGS84Point((box.min_lon, box.min_lat)) if box else None,
        "ne": WGS84Point((box.max_lon, box.max_lat)) if box else None,
        "center": WGS84Point((circle.longitude, circle.latitude)) if circle else None,
        "meters": circle.radius_km * 1000 if circle else None,
        "max_geo_precision": int(geo.max_geo_precision) if geo.max_geo_precision else None,
    }


def geo_condition(variable: str) -> str:
    """A boolean Cypher expression over `variable` (a literal identifier), true when unfiltered."""
    v = variable
    return (
        f"($sw IS NULL OR point.withinBBox({v}.point, $sw, $ne))\n"
        f"    AND ($center IS NULL OR point.distance({v}.point, $center) <= $meters)\n"
        f"    AND ($max_geo_precision IS NULL OR {v}.geo_precision <= $max_geo_precision)"
    )


# Candidates from a POINT index, bound to `node`, per label (fixed text; labels from graph.model).
def geo_source(label: str, near: bool) -> str:
    """MATCH text binding `node` of `label` to the points inside the circle (near) or the box."""
    if near:
        return (
            f"MATCH (node:{label}) WHERE point.distance(node.point, $center) <= $meters WITH node"
        )
    return f"MATCH (node:{label}) WHERE point.withinBBox(node.point, $sw, $ne) WITH node"


_PROBES = {
    (label, near): geo_source(label, near) + " LIMIT $cap RETURN count(node) AS found"
    for label in ("Event", "Statement")
    for near in (False, True)
}
_TOTAL = {
    label: f"MATCH (node:{label}) RETURN count(node) AS total" for label in ("Event", "Statement")
}
MIN_GEO_CAP = 2_000


def geo_is_selective(
    tx: ManagedTransaction, *, labels: tuple[str, ...], geo: GeoFilter, limit: int
) -> bool:
    """True when few enough points fall inside that reading them all (then sorting) beats the date scan.

    Reading the N points inside costs ~N; scanning M items in date order for `limit` matches costs
    ~limit·M/N. They cross at N ≈ √(limit·M): probe for at most that many (index seeks, LIMITed).
    """
    if geo.bbox is None and geo.near is None:
        return False
    parameters = geo_parameters(geo)
    for label in labels:
        total = tx.run(_TOTAL[label]).single(strict=True)["total"]
        cap = max(MIN_GEO_CAP, isqrt(limit * total))
        found = tx.run(_PROBES[label, geo.near is not None], **parameters, cap=cap + 1).single(
            strict=True
        )["found"]
        if found > cap:
            return False
    return True
