"""bbox, near, max_geo_precision and place on provider data; GeoJSON pages and export; bad input → 422.

Expected answers are computed here, with this file's own box test and haversine, over the points
the graph holds: an item is in the answer iff its point is inside.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from pathlib import Path

import geojson
import pytest
import shapely.geometry
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.queries.timeline import TIMELINE, Plan
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from schema.timeline import ItemKind
from tests.loaders.providers.conftest import DATA

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"
NEO4J_EARTH_RADIUS_M = 6_378_140.0  # the sphere Neo4j's point.distance uses (README)
FIXTURES = (
    ("acled_syria_2020.csv", "acled"),
    ("acled_geo_2020.csv", "acled"),
    ("ucdp_ged_geo.csv", "ucdp"),
    ("gdelt_syria_2020.export.CSV", "gdelt"),
    ("gdelt_geo_2014.export.CSV", "gdelt"),
)
IDLIB_BOX = (36.2, 35.5, 37.0, 36.3)
ANTIMERIDIAN_BOX = (178.0, -20.0, -178.0, -15.0)


def _scattered_acled(path: Path) -> None:
    """400 ACLED rows: around Idlib, on both sides of the antimeridian, on box edges, anywhere."""
    rng = random.Random(9)
    with (DATA / "acled_geo_2020.csv").open(newline="", encoding="utf-8-sig") as stream:
        header = next(csv.reader(stream))
    points = [(rng.uniform(36.0, 37.2), rng.uniform(35.3, 36.5)) for _ in range(250)]
    points += [
        (rng.choice([-1, 1]) * rng.uniform(176.0, 180.0), rng.uniform(-21.0, -14.0))
        for _ in range(100)
    ]
    points += [(rng.uniform(-180, 180), rng.uniform(-89, 89)) for _ in range(40)]
    points += [(36.2, 35.9), (37.0, 35.5), (36.5, 36.3), (178.0, -15.0), (-178.0, -20.0)]  # edges
    points += [
        (180.0, -17.0),
        (-180.0, -17.5),
        (36.19999, 35.9),
        (36.5, 36.30001),
        (-177.99999, -16),
    ]
    with path.open("w", newline="") as stream:
        out = csv.DictWriter(stream, fieldnames=header)
        out.writeheader()
        for n, (lon, lat) in enumerate(points):
            row = dict.fromkeys(header, "")
            row.update(
                event_id_cnty=f"GEO{n}",
                event_date="2020-05-01",
                year="2020",
                time_precision="1",
                event_type="Battles",
                sub_event_type="Armed clash",
                actor1="Hayat Tahrir al-Sham",
                iso="760",
                country="Syria",
                admin1="Idleb",
                location=f"Spot {n}",
                latitude=repr(lat),
                longitude=repr(lon),
                geo_precision=str(1 + n % 3),
            )
            out.writerow(row)


@pytest.fixture(scope="module")
def geo_client(
    settings: GraphSettings, driver: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The seed story plus the provider fixtures plus 400 scattered ACLED points, loaded once."""
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    folder = tmp_path_factory.mktemp("geo")
    scattered = folder / "scattered.csv"
    _scattered_acled(scattered)
    files = [(DATA / name, fmt) for name, fmt in FIXTURES] + [(scattered, "acled")]
    for path, fmt in files:
        copy = folder / path.name
        copy.write_bytes(path.read_bytes())
        load_provider(driver, settings.database, copy, fmt, aliases=AliasTable.load())  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as client:
        yield client


def _points(
    driver: Driver, settings: GraphSettings, label: str
) -> dict[str, tuple[float, float, int | None]]:
    records = driver.execute_query(
        f"MATCH (n:{label}) WHERE n.point IS NOT NULL "
        "RETURN n.id AS id, n.point.longitude AS lon, n.point.latitude AS lat, n.geo_precision AS p",
        database_=settings.database,
    ).records
    return {r["id"]: (r["lon"], r["lat"], r["p"]) for r in records}


def _in_box(lon: float, lat: float, box: tuple[float, float, float, float]) -> bool:
    min_lon, min_lat, max_lon, max_lat = box
    across = min_lon > max_lon  # OGC: the box crosses the antimeridian
    in_lon = (lon >= min_lon or lon <= max_lon) if across else min_lon <= lon <= max_lon
    return min_lat <= lat <= max_lat and in_lon


