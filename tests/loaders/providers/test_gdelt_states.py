"""All of GDELT (1.0 and 2.0 layouts, zips, ethnic codes, unknown speakers) and states for provider actors.

Fixtures (exact published layouts, tab-separated, no header):
- gdelt_v1_daily.export.CSV: real GDELT 1.0 daily rows (58 columns), from public test data
  (usc-isi-i2/etk's 20170912 export sample; loum/geoutils' 20141124 rows).
- 200411.csv: the 1.0 historical backfile layout (57 columns, no SOURCEURL): loum/geoutils' real
  row in that layout and two real 1.0 rows without their SOURCEURL; zipped here as 200411.zip.
- gdelt_world_2024.export.CSV: a real 2.0 row (USAGOV, 2024) and rows in its layout with
  CAMEO ethnic and religion codes, regions, and accusations between India, Pakistan and China.
- 20240322120000.translation.export.CSV: translingual 2.0 rows (same 61 columns), zipped here
  as GDELT publishes them (`*.translation.export.CSV.zip`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.settings import GraphSettings
from loaders.providers.detect import sniff_provider_format
from loaders.providers.gdelt import read_gdelt
from schema.providers import Rejected

from .conftest import graph_checksum, load, rows

TRANSLATION = "20240322120000.translation.export.CSV"


def _zip(data_dir: Path, name: str, zip_name: str) -> Path:
    target = data_dir / zip_name
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(data_dir / name, arcname=name)
    return target


def _all_files(data_dir: Path) -> list[Path]:
    return [
        data_dir / "gdelt_world_2024.export.CSV",
        _zip(data_dir, TRANSLATION, TRANSLATION + ".zip"),
        data_dir / "gdelt_v1_daily.export.CSV",
        _zip(data_dir, "200411.csv", "200411.zip"),
    ]


def test_every_gdelt_layout_reads_by_column_name_with_nothing_rejected(data_dir: Path) -> None:
    for path in _all_files(data_dir):
        assert sniff_provider_format(path) == "gdelt", path
        items = list(read_gdelt(path))
        assert [item for item in items if isinstance(item, Rejected)] == [], path
    daily = {r.id: r for r in read_gdelt(data_dir / "gdelt_v1_daily.export.CSV")}  # type: ignore[union-attr]
    backfile = {r.id: r for r in read_gdelt(data_dir / "200411.zip")}  # type: ignore[union-attr]
    # The same real row in both 1.0 layouts: same record, except the backfile has no SOURCEURL.
    assert daily["gdelt:324845987"].extras == backfile["gdelt:324845987"].extras
    assert daily["gdelt:324845987"].source_url == "http://www.jaunted.com/story/2014/11/18/73710/605/travel/How+to+Get+a+Visa+to+Visit+Papua+New+Guinea+"
    assert backfile["gdelt:324845987"].source_url is None
    assert daily["gdelt:324845987"].location.latitude == -9.46472  # ActionGeo_Lat by name
    assert daily["gdelt:688668849"].speaker.key == "CHRCTH"  # religion codes: Christian, Catholic
    assert daily["gdelt:324845984"].speaker is None  # 014 with an empty Actor1: a statement, speaker unknown


def test_gdelt_files_of_every_layout_load_twice_with_nothing_rejected_and_nothing_changed(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    files = _all_files(data_dir)
    reports = [load(clean_graph, settings, path, "gdelt") for path in files]
    assert [(r.rows_read, r.rejected, r.rejects_path) for r in reports] == [
        (14, 0, None),
        (3, 0, None),
        (13, 0, None),
        (3, 0, None),
    ]
    world = reports[0]
    # 25 actor mentions written; 15 are a state or its government/forces, 2 only located in a
    # country (the Mende of Sierra Leone, Pakistani civilians).
    assert (world.actor_mentions, world.state_mentions, world.country_mentions) == (25, 15, 2)
    before = graph_checksum(clean_graph, settings)
    again = [load(clean_graph, settings, path, "gdelt") for path in files]
    assert [r.counters["nodes_created"] + r.counters["relationships_created"] for r in again] == [0] * 4
    assert [r.counters["relationships_deleted"] + r.actors_removed for r in again] == [0] * 4
    assert graph_checksum(clean_graph, settings) == before


def test_ethnic_religion_region_and_unknown_codes_are_actors_and_only_countries_are_states(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    load(clean_graph, settings, data_dir / "gdelt_world_2024.export.CSV", "gdelt")
    actors = rows(
        clean_graph,
        settings,
        """
        MATCH (a:Actor) WHERE a.id STARTS WITH 'gdelt-actor:'
        RETURN a.id, a.name, a.kind, a.country, a.description ORDER BY a.id""",
    )
    assert [a for a in actors if a[0] in {"gdelt-actor:AFR", "gdelt-actor:hni", "gdelt-actor:baqGOV", "gdelt-actor:XYZ"}] == [
        ("gdelt-actor:AFR", "Africa", "other", None, "CAMEO AFR: Africa"),
        ("gdelt-actor:XYZ", "Xyz Group", "other", None, None),
        ("gdelt-actor:baqGOV", "Basque", "government", None, "CAMEO baqGOV: ethnic group Basque, Government"),
        ("gdelt-actor:hni", "Hani", "other", None, "CAMEO hni: ethnic group Hani"),
    ]
    # Regions (AFR, WST) are never states; the states are exactly the countries named.
    assert rows(
        clean_graph, settings, "MATCH (a:Actor {kind: 'state'}) RETURN a.id, a.name, a.country ORDER BY a.id"
    ) == [
        ("actor:state-chn", "China", "CHN"),
        ("actor:state-gbr", "United Kingdom", "GBR"),
        ("actor:state-ind", "India", "IND"),
        ("actor:state-pak", "Pakistan", "PAK"),
        ("actor:state-sle", "Sierra Leone", "SLE"),
        ("actor:state-usa", "United States", "USA"),
    ]
    # (ESPGOV is only the addressee of an intent, which links no target.) Governments and forces are tied to their state; the Mende, Shia or Pakistani civilians are not.
    assert rows(
        clean_graph,
        settings,
        "MATCH (a)-[r:AFFILIATED_WITH]->(s) RETURN a.id, r.role, s.id, r.source_ids, r.quote ORDER BY a.id",
    ) == [
        (f"gdelt-actor:{code}", "part_of", f"actor:state-{code[:3].lower()}", ["src:gdelt"], code)
        for code in ("CHNGOV", "GBRGOV", "INDGOV", "INDMIL", "PAKGOV", "PAKMIL", "SLEGOV", "USAGOV")
    ]
    assert rows(
        clean_graph,
        settings,
        "MATCH (a:Actor) WHERE a.id IN ['gdelt-actor:SLEmen', 'gdelt-actor:PAKCVL'] RETURN a.id, a.country ORDER BY a.id",
    ) == [("gdelt-actor:PAKCVL", "PAK"), ("gdelt-actor:SLEmen", "SLE")]


def test_state_level_network_of_three_countries_the_seed_does_not_know_has_only_states(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    load(clean_graph, settings, data_dir / "gdelt_world_2024.export.CSV", "gdelt")
    with TestClient(create_app(settings)) as client:
        network = client.get("/accusations/network", params={"level": "state"}).json()
        rows_ = client.get("/accusations", params={"level": "state"}).json()["items"]
        by_actor = client.get("/accusations", params={"accuser": "actor:state-ind", "level": "state"}).json()
        paged, cursor = [], None
        for _ in range(5):  # pages of 2 go through the unknown accuser's row like any other
            page = client.get("/accusations", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
            paged += [item["id"] for item in page["items"]]
            if not (cursor := page["next_cursor"]):
                break
        statement = client.get("/statements/gdelt:1233800005")
    assert [(n["id"], n["kind"]) for n in network["nodes"]] == [
        ("actor:state-chn", "state"),
        ("actor:state-ind", "state"),
        ("actor:state-pak", "state"),
    ]
    assert sorted((e["source"], e["target"], e["mutual"]) for e in network["edges"]) == [
        ("actor:state-chn", "actor:state-ind", True),
        ("actor:state-ind", "actor:state-chn", True),
        ("actor:state-ind", "actor:state-pak", True),
        ("actor:state-pak", "actor:state-ind", True),
    ]
    # The accusation nobody is named for: listed, marked, never rolled up or matched to an accuser.
    unknown = [row for row in rows_ if row["accuser_unknown"]]
    assert [(r["accuser"], r["speakers"], r["accused"]["id"], r["statement"]["id"]) for r in unknown] == [
        (None, [], "actor:state-pak", "gdelt:1233800005")
    ]
    assert unknown[0]["sources"][0]["id"] == "src:gdelt"
    assert len(rows_) == 5 and all(r["accuser_unknown"] is (r["accuser"] is None) for r in rows_)
    assert {r["statement"]["id"] for r in by_actor["items"]} == {"gdelt:1233800001", "gdelt:1233800004"}
    assert sorted(paged) == sorted(r["id"] for r in rows_) and len(set(paged)) == 5
    assert statement.status_code == 200
    detail = statement.json()
    assert detail["summary"] == "Unidentified speaker: Accuse, not specified below (Pakistan)"
    assert [(a["id"], a["role"]) for a in detail["actors"]] == [("actor:state-pak", "accused")]


def test_a_graph_loaded_before_states_gains_them_by_loading_the_same_file_again(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    # What the loader before states wrote for two rows: AFR as a state named "Africa", the bare
    # code IND as its own actor, no ties.
    clean_graph.execute_query(
        """
        CREATE (china:Actor {id: 'gdelt-actor:CHNGOV', name: 'China', kind: 'government', country: 'CHN',
                             source_ids: ['src:gdelt']})
        CREATE (africa:Actor {id: 'gdelt-actor:AFR', name: 'Africa', kind: 'state', country: 'AFR',
                              source_ids: ['src:gdelt']})
        CREATE (india:Actor {id: 'gdelt-actor:IND', name: 'India', kind: 'state', country: 'IND',
                             source_ids: ['src:gdelt']})
        CREATE (s:Statement {id: 'gdelt:1233800003', source_ids: ['src:gdelt']})
        CREATE (e:Event {id: 'gdelt:1233800012', source_ids: ['src:gdelt']})
        CREATE (china)-[:MADE {id: 'made:gdelt:1233800003:speaker', source_ids: ['src:gdelt']}]->(s)
        CREATE (s)-[:ACCUSES {id: 'accuses:gdelt:1233800003:target', source_ids: ['src:gdelt']}]->(india)
        CREATE (africa)-[:PARTICIPATED_IN {id: 'participated_in:gdelt:1233800012:actor2', role: 'party',
                                           source_ids: ['src:gdelt']}]->(e)
        """,
        database_=settings.database,
    )
    report = load(clean_graph, settings, data_dir / "gdelt_world_2024.export.CSV", "gdelt")
    assert report.actors_removed == 1  # gdelt-actor:IND: its accusation now names India's state
    assert rows(
        clean_graph, settings, "MATCH (a:Actor {id: 'gdelt-actor:AFR'}) RETURN a.kind, a.country"
    ) == [("other", None)]
    assert rows(
        clean_graph,
        settings,
        """
        MATCH (speaker)-[:MADE]->(:Statement {id: 'gdelt:1233800003'})-[:ACCUSES]->(named)
        MATCH (speaker)-[:AFFILIATED_WITH {role: 'part_of'}]->(state)
        RETURN speaker.id, state.id, named.id""",
    ) == [("gdelt-actor:CHNGOV", "actor:state-chn", "actor:state-ind")]
