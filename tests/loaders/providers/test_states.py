"""States for ACLED and UCDP actors: real actor names → country and role; ties written on load.

acled_ukraine_2024.csv holds real ACLED API rows (UKR142665…UKR142671, 1 January 2024, as a
public ACLED client's test data has them) in the 31-column export layout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.countries import country_name, iso3_of_name
from loaders.providers.states import CountryOf, country_of_name

from .conftest import load, rows

# Real actor names from public ACLED and UCDP data.
NAMES = [
    ("Military Forces of Ukraine (2019-)", CountryOf("UKR", "organ")),
    ("Military Forces of Ukraine (2019-) Marines", CountryOf("UKR", "organ")),
    ("Military Forces of Russia (2000-) Air Force", CountryOf("RUS", "organ")),
    ("Military Forces of Brazil (2023-) Military Police", CountryOf("BRA", "organ")),
    ("Military Forces of Syria (2000-2024)", CountryOf("SYR", "organ")),
    ("Police Forces of Mexico (2018-) National Guard", CountryOf("MEX", "organ")),
    ("Police Forces of Kenya (2022-)", CountryOf("KEN", "organ")),
    ("Government of Kenya (2022-)", CountryOf("KEN", "organ")),
    ("Government of Russia (Soviet Union)", CountryOf("RUS", "organ")),
    ("Government of DR Congo (Zaire)", CountryOf("COD", "organ")),
    ("Government of Yemen (North Yemen)", CountryOf("YEM", "organ")),
    ("Government of Myanmar (Burma)", CountryOf("MMR", "organ")),
    ("Government of Bosnia-Herzegovina", CountryOf("BIH", "organ")),
    ("Government of United States of America", CountryOf("USA", "organ")),
    ("Protesters (Kenya)", CountryOf("KEN", None)),
    ("Labor Group (Kenya)", CountryOf("KEN", None)),
    ("Civilians (Brazil)", CountryOf("BRA", None)),
    ("Unidentified Armed Group (Mexico)", CountryOf("MEX", None)),
    ("Fulani Ethnic Militia (Nigeria)", CountryOf("NGA", None)),
    ("Darfur Communal Militia (Sudan)", CountryOf("SDN", None)),
    ("Unidentified Gang and/or Police Militia", None),
    ("CV: Red Command", None),
    ("NAF: United Armed Forces of Novorossiya", None),
    ("Wagner Group", None),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_provider_actor_names_say_which_country_and_whether_they_serve_its_state(
    name: str, expected: CountryOf | None
) -> None:
    assert country_of_name(name) == expected


def test_country_names_never_match_loosely() -> None:
    assert [iso3_of_name(n) for n in ("Niger", "Nigeria", "Congo", "DR Congo", "International")] == [
        "NER",
        "NGA",
        "COG",
        "COD",
        None,
    ]
    assert [country_name(c) for c in ("UKR", "COD", "PSE", "XKX")] == [
        "Ukraine",
        "The Democratic Republic of the Congo",
        "State of Palestine",
        "Kosovo",
    ]


def test_acled_forces_are_tied_to_their_state_civilians_only_located(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    report = load(clean_graph, settings, data_dir / "acled_ukraine_2024.csv", "acled")
    assert (report.rejected, report.actor_mentions, report.state_mentions, report.country_mentions) == (
        0,
        12,
        11,
        1,
    )
    assert rows(
        clean_graph,
        settings,
        "MATCH (a)-[r:AFFILIATED_WITH]->(s:Actor {kind: 'state'}) RETURN a.id, s.id, s.name, r.quote ORDER BY a.id",
    ) == [  # (the Russian Air Force is an alias of actor:russian-armed-forces: one tie)
        (
            "acled-actor:military-forces-of-ukraine-2019",
            "actor:state-ukr",
            "Ukraine",
            "Military Forces of Ukraine (2019-)",
        ),
        (
            "acled-actor:military-forces-of-ukraine-2019-air-force",
            "actor:state-ukr",
            "Ukraine",
            "Military Forces of Ukraine (2019-) Air Force",
        ),
        (
            "actor:russian-armed-forces",
            "actor:russia",
            "Russia",
            "Military Forces of Russia (2000-)",
        ),
    ]
    assert rows(
        clean_graph,
        settings,
        "MATCH (a:Actor {id: 'acled-actor:civilians-ukraine'}) RETURN a.country, COUNT { (a)-[:AFFILIATED_WITH]->() }",
    ) == [("UKR", 0)]


def test_ucdp_governments_are_tied_to_their_state(
    clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    load(clean_graph, settings, data_dir / "ucdp_ged_syria.csv", "ucdp")
    load(clean_graph, settings, data_dir / "ucdp_ged_tagged.csv", "ucdp")
    assert rows(
        clean_graph,
        settings,
        "MATCH (a)-[r:AFFILIATED_WITH]->(s) RETURN a.id, s.id, r.source_ids, r.quote ORDER BY a.id",
    ) == [
        ("actor:russian-government", "actor:russia", ["src:ucdp-ged"], "Government of Russia (Soviet Union)"),
        ("actor:syrian-government", "actor:syria", ["src:ucdp-ged"], "Government of Syria"),
        ("actor:turkish-government", "actor:turkey", ["src:ucdp-ged"], "Government of Turkey"),
    ]