def _haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * NEO4J_EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _ids(client: TestClient, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["next_cursor"] is None  # everything on one page
    return {item["id"] for item in body["items"]}


@pytest.mark.parametrize(
    "box", [IDLIB_BOX, ANTIMERIDIAN_BOX, (-180.0, -90.0, 180.0, 90.0), (36.5, 36.3, 36.5, 36.3)]
)
def test_bbox_returns_exactly_the_events_inside(
    geo_client: TestClient, driver: Driver, settings: GraphSettings, box: tuple[float, ...]
) -> None:
    points = _points(driver, settings, "Event")
    expected = {i for i, (lon, lat, _) in points.items() if _in_box(lon, lat, box)}  # type: ignore[arg-type]
    assert expected  # the box is not empty, so the test can fail
    bbox = ",".join(map(repr, box))
    assert _ids(geo_client, f"/events?bbox={bbox}&limit=1000") == expected
    statements = _points(driver, settings, "Statement")
    inside = {i for i, (lon, lat, _) in statements.items() if _in_box(lon, lat, box)}  # type: ignore[arg-type]
    assert _ids(geo_client, f"/timeline?bbox={bbox}&limit=1000") == expected | inside


@pytest.mark.parametrize(
    ("lat", "lon", "radius_km"),
    [(35.813, 36.61, 25.0), (35.9, 36.6, 60.0), (-17.0, 179.9, 150.0), (-17.0, -179.5, 400.0)],
)
def test_near_returns_exactly_the_events_within_the_radius(
    geo_client: TestClient,
    driver: Driver,
    settings: GraphSettings,
    lat: float,
    lon: float,
    radius_km: float,
) -> None:
    points = _points(driver, settings, "Event")
    expected = {
        i
        for i, (plon, plat, _) in points.items()
        if _haversine_m(lat, lon, plat, plon) <= radius_km * 1000
    }
    assert expected and expected != set(points)
    assert (
        _ids(geo_client, f"/events?near={lat},{lon}&radius_km={radius_km}&limit=1000") == expected
    )


def test_max_geo_precision_leaves_out_centroid_placed_events(
    geo_client: TestClient, driver: Driver, settings: GraphSettings
) -> None:
    points = _points(driver, settings, "Event")
    bbox = "-180,-90,180,90"
    for level in (1, 3, 4, 5):
        expected = {i for i, (_, _, p) in points.items() if p is not None and p <= level}
        assert (
            _ids(geo_client, f"/events?bbox={bbox}&max_geo_precision={level}&limit=1000")
            == expected
        )
    precise = _ids(geo_client, "/events?max_geo_precision=3&limit=1000")
    assert "acled:SYR200002" not in precise  # ACLED geo_precision 3: the governorate's centroid
    assert "ucdp:300101" not in precise and "gdelt:410412376" not in precise  # UCDP 4, GDELT type 2
    assert "acled:SYR200003" in precise  # geo_precision 2: near a town
    assert "event:2020-02-ariha-strikes" not in precise  # curated: precision unknown


def test_idleb_rows_come_back_through_the_curated_idlib_beside_the_seed(
    geo_client: TestClient,
) -> None:
    found = _ids(geo_client, "/timeline?place=place:idlib&limit=1000")
    assert {"event:2020-02-ariha-strikes", "stmt:cutts-ariha-accusation"} <= found  # the seed story
    assert {"acled:SYR100001", "acled:SYR100004", "acled:SYR200002", "acled:SYR200005"} <= found
    assert {"ucdp:300101", "ucdp:300103", "gdelt:900001", "gdelt:900003"} <= found
    assert "acled:SYR200004" not in found and "acled:TUR200009" not in found  # Aleppo, Hatay
    assert "ucdp:300102" not in found  # placed at Syria only
    wider = _ids(geo_client, "/timeline?place=place:northwest-syria&limit=1000")
    assert found <= wider  # the curated region contains the governorate
    events = _ids(geo_client, "/events?place=place:idlib&limit=1000")
    assert "acled:SYR200002" in events and events < found
    assert not events & {"stmt:cutts-ariha-accusation", "gdelt:900001"}  # statements


def test_geojson_pages_read_back_with_geojson_and_shapely(geo_client: TestClient) -> None:
    bbox = ",".join(map(str, IDLIB_BOX))
    url = f"/events?format=geojson&bbox={bbox}&limit=100"
    seen: list[str] = []
    while url:
        response = geo_client.get(url)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/geo+json")
        collection = geojson.loads(response.text)
        assert collection.is_valid, collection.errors()
        assert collection["type"] == "FeatureCollection"
        box = shapely.geometry.box(*IDLIB_BOX)
        for feature in collection["features"]:
            point = shapely.geometry.shape(feature["geometry"])
            assert point.geom_type == "Point" and box.covers(point)
            assert feature["properties"]["id"] == feature["id"]
            assert "point" not in feature["properties"]
            seen.append(feature["id"])
        cursor = response.headers.get("X-Next-Cursor")
        assert cursor == collection.get("next_cursor")
        url = f"/events?format=geojson&bbox={bbox}&limit=100&cursor={cursor}" if cursor else ""
    assert (
        len(seen)
        == len(set(seen))
        == len(_ids(geo_client, f"/events?bbox={bbox}&limit=1000"))
        > 100
    )
    # Items without a point stay in the page, with a null geometry (RFC 7946 allows it).
    response = geo_client.get("/timeline?format=geojson&place=place:ariha&limit=1000")
    features = {f["id"]: f for f in geojson.loads(response.text)["features"]}
    assert features["event:2020-02-ariha-strikes"]["geometry"] is None
    assert features["acled:SYR100003"]["geometry"]["coordinates"] == [36.61, 35.813]


def test_accusations_filter_by_bbox_and_place(geo_client: TestClient) -> None:
    def statements(url: str) -> set[str]:
        response = geo_client.get(url)
        assert response.status_code == 200, response.text
        return {row["statement"]["id"] for row in response.json()["items"]}

    everywhere = statements("/accusations?limit=1000")
    idlib = statements(f"/accusations?bbox={','.join(map(str, IDLIB_BOX))}&limit=1000")
    kyiv = statements("/accusations?near=50.45,30.52&radius_km=20&limit=1000")
    assert idlib == {"gdelt:900001", "gdelt:900007", "gdelt:900010"}  # 900007: accuser unknown
    assert "gdelt:410412386" in kyiv and not kyiv & idlib
    assert idlib | kyiv < everywhere
    assert statements("/accusations?place=place:idlib&limit=1000") >= idlib
    network = geo_client.get(f"/accusations/network?bbox={','.join(map(str, IDLIB_BOX))}").json()
    assert {edge["source"] for edge in network["edges"]} == {
        "actor:turkey",
        "actor:syrian-government",
    }


def test_export_geojson_and_geo_filtered_export(geo_client: TestClient) -> None:
    response = geo_client.get(
        "/export", params={"seed": "place:idlib", "depth": 1, "format": "geojson"}
    )
    assert response.status_code == 200, response.text
    collection = geojson.loads(response.text)
    assert collection.is_valid, collection.errors()
    features = {f["id"]: f for f in collection["features"]}
    assert features["place:idlib"]["properties"]["labels"] == ["Place"]
    assert features["acled:SYR200002"]["geometry"]["coordinates"] == [36.6339, 35.9306]
    assert features["place:northwest-syria"]["geometry"] is None
    assert not any(f.startswith(("actor:", "src:")) for f in features)
    narrowed = geo_client.get(
        "/export",
        params={"seed": "place:idlib", "depth": 1, "format": "geojson", "max_geo_precision": 3},
    )
    kept = {f["id"] for f in geojson.loads(narrowed.text)["features"]}
    assert "acled:SYR200002" not in kept and "place:idlib" in kept


def test_bbox_and_near_plans_seek_the_point_index(
    geo_client: TestClient, driver: Driver, settings: GraphSettings
) -> None:
    for plan in (Plan.BBOX, Plan.NEAR):
        query = TIMELINE[plan, (ItemKind.EVENT, ItemKind.STATEMENT)]
        explained = driver.execute_query("EXPLAIN " + query, {}, database_=settings.database)
        operators = str(explained.summary.plan)
        assert operators.count("NodeIndexSeekByRange") >= 2, operators  # events and statements


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("bbox=36,35.5,37", "bbox"),
        ("bbox=a,b,c,d", "bbox"),
        ("bbox=36,35.5,37,nan", "bbox"),
        ("bbox=36,36.3,37,35.5", "bbox"),  # reversed corners (min_lat above max_lat)
        ("bbox=36,35.5,200,36.3", "bbox"),
        ("near=35.8", "near"),
        ("near=95,36&radius_km=10", "near"),
        ("near=35.8,36.6", "radius_km"),
        ("near=35.8,36.6&radius_km=501", "radius_km"),
        ("near=35.8,36.6&radius_km=0", "radius_km"),
        ("near=35.8,36.6&radius_km=nan", "radius_km"),
        ("radius_km=10", "radius_km"),
        ("max_geo_precision=0", "max_geo_precision"),
        ("max_geo_precision=6", "max_geo_precision"),
    ],
)
@pytest.mark.parametrize(
    "path", ["/timeline", "/events", "/accusations", "/export?seed=place:idlib"]
)
def test_malformed_geo_parameters_are_a_422_naming_them(
    geo_client: TestClient, path: str, query: str, name: str
) -> None:
    response = geo_client.get(path + ("&" if "?" in path else "?") + query)
    assert response.status_code == 422, response.text
    assert name in [error["loc"][-1] for error in response.json()["detail"]]


def test_bbox_and_near_are_exact_on_the_date_ordered_plan_too(
    geo_client: TestClient, driver: Driver, settings: GraphSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a large graph a wide box scans the date index and tests each point: same answers.
    monkeypatch.setattr("graph.queries.timeline.geo_is_selective", lambda *args, **kwargs: False)
    points = _points(driver, settings, "Event")
    expected = {i for i, (lon, lat, _) in points.items() if _in_box(lon, lat, ANTIMERIDIAN_BOX)}  # type: ignore[arg-type]
    assert (
        _ids(geo_client, f"/events?bbox={','.join(map(repr, ANTIMERIDIAN_BOX))}&limit=1000")
        == expected
    )
    near = {
        i for i, (lon, lat, _) in points.items() if _haversine_m(35.9, 36.6, lat, lon) <= 60_000
    }  # type: ignore[arg-type]
    assert _ids(geo_client, "/events?near=35.9,36.6&radius_km=60&limit=1000") == near
