"""Provider loads into the real test server: events, resolved actors, accusations, fatalities, re-loads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from neo4j import Driver

from graph.model import Label
from graph.settings import GraphSettings
from graph.writes import merge_nodes
from loaders.curated import load_curated
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.checkpoint import fingerprint, progress_path, write_checkpoint
from loaders.providers.place_aliases import PlaceAliasTable

from .conftest import INCIDENT_COUNTS, graph_checksum, load, rows

PARTICIPANTS = """
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event {id: $id})
RETURN r.id, a.id, r.role ORDER BY r.id
"""


def test_acled_load_resolves_actors_onto_the_seed_ids(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    report = load(clean_graph, settings, data_dir / "acled_syria_2020.csv", "acled")
    assert (report.rows_read, report.events, report.rejected, report.rejects_path) == (
        4,
        4,
        0,
        None,
    )
    assert rows(clean_graph, settings, PARTICIPANTS, id="acled:SYR100001") == [
        ("participated_in:acled:SYR100001:actor1", "actor:syrian-armed-forces", "party"),
        ("participated_in:acled:SYR100001:actor2", "actor:turkish-armed-forces", "party"),
        ("participated_in:acled:SYR100001:assoc1-0", "actor:russian-armed-forces", "party"),
    ]
    assert rows(clean_graph, settings, PARTICIPANTS, id="acled:SYR100003") == [
        ("participated_in:acled:SYR100003:actor1", "actor:russian-armed-forces", "perpetrator"),
        ("participated_in:acled:SYR100003:actor2", "actor:civilians-syria", "victim"),
    ]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (e:Event) RETURN e.id, e.type, e.fatalities_best, e.date, e.date_precision, e.dataset, e.provider_id
        ORDER BY e.id""",
    ) == [
        ("acled:SYR100001", "airstrike", 33, "2020-02-27", "day", "acled", "SYR100001"),
        ("acled:SYR100002", "shelling", 4, "2020-05-09", "day", "acled", "SYR100002"),
        (
            "acled:SYR100003",
            "attack_on_civilians",
            5,
            "2020-05-06/2020-05-12",
            "week",
            "acled",
            "SYR100003",
        ),
        ("acled:SYR100004", "armed_clash", 12, "2020-02", "month", "acled", "SYR100004"),
    ]
    assert rows(
        clean_graph, settings, "MATCH (a:Actor) RETURN a.id, a.name, a.kind ORDER BY a.id"
    ) == [
        ("acled-actor:hayat-tahrir-al-sham", "Hayat Tahrir al-Sham", "armed_group"),
        ("actor:civilians-syria", "Civilians (Syria)", "civilians"),
        ("actor:russia", "Russia", "state"),
        ("actor:russian-armed-forces", "Russian Armed Forces", "armed_forces"),
        ("actor:syria", "Syria", "state"),
        ("actor:syrian-armed-forces", "Syrian Armed Forces", "armed_forces"),
        ("actor:turkey", "Turkey", "state"),
        ("actor:turkish-armed-forces", "Turkish Armed Forces", "armed_forces"),
    ]
    # "Military Forces of X (…)" ties its actor to X's state (the seed's ids) with the ACLED name
    # as evidence; "Civilians (Syria)" is only located in Syria.
    assert rows(
        clean_graph,
        settings,
        "MATCH (a)-[r:AFFILIATED_WITH]->(s) RETURN r.id, r.role, r.source_ids, r.quote ORDER BY r.id",
    ) == [
        (
            f"affiliated_with:actor:{army}-armed-forces->actor:{state}:part_of",
            "part_of",
            ["src:acled"],
            name,
        )
        for army, state, name in (
            ("russian", "russia", "Military Forces of Russia (2000-)"),
            ("syrian", "syria", "Military Forces of Syria (2000-)"),
            ("turkish", "turkey", "Military Forces of Turkey (2016-)"),
        )
    ]
    assert (report.actor_mentions, report.state_mentions, report.country_mentions) == (9, 7, 1)
    ((start, end),) = rows(
        clean_graph,
        settings,
        "MATCH (e:Event {id: 'acled:SYR100003'}) RETURN e.date_start, e.date_end",
    )
    assert (start.to_native(), end.to_native()) == (date(2020, 5, 6), date(2020, 5, 12))  # type: ignore[attr-defined]
    assert dict(report.unresolved) == {
        ("acled", "Hayat Tahrir al-Sham", "acled-actor:hayat-tahrir-al-sham"): 1
    }
    # Provenance: every node and relationship cites the dataset Source.
    assert (
        rows(clean_graph, settings, "MATCH (n) WHERE NOT 'src:acled' IN n.source_ids RETURN n.id")
        == []
    )
    assert (
        rows(
            clean_graph,
            settings,
            "MATCH ()-[r]->() WHERE NOT 'src:acled' IN r.source_ids RETURN r.id",
        )
        == []
    )
    assert rows(clean_graph, settings, "MATCH (s:Source) RETURN s.id, s.kind") == [
        ("src:acled", "dataset")
    ]
    assert rows(
        clean_graph, settings, "MATCH (e:Event {id: 'acled:SYR100001'}) RETURN e.acled_source"
    ) == [("Anadolu Agency; SOHR",)]


