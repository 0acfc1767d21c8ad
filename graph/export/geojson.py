"""GeoJSON (RFC 7946): the export's events, statements and places as a FeatureCollection, streamed.

One feature per Event, Statement and Place node: `id` its id, geometry its `point` as a Point
([longitude, latitude]) or null when it has none, properties every other property (dates as ISO
strings, lists as arrays) plus `labels`. Actors, sources and relationships are not features: the
`json` format carries the whole graph. QGIS, kepler.gl and Leaflet open the file as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from graph.export.chunks import encoded
from graph.export.records import GraphStream, check_reserved
from graph.export.values import PointValue, to_json

FEATURE_LABELS = frozenset({"Event", "Statement", "Place"})
RESERVED = frozenset({"labels"})


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _parts(stream: GraphStream) -> Iterator[str]:
    header = {"format": "conflictkg/geojson@1", "selection": stream.description}
    yield f'{{"type": "FeatureCollection", "conflictkg": {_dumps(header)}, "features": ['
    index = 0
    for node in stream.nodes():
        if node.label not in FEATURE_LABELS:
            continue
        check_reserved(node.properties, RESERVED, node.id)
        point = node.properties.get("point")
        properties = {k: to_json(v) for k, v in node.properties.items() if k != "point"}
        properties["labels"] = node.labels
        feature = {
            "type": "Feature",
            "id": node.id,
            "geometry": to_json(point) if isinstance(point, PointValue) else None,
            "properties": properties,
        }
        yield ("," if index else "") + "\n" + _dumps(feature)
        index += 1
    yield "\n]}\n"


def write_geojson(stream: GraphStream) -> Iterator[bytes]:
    """The export's located nodes as a GeoJSON FeatureCollection, in chunks."""
    return encoded(_parts(stream))
