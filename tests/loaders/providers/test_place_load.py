"""Provider loads write places: one node per place across providers, the hierarchy, points, precision."""

from __future__ import annotations

import math
from pathlib import Path

from neo4j import Driver

from graph.settings import GraphSettings
from loaders.curated import load_curated

from .conftest import graph_checksum, load, rows

SEED = Path(__file__).resolve().parents[3] / "data" / "seed" / "idlib-2018-2020.yaml"
FILES = (
    ("acled_syria_2020.csv", "acled"),
    ("acled_geo_2020.csv", "acled"),
    ("ucdp_ged_geo.csv", "ucdp"),
    ("gdelt_syria_2020.export.CSV", "gdelt"),
    ("gdelt_geo_2014.export.CSV", "gdelt"),
)


def _load_all(driver: Driver, settings: GraphSettings, data_dir: Path) -> None:
    for name, fmt in FILES:
        load(driver, settings, data_dir / name, fmt)  # type: ignore[arg-type]


def test_idlib_is_one_node_for_the_seed_and_every_provider(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED, session)
    _load_all(clean_graph, settings, data_dir)
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (p:Place {id: 'place:idlib'})
        RETURN p.name, p.kind, p.admin_level, p.aliases, p.source_ids""",
    ) == [
        (
            "Idlib",
            "region",
            1,
            ["Idleb", "Idlib governorate"],
            ["src:polygraph-erkhov-2020", "src:acled", "src:ucdp-ged", "src:gdelt"],
        )
    ]
    # Every provider row in Idlib governorate reaches place:idlib through LOCATED_IN.
    inside = rows(
        clean_graph,
        settings,
        """
        MATCH (e:Event)-[:OCCURRED_IN]->(:Place)-[:LOCATED_IN*0..6]->(:Place {id: 'place:idlib'})
        WHERE e.dataset IS NOT NULL
        RETURN DISTINCT e.dataset, count(DISTINCT e) ORDER BY e.dataset""",
    )
    assert inside == [("acled", 12), ("gdelt", 6), ("ucdp", 3)]  # gdelt:900008's `eng` is an actor
    # Curated places fall into the hierarchy: the seed's Ariha and the provider admin chain.
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (p:Place {id: 'place:ariha'})-[:LOCATED_IN]->(up:Place)
        RETURN up.id ORDER BY up.id""",
    ) == [("place:idlib",), ("place:syr:idlib:ariha",), ("place:syr:idlib:ariha:ariha",)]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (p:Place {id: 'place:idlib'})-[r:LOCATED_IN]->(up:Place)
        RETURN up.id, r.source_ids ORDER BY up.id""",
    ) == [
        ("place:northwest-syria", ["src:polygraph-erkhov-2020"]),
        ("place:syria", ["src:acled", "src:ucdp-ged", "src:gdelt"]),
    ]
    # Ariha (curated, no coordinates in the article) gained ACLED's point.
    ((point,),) = rows(clean_graph, settings, "MATCH (p:Place {id: 'place:ariha'}) RETURN p.point")
    assert (point.longitude, point.latitude, point.srid) == (36.61, 35.813, 4326)  # type: ignore[attr-defined]


def test_events_carry_point_place_and_both_precisions(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    _load_all(clean_graph, settings, data_dir)
    found = rows(
        clean_graph,
        settings,
        """
        MATCH (e:Event|Statement)-[r:OCCURRED_IN]->(p:Place)
        WHERE e.id IN ['acled:SYR200001', 'acled:SYR200002', 'ucdp:300102', 'gdelt:410412374',
                       'gdelt:410412376', 'gdelt:410412386']
        RETURN e.id, p.id, e.geo_precision, r.geo_precision, r.provider_precision,
               e.point.longitude, e.point.latitude ORDER BY e.id""",
    )
    assert found == [
        ("acled:SYR200001", "place:syr:idlib:@kafr-nobol", 1, 1, 1, 36.5614, 35.6136),
        ("acled:SYR200002", "place:idlib", 4, 4, 3, 36.6339, 35.9306),
        ("gdelt:410412374", "place:irq", 5, 5, 1, 44.0, 33.0),
        ("gdelt:410412376", "place:usa:wisconsin", 4, 4, 2, -89.6385, 44.2563),
        (
            "gdelt:410412386",
            "place:ukr:kyyiv-misto:@kyiv",
            1,
            1,
            4,
            30.5167,
            50.4333,
        ),  # a statement
        ("ucdp:300102", "place:syria", 5, 5, 6, 38.0, 35.0),
    ]
    # Bad coordinates cost the point only; an unknown FIPS code the place only; nothing is NaN.
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (e) WHERE e.id IN ['acled:SYR200005', 'acled:SYR200006', 'acled:SYR200008', 'gdelt:990000002']
        RETURN e.id, e.point IS NULL, EXISTS { (e)-[:OCCURRED_IN]->() } ORDER BY e.id""",
    ) == [
        ("acled:SYR200005", True, True),
        ("acled:SYR200006", True, True),
        ("acled:SYR200008", True, True),
        ("gdelt:990000002", False, False),
    ]
    for (value,) in rows(
        clean_graph,
        settings,
        "MATCH (n) WHERE n.point IS NOT NULL RETURN [n.point.longitude, n.point.latitude]",
    ):
        assert all(math.isfinite(v) for v in value)  # type: ignore[attr-defined]