def test_gdelt_load_writes_accusations_statements_and_events(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    report = load(clean_graph, settings, data_dir / "gdelt_syria_2020.export.CSV", "gdelt")
    assert (report.rows_read, report.events, report.statements, report.rejected) == (13, 6, 5, 2)
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (speaker:Actor)-[:MADE]->(s:Statement)-[r:ACCUSES]->(target:Actor)
        RETURN s.id, speaker.id, target.id, r.charge, s.gdelt_goldstein, s.source_url ORDER BY s.id""",
    ) == [
        (
            "gdelt:900001",
            "actor:turkey",
            "actor:syrian-government",
            "aggression",
            -2.0,
            "https://example.org/turkey-accuses-syria",
        ),
        (
            "gdelt:900010",
            "actor:syrian-government",
            "actor:turkey",
            "war crimes",
            -2.0,
            "https://example.org/syria-accuses",
        ),
    ]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (speaker:Actor)-[:MADE]->(s:Statement) WHERE s.stance <> 'accusation'
        OPTIONAL MATCH (s)-[w:WARNS]->(t:Actor)
        RETURN s.id, s.stance, speaker.id, t.id ORDER BY s.id""",
    ) == [
        ("gdelt:900002", "denial", "actor:russia", None),
        ("gdelt:900009", "threat", "actor:turkey", "actor:syrian-government"),
    ]
    assert rows(clean_graph, settings, PARTICIPANTS, id="gdelt:900003") == [
        ("participated_in:gdelt:900003:actor1", "actor:turkish-armed-forces", "perpetrator"),
        ("participated_in:gdelt:900003:actor2", "actor:syrian-armed-forces", "target"),
    ]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (e:Event {id: 'gdelt:900003'})
        RETURN e.type, e.gdelt_quad_class, e.gdelt_num_mentions, e.gdelt_event_code, e.fatalities_best""",
    ) == [("airstrike", 4, 40, "195", None)]
    assert rows(
        clean_graph,
        settings,
        "MATCH (a:Actor) WHERE NOT a.id STARTS WITH 'actor:' RETURN a.id, a.kind, a.country",
    ) == [("gdelt-actor:SYRUAF", "armed_group", "SYR"), ("gdelt-actor:eng", "other", None)]
    # An accusation with an empty Actor1: no speaker, no stand-in actor, target and charge kept.
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (s:Statement {id: 'gdelt:900007'})-[r:ACCUSES]->(t:Actor)
        RETURN s.text, t.id, COUNT { (s)<-[:MADE]-() }, s.source_url""",
    ) == [
        (
            "Unidentified speaker: Accuse, not specified below (Turkey)",
            "actor:turkey",
            0,
            "https://example.org/anonymous",
        )
    ]
    # SYRMIL, SYRGOV, TURMIL, TURGOV, RUSGOV are organs of their state; SYRUAF is only in Syria.
    assert rows(
        clean_graph, settings, "MATCH (a)-[r:AFFILIATED_WITH]->(s) RETURN a.id, s.id, r.quote ORDER BY a.id"
    ) == [
        ("actor:russian-government", "actor:russia", "RUSGOV"),
        ("actor:syrian-armed-forces", "actor:syria", "SYRMIL"),
        ("actor:syrian-government", "actor:syria", "SYRGOV"),
        ("actor:turkish-armed-forces", "actor:turkey", "TURMIL"),
        ("actor:turkish-government", "actor:turkey", "TURGOV"),
    ]


