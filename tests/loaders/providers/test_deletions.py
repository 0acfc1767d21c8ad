"""ACLED deletion lists into the real test server: exactly the named events go, with what only they used."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.delete_run import delete_provider_rows
from loaders.providers.deletions import DeletionRecord, read_acled_deletions
from loaders.providers.text import WrongFormatError
from schema.providers import Rejected

from .conftest import ACLED_HEADER, CKG, acled_row, graph_checksum, load, rows, write_csv

PUBLISHED = 1583000000
EVENT_IDS = "MATCH (e:Event) RETURN e.id ORDER BY e.id"
# Everything about the events that stay: properties and every relationship with its far end.
KEPT = """
MATCH (e:Event) WHERE NOT e.id IN $gone
OPTIONAL MATCH (e)-[r]-(n)
RETURN e.id, properties(e), collect([type(r), n.id, properties(r)]) ORDER BY e.id
"""


def _kept(driver: Driver, settings: GraphSettings, gone: list[str]) -> list[tuple[object, ...]]:
    found = rows(driver, settings, KEPT, gone=gone)
    return [(i, props, sorted(map(str, links))) for i, props, links in found]  # type: ignore[call-overload]


def _api(path: Path, data: list[dict[str, object]]) -> Path:
    """A deletion list as ACLED's API answers it."""
    envelope = {"status": 200, "success": True, "last_update": 0, "count": len(data), "data": data}
    path.write_text(json.dumps(envelope), encoding="utf-8")
    return path


def _delete(driver: Driver, settings: GraphSettings, path: Path, batch_size: int = 5000):  # type: ignore[no-untyped-def]
    return delete_provider_rows(driver, settings.database, path, batch_size=batch_size)


@pytest.fixture
def acled_loaded(clean_graph: Driver, settings: GraphSettings, tmp_path: Path) -> Path:
    """Five ACLED rows (airstrike, shelling, attack, HTS clash at Nayrab, airstrike) as published."""
    path = write_csv(tmp_path / "acled.csv", ACLED_HEADER, [acled_row(n) for n in range(5)])
    assert load(clean_graph, settings, path, "acled").created == 5
    return path


def test_a_deletion_list_removes_exactly_the_named_events_and_their_orphans(
    clean_graph: Driver, settings: GraphSettings, acled_loaded: Path, tmp_path: Path
) -> None:
    gone = ["acled:SYR300001", "acled:SYR300003"]
    kept = _kept(clean_graph, settings, gone)
    places_before = {p for (p,) in rows(clean_graph, settings, "MATCH (p:Place) RETURN p.id")}
    path = _api(
        tmp_path / "deleted.json",
        [
            {"event_id_cnty": "SYR300001", "deleted_timestamp": str(PUBLISHED + 10)},
            {"event_id_cnty": "SYR300003", "deleted_timestamp": PUBLISHED},  # as new as the row
            {
                "event_id_cnty": "SYR300002",
                "deleted_timestamp": str(PUBLISHED - 10),
            },  # re-published since
            {"event_id_cnty": "SYR999999", "deleted_timestamp": "1658707200"},  # never loaded
        ],
    )
    report = _delete(clean_graph, settings, path)
    assert report.outcomes == {"created": 0, "updated": 0, "unchanged": 1, "deleted": 2}
    assert (report.not_found, report.rejected, report.rows_read) == (1, 0, 4)
    assert rows(clean_graph, settings, EVENT_IDS) == [
        ("acled:SYR300000",),
        ("acled:SYR300002",),
        ("acled:SYR300004",),
    ]
    assert _kept(clean_graph, settings, gone) == kept
    # HTS only fought at Nayrab (SYR300003): its source-qualified actor and the town went with it;
    # canonical actors and the places other events use stay.
    assert report.actors_removed == 1
    assert (
        rows(
            clean_graph, settings, "MATCH (a:Actor) WHERE NOT a.id STARTS WITH 'actor:' RETURN a.id"
        )
        == []
    )
    places_after = {p for (p,) in rows(clean_graph, settings, "MATCH (p:Place) RETURN p.id")}
    assert places_before - places_after == {  # the two towns and the districts only they were in
        "place:syr:idlib:@nayrab",
        "place:syr:idlib:idleb",
        "place:syr:idlib:idleb:idleb",
        "place:syr:idlib:@saraqib",
        "place:syr:idlib:saraqab",
        "place:syr:idlib:saraqab:saraqab",
    }
    assert report.places_removed == 6
    assert (
        rows(clean_graph, settings, "MATCH (p:Place) WHERE NOT EXISTS { (p)<--() } RETURN p.id")
        == []
    )
    # The same list again: nothing left to delete, nothing changes.
    before = graph_checksum(clean_graph, settings)
    again = _delete(clean_graph, settings, path)
    assert (again.deleted, again.not_found, again.unchanged) == (0, 3, 1)
    assert graph_checksum(clean_graph, settings) == before


