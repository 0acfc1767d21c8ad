"""Newer provider files into the real test server: ACLED rows replaced by timestamp, UCDP rows by content."""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.text import WrongFormatError

from .conftest import (
    ACLED_HEADER,
    UCDP_HEADER,
    acled_row,
    graph_checksum,
    load,
    rows,
    ucdp_row,
    write_csv,
)

PUBLISHED, REVISED, EARLIER = "1583000000", "1590000000", "1500000000"
KAFR_NABL = {
    "admin2": "Maarrat al-Numan",
    "admin3": "Kafr Nabl",
    "location": "Kafr Nabl",
    "latitude": "35.6132",
    "longitude": "36.5608",
}
EVENTS = "MATCH (e:Event) RETURN e.id, e.fatalities_best, e.acled_timestamp ORDER BY e.id"
PARTICIPANTS = """
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Event {id: $id}) RETURN r.id, a.id, r.role ORDER BY r.id
"""
PLACE_OF = "MATCH (:Event {id: $id})-[r:OCCURRED_IN]->(p:Place) RETURN p.id, r.id"
PLACES = "MATCH (p:Place) RETURN p.id ORDER BY p.id"
ACTORS = "MATCH (a:Actor) RETURN a.id ORDER BY a.id"
# Everything in the graph except the named events and what hangs on them only.
OTHERS = """
MATCH (e:Event) WHERE NOT e.id IN $ids
OPTIONAL MATCH (e)-[r]-(n)
RETURN e.id, properties(e), collect([type(r), n.id, properties(r)]) ORDER BY e.id
"""


def _state(driver: Driver, settings: GraphSettings, ids: list[str]) -> list[tuple[object, ...]]:
    found = rows(driver, settings, OTHERS, ids=ids)
    return [(i, props, sorted(map(str, links))) for i, props, links in found]  # type: ignore[call-overload]


@pytest.fixture
def acled_base(clean_graph: Driver, settings: GraphSettings, tmp_path: Path) -> Path:
    """Four ACLED rows (the fixture's airstrike, shelling, attack, clash) as first published, loaded."""
    path = write_csv(tmp_path / "acled-week1.csv", ACLED_HEADER, [acled_row(n) for n in range(4)])
    report = load(clean_graph, settings, path, "acled")
    assert report.outcomes == {"created": 4, "updated": 0, "unchanged": 0, "deleted": 0}
    return path


def test_a_newer_acled_export_replaces_only_rows_with_a_newer_timestamp(
    clean_graph: Driver, settings: GraphSettings, acled_base: Path, tmp_path: Path
) -> None:
    assert ("acled-actor:hayat-tahrir-al-sham",) in rows(clean_graph, settings, ACTORS)
    old_place = rows(clean_graph, settings, PLACE_OF, id="acled:SYR300003")
    assert old_place == [("place:syr:idlib:@nayrab", "occurred_in:acled:SYR300003:place")]
    untouched = _state(clean_graph, settings, ["acled:SYR300003"])
    update = write_csv(
        tmp_path / "acled-week2.csv",
        ACLED_HEADER,
        [
            acled_row(0, fatalities="40"),  # same timestamp, other content: not a new version
            acled_row(1, fatalities="9", timestamp=EARLIER),  # an older re-delivery
            acled_row(2),  # the same row again
            acled_row(  # revised: other perpetrator, other town, more deaths, another source
                3,
                actor1="Military Forces of Turkey (2016-)",
                inter1="State forces",
                source="SOHR",
                fatalities="14",
                timestamp=REVISED,
                **KAFR_NABL,
            ),
            acled_row(4),  # new
        ],
    )
    report = load(clean_graph, settings, update, "acled")
    assert report.outcomes == {"created": 1, "updated": 1, "unchanged": 3, "deleted": 0}
    assert (report.stale, report.events, report.rejected) == (2, 5, 0)
    assert rows(clean_graph, settings, EVENTS) == [
        ("acled:SYR300000", 33, int(PUBLISHED)),
        ("acled:SYR300001", 4, int(PUBLISHED)),
        ("acled:SYR300002", 5, int(PUBLISHED)),
        ("acled:SYR300003", 14, int(REVISED)),
        ("acled:SYR300004", 33, int(PUBLISHED)),
    ]
    # The revised row is the new row through and through: no stale participant, place or source.
    assert rows(clean_graph, settings, PARTICIPANTS, id="acled:SYR300003") == [
        ("participated_in:acled:SYR300003:actor1", "actor:turkish-armed-forces", "party"),
        ("participated_in:acled:SYR300003:actor2", "actor:syrian-armed-forces", "party"),
    ]
    assert rows(clean_graph, settings, PLACE_OF, id="acled:SYR300003") == [
        ("place:syr:idlib:@kafr-nabl", "occurred_in:acled:SYR300003:place")
    ]
    assert rows(
        clean_graph,
        settings,
        "MATCH (e:Event {id: 'acled:SYR300003'}) RETURN e.acled_source, e.acled_location, e.title",
    ) == [
        (
            "SOHR",
            "Kafr Nabl",
            "Armed clash: Military Forces of Turkey (2016-) – Military Forces of Syria (2000-) (Kafr Nabl)",
        )
    ]
    # What only the old version used is gone: HTS's source-qualified actor, Nayrab and its district.
    assert report.actors_removed == 1
    assert ("acled-actor:hayat-tahrir-al-sham",) not in rows(clean_graph, settings, ACTORS)
    places = [p for (p,) in rows(clean_graph, settings, PLACES)]
    assert "place:syr:idlib:@nayrab" not in places and "place:syr:idlib:@kafr-nabl" in places
    assert report.places_removed >= 1
    assert (
        rows(
            clean_graph,
            settings,
            "MATCH (p:Place) WHERE NOT EXISTS { (p)<--() } AND NOT EXISTS { (p)-[:LOCATED_IN]->() } "
            "RETURN p.id",
        )
        == []
    )
    # The rows the file did not change are exactly as they were, links included.
    assert _state(clean_graph, settings, ["acled:SYR300003", "acled:SYR300004"]) == untouched
    # Loading the update again changes nothing.
    before = graph_checksum(clean_graph, settings)
    again = load(clean_graph, settings, update, "acled")
    assert again.outcomes == {"created": 0, "updated": 0, "unchanged": 5, "deleted": 0}
    assert (again.counters["nodes_created"], again.counters["relationships_deleted"]) == (0, 0)
    assert graph_checksum(clean_graph, settings) == before