def test_ucdp_load_keeps_fatality_ranges_and_precision(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    load(clean_graph, settings, data_dir / "ucdp_ged_syria.csv", "ucdp")
    load(clean_graph, settings, data_dir / "ucdp_ged_tagged.csv", "ucdp")
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (e:Event) RETURN e.id, e.fatalities_best, e.fatalities_low, e.fatalities_high, e.date_precision,
               e.ucdp_date_prec ORDER BY e.id""",
    ) == [
        ("ucdp:300001", 10, 8, 15, "day", 1),
        ("ucdp:300002", 34, 33, 36, "week", 2),
        ("ucdp:300003", 5, 5, 7, "month", 4),
        ("ucdp:300004", 2, 1, 2, "day", 1),
        ("ucdp:300010", 7, 6, 9, "day", 1),
        ("ucdp:300011", None, None, None, "week", 3),
    ]
    assert rows(clean_graph, settings, PARTICIPANTS, id="ucdp:300002") == [
        ("participated_in:ucdp:300002:side_a", "actor:turkish-government", "party"),
        ("participated_in:ucdp:300002:side_b", "actor:syrian-government", "party"),
    ]
    assert (
        rows(clean_graph, settings, PARTICIPANTS, id="ucdp:300010")[0][1]
        == "actor:russian-government"
    )


def test_provider_load_keeps_the_seed_actor_and_adds_its_dataset(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    seed = {
        "id": "actor:syrian-armed-forces",
        "name": "Syrian Arab Army",
        "kind": "armed_forces",
        "aliases": ["SAA"],
        "source_ids": ["src:seed-article"],
    }
    with clean_graph.session(database=settings.database) as session:
        session.execute_write(merge_nodes, Label.ACTOR, [seed])
    load(clean_graph, settings, data_dir / "acled_syria_2020.csv", "acled")
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (a:Actor {id: 'actor:syrian-armed-forces'}) RETURN a.name, a.aliases, a.source_ids""",
    ) == [("Syrian Arab Army", ["SAA"], ["src:seed-article", "src:acled"])]
    assert rows(
        clean_graph, settings, "MATCH (a:Actor) WHERE a.name CONTAINS 'Syria' RETURN count(a)"
    ) == [(3,)]  # the army, Civilians (Syria) and the state it is tied to