def test_a_place_a_curated_dataset_asserts_stays_when_its_last_event_is_deleted(
    clean_graph: Driver, settings: GraphSettings, acled_loaded: Path, tmp_path: Path
) -> None:
    clean_graph.execute_query(
        "MATCH (p:Place {id: 'place:syr:idlib:@nayrab'}) SET p.source_ids = p.source_ids + 'src:seed-article'",
        database_=settings.database,
    )
    path = write_csv(
        tmp_path / "deleted.csv",
        ["event_id_cnty", "deleted_timestamp"],
        [["SYR300003", "1658707200"]],
    )
    report = _delete(clean_graph, settings, path)
    assert (report.deleted, report.actors_removed) == (1, 1)
    assert rows(
        clean_graph, settings, "MATCH (p:Place {id: 'place:syr:idlib:@nayrab'}) RETURN count(p)"
    ) == [(1,)]


def test_deleting_a_report_dissolves_an_incident_left_with_one_report(
    clean_graph: Driver, settings: GraphSettings, acled_loaded: Path, tmp_path: Path
) -> None:
    # Incidents as the incident linker writes them: one per group of reports of the same event.
    clean_graph.execute_query(
        """
        MATCH (a:Event {id: 'acled:SYR300000'}), (b:Event {id: 'acled:SYR300004'}),
              (c:Event {id: 'acled:SYR300001'}), (d:Event {id: 'acled:SYR300002'}),
              (e:Event {id: 'acled:SYR300003'})
        CREATE (pair:Incident {id: 'incident:pair'})-[:REPORTED_AS]->(a),
               (pair)-[:REPORTED_AS]->(b),
               (three:Incident {id: 'incident:three'})-[:REPORTED_AS]->(c),
               (three)-[:REPORTED_AS]->(d),
               (three)-[:REPORTED_AS]->(e)
        """,
        database_=settings.database,
    )
    path = write_csv(
        tmp_path / "deleted.csv",
        ["event_id_cnty", "deleted_timestamp"],
        [["SYR300004", "1658707200"], ["SYR300003", "1658707200"]],
    )
    report = _delete(clean_graph, settings, path, batch_size=1)
    assert (report.deleted, report.incidents_dissolved, report.batches) == (2, 1, 2)
    assert rows(
        clean_graph,
        settings,
        "MATCH (i:Incident)-[:REPORTED_AS]->(e) WITH i, e ORDER BY e.id RETURN i.id, collect(e.id)",
    ) == [("incident:three", ["acled:SYR300001", "acled:SYR300002"])]
    assert rows(clean_graph, settings, "MATCH (i:Incident) RETURN i.id") == [("incident:three",)]