def test_a_stale_row_writes_nothing_not_even_the_place_it_was_first_to_name(
    clean_graph: Driver, settings: GraphSettings, acled_base: Path, tmp_path: Path
) -> None:
    # Batch 1: an older version of row 0, placed in a town the graph does not have; batch 2: a new
    # row in that town. The place is written for the new row only.
    update = write_csv(
        tmp_path / "acled-week2.csv",
        ACLED_HEADER,
        [acled_row(0, timestamp=EARLIER, **KAFR_NABL), acled_row(4, **KAFR_NABL)],
    )
    report = load(clean_graph, settings, update, "acled", batch_size=1)
    assert report.outcomes == {"created": 1, "updated": 0, "unchanged": 1, "deleted": 0}
    assert rows(clean_graph, settings, PLACE_OF, id="acled:SYR300004") == [
        ("place:syr:idlib:@kafr-nabl", "occurred_in:acled:SYR300004:place")
    ]
    assert rows(clean_graph, settings, PLACE_OF, id="acled:SYR300000") == [
        ("place:syr:idlib:@balyun", "occurred_in:acled:SYR300000:place")
    ]


def test_a_new_ucdp_ged_version_updates_the_rows_that_changed(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    first = write_csv(tmp_path / "ged231.csv", UCDP_HEADER, [ucdp_row(n) for n in range(3)])
    assert load(clean_graph, settings, first, "ucdp").outcomes["created"] == 3
    unchanged = _state(clean_graph, settings, ["ucdp:400001"])
    newer = write_csv(
        tmp_path / "ged241.csv",
        UCDP_HEADER,
        [
            ucdp_row(0),
            ucdp_row(1, best="40", high="45", side_b="Syrian insurgents", side_b_new_id="221"),
            ucdp_row(2),
            ucdp_row(3),
        ],
    )
    report = load(clean_graph, settings, newer, "ucdp")
    assert report.outcomes == {"created": 1, "updated": 1, "unchanged": 2, "deleted": 0}
    assert rows(
        clean_graph,
        settings,
        "MATCH (e:Event {id: 'ucdp:400001'}) RETURN e.fatalities_best, e.fatalities_high",
    ) == [(40, 45)]
    assert [r[1] for r in rows(clean_graph, settings, PARTICIPANTS, id="ucdp:400001")] == [
        "actor:turkish-government",
        "actor:syrian-opposition",
    ]
    assert _state(clean_graph, settings, ["ucdp:400001", "ucdp:400003"]) == unchanged
    before = graph_checksum(clean_graph, settings)
    assert load(clean_graph, settings, newer, "ucdp").outcomes["unchanged"] == 4
    assert graph_checksum(clean_graph, settings) == before


def test_a_refused_update_file_leaves_the_graph_as_it_was(
    clean_graph: Driver, settings: GraphSettings, acled_base: Path, tmp_path: Path
) -> None:
    before = graph_checksum(clean_graph, settings)
    latin1 = write_csv(  # a revision saved as Latin-1: refused whole before any row is read
        tmp_path / "acled-week2.csv",
        ACLED_HEADER,
        [acled_row(3, notes="Frappe près de Nayrab", timestamp=REVISED)],
        encoding="latin-1",
    )
    with pytest.raises(WrongFormatError):
        load(clean_graph, settings, latin1, "acled")
    assert graph_checksum(clean_graph, settings) == before
