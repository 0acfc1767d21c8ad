"""Linking against the real server: the labelled set links as labelled, relinks change nothing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from neo4j import Driver, ManagedTransaction

from graph.queries.incident_writes import DetachedReports, detach_reports
from graph.settings import GraphSettings
from linking.records import Windows
from linking.run import TouchedRows, link_touched, relink
from tests.loaders.providers.conftest import graph_checksum

from .conftest import graph_incidents, labelled_incidents

CKG = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "ckg"


def test_the_same_incidents_in_three_formats_link_and_near_misses_do_not(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures()
    assert graph_incidents(clean_graph, settings) == labelled_incidents()
    reasons = clean_graph.execute_query(
        """MATCH (:Incident {id: 'incident:acled:SYR100001'})-[r:REPORTED_AS]->(:Event {id: 'acled:SYR100001'})
           RETURN r.matched_with AS with, r.delta_days AS days, r.distance_km AS km,
                  r.taxonomy_level AS level, r.taxonomy_category AS category, r.reasons AS reasons""",
        database_=settings.database,
    ).records[0]
    assert (reasons["with"], reasons["days"], reasons["level"], reasons["category"]) == (
        "gdelt:900101", 0, 1, "air_strike"
    )
    assert 1.0 < reasons["km"] < 1.2 and len(reasons["reasons"]) == 2


def test_the_incident_node_lists_its_reports_and_the_fatality_range(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures()
    (incident,) = clean_graph.execute_query(
        "MATCH (i:Incident {id: 'incident:acled:SYR100001'}) RETURN properties(i) AS i",
        database_=settings.database,
    ).records
    props = incident["i"]
    assert props["datasets"] == ["acled", "gdelt", "ucdp"] and props["report_count"] == 5
    # ACLED says 33, UCDP best 34 (low 33, high 36): the range over every source's estimate.
    assert (props["fatalities_low"], props["fatalities_high"]) == (33, 36)
    assert (props["date"], props["date_precision"], props["type"]) == ("2020-02-27", "day", "airstrike")
    assert props["source_ids"] == ["src:acled", "src:gdelt", "src:ucdp-ged"]


def test_relinking_changes_nothing_and_no_report_is_altered(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures(link=False)
    before = graph_checksum(clean_graph, settings)
    first = relink(clean_graph, settings.database, windows=Windows())
    linked = graph_checksum(clean_graph, settings)
    assert first.counters["incidents_created"] == len(labelled_incidents())
    second = relink(clean_graph, settings.database, windows=Windows())
    assert graph_checksum(clean_graph, settings) == linked
    assert second.counters["incidents_unchanged"] == first.incidents
    assert not {k for k, v in second.counters.items() if v and not k.endswith("unchanged")}
    # Only the incident layer was added: dropping it gives back the graph as loaded.
    clean_graph.execute_query("MATCH (i:Incident) DETACH DELETE i", database_=settings.database)
    assert graph_checksum(clean_graph, settings) == before


def test_linking_each_load_as_it_comes_equals_one_full_relink(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures(order=("gdelt", "ucdp", "acled"))
    incremental = graph_checksum(clean_graph, settings)
    report = relink(clean_graph, settings.database, windows=Windows())
    assert graph_checksum(clean_graph, settings) == incremental
    assert report.counters["incidents_created"] == 0


def test_wider_windows_relink_and_narrow_ones_unlink(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures()
    relink(clean_graph, settings.database, windows=Windows(space_km=10))
    wide = graph_incidents(clean_graph, settings)
    assert frozenset({"acled:SYR100002", "ucdp:300010", "gdelt:900201", "gdelt:900202"}) in wide
    report = relink(clean_graph, settings.database, windows=Windows(time_days=0, space_km=0.5))
    # Balyun: ACLED and UCDP share a point and a day; GDELT's world-city point lies 1.1 km off
    # (too far at 0.5 km), and its articles of the 27th and the 28th are a day apart (too late at
    # 0 days): the two of the 28th are an incident of their own, and so are two of the accusations.
    assert graph_incidents(clean_graph, settings) == {
        frozenset({"acled:SYR100001", "ucdp:300002"}),
        frozenset({"gdelt:900102", "gdelt:900103"}),
        frozenset({"acled:SYR100002", "gdelt:900201", "ucdp:300010"}),
        frozenset({"acled:SYR100020", "gdelt:900301", "ucdp:300020"}),
        frozenset({"gdelt:900401", "gdelt:900402"}),
    }
    assert (report.counters["incidents_created"], report.counters["reported_as_deleted"]) == (1, 5)


def test_ckg_link_relinks_with_its_windows(
    load_fixtures: Callable[..., object],
    clean_graph: Driver,
    settings: GraphSettings,
    cli_env: dict[str, str],
) -> None:
    load_fixtures(link=False)
    result = subprocess.run(
        [str(CKG), "link", "--time-window-days", "1", "--space-window-km", "5"],
        env=cli_env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "4 incidents of 14 reports" in result.stdout
    assert graph_incidents(clean_graph, settings) == labelled_incidents()
    again = subprocess.run([str(CKG), "link"], env=cli_env, capture_output=True, text=True, timeout=300)
    assert "0 created, 0 updated, 4 unchanged, 0 deleted" in again.stdout
    bad = subprocess.run(
        [str(CKG), "link", "--space-window-km", "0"], env=cli_env, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "space-window-km" in bad.stderr


def test_detaching_reports_before_a_deletion_dissolves_what_is_left_alone(
    load_fixtures: Callable[..., object], clean_graph: Driver, settings: GraphSettings
) -> None:
    load_fixtures()
    gone = ["acled:SYR100001", "acled:SYR100002", "ucdp:300010"]

    def delete(tx: ManagedTransaction) -> DetachedReports:
        # As the deletion path does: detach, then delete the rows, in one transaction.
        detached = detach_reports(tx, ids=gone)
        tx.run("UNWIND $ids AS id MATCH (e:Event {id: id}) DETACH DELETE e", ids=gone).consume()
        return detached

    with clean_graph.session(database=settings.database) as session:
        detached = session.execute_write(delete)
    # Saraqab kept only its GDELT row: dissolved. Balyun kept UCDP and three GDELT rows.
    assert (detached.links_deleted, detached.incidents_dissolved) == (3, 1)
    assert detached.survivors == ["gdelt:900101", "gdelt:900102", "gdelt:900103", "gdelt:900201", "ucdp:300002"]
    assert frozenset({"gdelt:900201"}) not in graph_incidents(clean_graph, settings)
    # Relinking around the survivors gives what a full relink of the remaining rows gives.
    link_touched(clean_graph, settings.database, TouchedRows(detached.survivors))
    around = graph_checksum(clean_graph, settings)
    assert frozenset({"ucdp:300002", "gdelt:900101", "gdelt:900102", "gdelt:900103"}) in graph_incidents(
        clean_graph, settings
    )
    report = relink(clean_graph, settings.database, windows=Windows())
    assert graph_checksum(clean_graph, settings) == around and report.incidents_deleted == 0
    with clean_graph.session(database=settings.database) as session:
        assert session.execute_write(detach_reports, ids=gone) == DetachedReports()  # nothing left