def test_deletion_lists_read_as_api_json_bare_json_or_csv_and_bad_rows_are_rejects(
    tmp_path: Path,
) -> None:
    api = _api(
        tmp_path / "api.json", [{"event_id_cnty": "SYR1", "deleted_timestamp": "1658707200"}]
    )
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps([{"event_id_cnty": "SYR1", "deleted_timestamp": 1658707200}]))
    table = write_csv(
        tmp_path / "deleted.csv",
        ["event_id_cnty", "deleted_timestamp"],
        [
            ["SYR1", "1658707200"],
            ["", "1658707200"],
            ["SYR2", "yesterday"],
            ["SYR3", ""],
            ["SYR4", "-5"],
            ["SYR5"],
        ],
    )
    expected = DeletionRecord(1, "SYR1", 1658707200)
    assert list(read_acled_deletions(api)) == [expected]
    assert list(read_acled_deletions(bare)) == [expected]
    assert list(read_acled_deletions(table)) == [
        DeletionRecord(2, "SYR1", 1658707200),
        Rejected(3, "event_id_cnty", "empty row id", ""),
        Rejected(4, "deleted_timestamp", "not a number", "yesterday"),
        Rejected(5, "deleted_timestamp", "empty: when ACLED deleted the row is needed", ""),
        Rejected(6, "deleted_timestamp", "not a Unix time (seconds since 1970)", "-5"),
        Rejected(7, "(row)", "expected 2 fields, found 1", ""),
    ]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps([{"event_id_cnty": ["SYR1"], "deleted_timestamp": 1}, "SYR2"]))
    assert [(r.line, r.column) for r in read_acled_deletions(broken)] == [  # type: ignore[union-attr]
        (1, "event_id_cnty"),
        (2, "(row)"),
    ]


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ('{"status": 403, "success": false, "error": {"message": "Access denied"}}', "API error"),
        ('{"data": {"event_id_cnty": "SYR300001"}}', "expected a list of deletions"),
        (
            "event_id_cnty,event_date,actor1\nSYR300001,2020-02-27,x\n",
            "missing column(s) deleted_timestamp",
        ),
        (
            '[{"event_id_cnty": "SYR300001", "deleted_timestamp": 1658707200}',
            "not an ACLED deletion list",
        ),
    ],
)
def test_a_refused_deletion_file_leaves_the_graph_as_it_was(
    clean_graph: Driver,
    settings: GraphSettings,
    acled_loaded: Path,
    tmp_path: Path,
    content: str,
    why: str,
) -> None:
    before = graph_checksum(clean_graph, settings)
    path = tmp_path / "deleted.json"
    path.write_text(content)
    with pytest.raises(WrongFormatError, match=why.replace("(", r"\(").replace(")", r"\)")):
        _delete(clean_graph, settings, path)
    assert graph_checksum(clean_graph, settings) == before


def test_cli_applies_a_deletion_list_and_reports_rows(
    cli_env: dict[str, str],
    clean_graph: Driver,
    settings: GraphSettings,
    acled_loaded: Path,
    tmp_path: Path,
) -> None:
    path = write_csv(
        tmp_path / "deleted.csv",
        ["event_id_cnty", "deleted_timestamp"],
        [["SYR300000", "1658707200"], ["SYR999999", "1658707200"], ["SYR300001", "soon"]],
    )

    def ckg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(CKG), "load", str(path), "--format", "acled-deletions", *args],
            env={**cli_env, "COLUMNS": "200"},
            capture_output=True,
            text=True,
            check=False,
        )

    done = ckg()
    assert done.returncode == 1, done.stderr
    assert "Rows: 0 created, 0 updated, 0 unchanged" in done.stdout
    assert "1 deleted; 1 not found." in done.stdout
    assert "1 row(s) rejected" in done.stderr
    assert path.with_name("deleted.csv.rejects.csv").read_text().splitlines()[1] == (
        "4,deleted_timestamp,not a number,soon"
    )
    assert ("acled:SYR300000",) not in rows(clean_graph, settings, EVENT_IDS)
    assert ckg("--max-rejects", "1").returncode == 0