def test_provider_reload_is_idempotent(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    for name, fmt in (
        ("acled_syria_2020.csv", "acled"),
        ("gdelt_syria_2020.export.CSV", "gdelt"),
        ("ucdp_ged_syria.csv", "ucdp"),
    ):
        load(clean_graph, settings, data_dir / name, fmt)  # type: ignore[arg-type]
    before = graph_checksum(clean_graph, settings)
    for name, fmt in (
        ("acled_syria_2020.csv", "acled"),
        ("gdelt_syria_2020.export.CSV", "gdelt"),
        ("ucdp_ged_syria.csv", "ucdp"),
    ):
        again = load(clean_graph, settings, data_dir / name, fmt)  # type: ignore[arg-type]
        assert (
            again.counters["nodes_created"],
            again.counters["relationships_created"],
            again.counters["relationships_deleted"],
            again.actors_removed,
        ) == (0, 0, 0, 0)
    assert graph_checksum(clean_graph, settings) == before
    # 13 places with 14 LOCATED_IN and one OCCURRED_IN per placed row; 6 organ → state ties; the
    # GDELT accusation with an empty Actor1 (gdelt:900007) is a statement without a speaker
    # GDELT rows and the ACLED/UCDP rows they repeat form incidents (REPORTED_AS from each)
    incidents, reported, contending = rows(clean_graph, settings, INCIDENT_COUNTS)[0]
    assert incidents and reported > incidents  # type: ignore[operator]
    assert before[:2] == (50 + incidents, 75 + reported + contending)  # type: ignore[operator]


def test_reload_after_adding_an_alias_moves_links_and_drops_the_orphan(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path, tmp_path: Path
) -> None:
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(DEFAULT_ALIASES.read_text())
    first = load(clean_graph, settings, data_dir / "acled_syria_2020.csv", "acled", aliases=aliases)
    assert ("acled", "Hayat Tahrir al-Sham", "acled-actor:hayat-tahrir-al-sham") in first.unresolved
    with aliases.open("a") as stream:
        stream.write("acled,Hayat Tahrir al-Sham,actor:hts,Hayat Tahrir al-Sham,armed_group,SYR\n")
    second = load(
        clean_graph, settings, data_dir / "acled_syria_2020.csv", "acled", aliases=aliases
    )
    assert second.unresolved == {}
    assert (
        second.counters["relationships_deleted"],
        second.counters["relationships_created"],
        second.actors_removed,
    ) == (1, 1, 1)
    assert rows(clean_graph, settings, PARTICIPANTS, id="acled:SYR100004") == [
        ("participated_in:acled:SYR100004:actor1", "actor:hts", "party"),
        ("participated_in:acled:SYR100004:actor2", "actor:syrian-armed-forces", "party"),
    ]
    assert (
        rows(
            clean_graph,
            settings,
            "MATCH (a:Actor) WHERE a.id STARTS WITH 'acled-actor:' RETURN a.id",
        )
        == []
    )
    assert rows(clean_graph, settings, "MATCH ()-[r:PARTICIPATED_IN]->() RETURN count(r)") == [(9,)]


def test_provider_load_resumes_after_the_checkpoint(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    path = data_dir / "acled_syria_2020.csv"
    write_checkpoint(
        path, fingerprint(path, "acled", AliasTable.load().digest + PlaceAliasTable.load().digest), 3
    )  # lines 2-3 committed
    report = load(clean_graph, settings, path, "acled")
    assert (report.rows_read, report.skipped_resumed, report.events) == (4, 2, 4)
    assert rows(clean_graph, settings, "MATCH (e:Event) RETURN e.id ORDER BY e.id") == [
        ("acled:SYR100003",),
        ("acled:SYR100004",),
    ]
    assert not progress_path(path).exists()
    assert (
        "acled",
        "Hayat Tahrir al-Sham",
        "acled-actor:hayat-tahrir-al-sham",
    ) in report.unresolved


def test_provider_load_ignores_a_checkpoint_of_another_file_version(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    path = data_dir / "acled_syria_2020.csv"
    write_checkpoint(path, "stale-fingerprint", 5)
    report = load(clean_graph, settings, path, "acled")
    assert (report.skipped_resumed, report.events) == (0, 4)
    assert rows(clean_graph, settings, "MATCH (e:Event) RETURN count(e)") == [(4,)]


def test_provider_loads_merge_onto_the_loaded_seed_story(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    seed = Path(__file__).resolve().parents[3] / "data" / "seed" / "idlib-2018-2020.yaml"
    with clean_graph.session(database=settings.database) as session:
        load_curated(seed, session)
    seed_actors = rows(clean_graph, settings, "MATCH (a:Actor) RETURN a.id, a.name, a.aliases ORDER BY a.id")
    for name, fmt in (
        ("acled_syria_2020.csv", "acled"),
        ("gdelt_syria_2020.export.CSV", "gdelt"),
        ("ucdp_ged_syria.csv", "ucdp"),
    ):
        load(clean_graph, settings, data_dir / name, fmt)  # type: ignore[arg-type]
    after = rows(clean_graph, settings, "MATCH (a:Actor) RETURN a.id, a.name, a.aliases ORDER BY a.id")
    assert [a for a in after if a[0].startswith("actor:")] == seed_actors  # type: ignore[union-attr]
    assert [a[0] for a in after if not a[0].startswith("actor:")] == [  # type: ignore[union-attr]
        "acled-actor:hayat-tahrir-al-sham",
        "gdelt-actor:SYRUAF",
        "gdelt-actor:eng",
        "ucdp-actor:6457",
    ]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (:Actor {id: 'actor:syrian-armed-forces'})-[:PARTICIPATED_IN]->(e:Event)
        RETURN e.dataset, count(e) ORDER BY e.dataset""",
    ) == [("acled", 3), ("gdelt", 1), (None, 2)]  # None: the seed's own events