def test_load_report_counts_places_and_names_unusable_cells(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    report = load(clean_graph, settings, data_dir / "acled_geo_2020.csv", "acled")
    assert (report.rows_read, report.events, report.rejected) == (10, 10, 0)
    assert (report.placed, report.with_point) == (10, 6)
    assert report.geo_problems == {
        "latitude: latitude out of range (-90 to 90) (lost its point)": 1,
        "latitude: not a finite number (lost its point)": 1,
        "latitude: not a number (lost its point)": 1,
        "latitude,longitude: 0,0 although the row names a place elsewhere (lost its point)": 1,
        "geo_precision: not a precision code (1, 2, 3) (lost its precision)": 1,
    }
    assert [(line, problem.value) for line, problem in report.geo_examples][:2] == [
        (6, "95.8130"),
        (7, "NaN"),
    ]


def test_places_reload_idempotently_and_an_old_graph_gains_them(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    _load_all(clean_graph, settings, data_dir)
    fresh = graph_checksum(clean_graph, settings)
    for name, fmt in FILES:
        again = load(clean_graph, settings, data_dir / name, fmt)  # type: ignore[arg-type]
        assert (again.counters["nodes_created"], again.counters["relationships_created"]) == (0, 0)
        assert again.counters["relationships_deleted"] == 0
    assert graph_checksum(clean_graph, settings) == fresh
    # A graph loaded before places existed: no Place, no OCCURRED_IN, no point or precision (nor
    # the row digests, which came later still: without them every row is rewritten).
    clean_graph.execute_query(
        """
        MATCH (p:Place) DETACH DELETE p
        WITH count(*) AS done
        MATCH (n) WHERE n:Event OR n:Statement
        REMOVE n.point, n.geo_precision, n.row_digest, n.provider_digest""",
        database_=settings.database,
    )
    assert graph_checksum(clean_graph, settings) != fresh
    _load_all(clean_graph, settings, data_dir)
    assert graph_checksum(clean_graph, settings) == fresh


def test_batches_of_any_size_write_the_same_places(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    # Later batches skip the places earlier ones wrote unless they bring a spelling or a point.
    for name, fmt in FILES:
        load(clean_graph, settings, data_dir / name, fmt, batch_size=3)  # type: ignore[arg-type]
    small = graph_checksum(clean_graph, settings)
    clean_graph.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    _load_all(clean_graph, settings, data_dir)
    assert graph_checksum(clean_graph, settings) == small
