"""GET /places and /places/{id} on the seed story plus provider rows: spellings, hierarchy, counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from tests.loaders.providers.conftest import DATA

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"


@pytest.fixture(scope="module")
def places_client(
    settings: GraphSettings, driver: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    folder = tmp_path_factory.mktemp("places")
    for name, fmt in (
        ("acled_geo_2020.csv", "acled"),
        ("ucdp_ged_geo.csv", "ucdp"),
        ("gdelt_syria_2020.export.CSV", "gdelt"),
    ):
        copy = folder / name
        copy.write_bytes((DATA / name).read_bytes())
        load_provider(driver, settings.database, copy, fmt, aliases=AliasTable.load())  # type: ignore[arg-type]
    with TestClient(create_app(settings)) as client:
        yield client


def _ids(client: TestClient, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_places_finds_idlib_by_every_spelling_exact_first(places_client: TestClient) -> None:
    for spelling in ("Idleb", "Idlib", "idlib governorate", "IDLEB"):
        found = _ids(places_client, f"/places?q={spelling}")
        # Exact matches first, broadest first: the governorate, its district, its capital.
        assert found[0] == "place:idlib" and "place:idlib-city" in found[:3], (spelling, found)
    assert _ids(places_client, "/places?q=Idleb&kind=region")[0] == "place:idlib"
    assert _ids(places_client, "/places?q=Idleb&kind=city") == ["place:idlib-city"]
    assert "place:syr:idlib:@saraqib" in _ids(places_client, "/places?q=Saraqeb")  # alias → Saraqib
    assert _ids(places_client, "/places?q=Sara")[0] == "place:syr:idlib:@saraqib"  # prefix


def test_places_within_and_kind(places_client: TestClient) -> None:
    inside = _ids(places_client, "/places?within=place:idlib&limit=1000")
    assert {"place:ariha", "place:idlib-city", "place:syr:idlib:@kafr-nobol"} <= set(inside)
    assert "place:syr:aleppo:@atareb" not in inside and "place:idlib" not in inside
    assert "place:syr:aleppo:@atareb" in _ids(
        places_client, "/places?within=place:syria&limit=1000"
    )
    assert set(_ids(places_client, "/places?kind=country")) >= {"place:syria", "place:tur"}
    page = places_client.get("/places?limit=2").json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    following = _ids(places_client, f"/places?limit=2&cursor={page['next_cursor']}")
    assert not set(following) & {item["id"] for item in page["items"]}


def test_place_detail_has_hierarchy_children_counts_and_sources(places_client: TestClient) -> None:
    response = places_client.get("/places/place:idlib")
    assert response.status_code == 200, response.text
    idlib = response.json()
    assert (idlib["name"], idlib["kind"], idlib["admin_level"], idlib["country"]) == (
        "Idlib",
        "region",
        1,
        "SYR",
    )
    assert [(a["id"], a["depth"]) for a in idlib["ancestors"]] == [
        ("place:northwest-syria", 1),
        ("place:syria", 1),
    ]
    children = {child["id"] for child in idlib["children"]}
    assert {"place:idlib-city", "place:ariha", "place:syr:idlib:ariha"} <= children
    assert "Idleb" in idlib["aliases"] and "Idlib governorate" in idlib["aliases"]
    counts = {(row["year"], row["type"]): row["count"] for row in idlib["event_counts"]}
    assert counts[(2020, "shelling")] >= 5 and idlib["events"] == sum(counts.values())
    assert counts[(2020, "airstrike")] >= 2  # the seed's Ariha strikes and ACLED's SYR200002
    sources = {source["id"] for source in idlib["evidence"]["sources"]}
    assert sources == {"src:polygraph-erkhov-2020", "src:acled", "src:ucdp-ged", "src:gdelt"}
    ariha = places_client.get("/places/place:ariha").json()
    assert ariha["point"] == {"longitude": 36.61, "latitude": 35.813}
    assert [a["id"] for a in ariha["ancestors"]][:1] == ["place:idlib"]
    assert places_client.get("/places/place:nowhere").status_code == 404


def test_places_rejects_an_unknown_kind(places_client: TestClient) -> None:
    response = places_client.get("/places?kind=planet")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "kind"]
