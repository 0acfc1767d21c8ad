"""GET /accusations and /accusations/network on the seed story, as stated and rolled up to states."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

# (statement, accuser, accused) in answer order, read off the seed's `accuses` lists.
AS_STATED = [
    ("stmt:russia-accuses-turkey-of-violating-agreement", "actor:russia", "actor:turkey"),
    ("stmt:turkey-accuses-russia-of-violating-agreement", "actor:turkey", "actor:russia"),
    ("stmt:erkhov-blames-turkey", "actor:aleksei-erkhov", "actor:turkey"),
    ("stmt:erkhov-blames-turkey-for-officers-deaths", "actor:aleksei-erkhov", "actor:turkey"),
    ("stmt:erkhov-russia-responds-to-turkish-violations", "actor:aleksei-erkhov", "actor:turkey"),
    ("stmt:cutts-ariha-accusation", "actor:mark-cutts", "actor:iran"),
    ("stmt:cutts-ariha-accusation", "actor:mark-cutts", "actor:russia"),
    ("stmt:cutts-ariha-accusation", "actor:mark-cutts", "actor:syrian-armed-forces"),
    ("stmt:assad-regime-accused-of-killing-civilians", "actor:polygraph-info", "actor:syrian-government"),
]
# Erkhov represents Russia; Cutts is an official of the UN; Syrian forces and government are
# part of Syria. Polygraph.info (a media outlet) has no roll-up affiliation and stays itself.
AT_STATE_LEVEL = [
    ("stmt:russia-accuses-turkey-of-violating-agreement", "actor:russia", "actor:turkey"),
    ("stmt:turkey-accuses-russia-of-violating-agreement", "actor:turkey", "actor:russia"),
    ("stmt:erkhov-blames-turkey", "actor:russia", "actor:turkey"),
    ("stmt:erkhov-blames-turkey-for-officers-deaths", "actor:russia", "actor:turkey"),
    ("stmt:erkhov-russia-responds-to-turkish-violations", "actor:russia", "actor:turkey"),
    ("stmt:cutts-ariha-accusation", "actor:un", "actor:iran"),
    ("stmt:cutts-ariha-accusation", "actor:un", "actor:russia"),
    ("stmt:cutts-ariha-accusation", "actor:un", "actor:syria"),
    ("stmt:assad-regime-accused-of-killing-civilians", "actor:polygraph-info", "actor:syria"),
]


def _rows(body: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(r["statement"]["id"], r["accuser"]["id"], r["accused"]["id"]) for r in body["items"]]


def test_accusations_lists_one_row_per_accusation_by_date(seeded_client: TestClient) -> None:
    body = seeded_client.get("/accusations").json()
    assert _rows(body) == AS_STATED
    assert body["next_cursor"] is None


def test_accusations_row_has_charge_statement_quote_events_and_sources(seeded_client: TestClient) -> None:
    [row] = seeded_client.get("/accusations?accuser=actor:aleksei-erkhov&charge=ESCALATING").json()["items"]
    assert row["id"] == "accuses:stmt:erkhov-blames-turkey->actor:turkey"
    assert row["charge"] == "escalating tensions between the two countries in northwest Syria"
    assert row["date"] == {"text": "2020-02", "start": "2020-02-01", "end": "2020-02-29", "precision": "month"}
    assert row["statement"]["id"] == "stmt:erkhov-blames-turkey"
    assert row["statement"]["quote"] == (
        "In an interview with the state-owned news outlet Sputnik, Russian Ambassador to Turkey Aleksei "
        "Erkhov blamed Turkey for escalating tensions between the two countries in northwest Syria."
    )
    assert [e["id"] for e in row["about"]] == ["event:2019-2020-idlib-escalation"]
    assert [s["id"] for s in row["sources"]] == ["src:polygraph-erkhov-2020", "src:sputnik-erkhov-interview"]


def test_accusations_at_state_level_roll_the_ambassador_up_to_russia(seeded_client: TestClient) -> None:
    body = seeded_client.get("/accusations?level=state").json()
    assert _rows(body) == AT_STATE_LEVEL
    erkhov = body["items"][2]
    assert erkhov["accuser"] == {"id": "actor:russia", "name": "Russia", "kind": "state"}
    assert [s["id"] for s in erkhov["speakers"]] == ["actor:aleksei-erkhov"]
    russia = seeded_client.get("/accusations?level=state&accuser=actor:russia&accused=actor:turkey").json()
    assert _rows(russia) == AT_STATE_LEVEL[:1] + AT_STATE_LEVEL[2:5]
    as_stated = seeded_client.get("/accusations?accuser=actor:russia").json()
    assert _rows(as_stated) == AS_STATED[:1]


def test_accusations_filter_by_accused_and_window(seeded_client: TestClient) -> None:
    body = seeded_client.get(
        "/accusations", params={"accused": ["actor:russia", "actor:iran"], "start": "2020-02-15", "end": "2020-02-15"}
    ).json()
    assert _rows(body) == [AS_STATED[1], AS_STATED[5], AS_STATED[6]]


def test_accusations_pagination_returns_every_row_exactly_once(seeded_client: TestClient) -> None:
    for limit in (1, 2, 4, 9):
        rows: list[tuple[str, str, str]] = []
        cursor = None
        while True:
            params: dict[str, Any] = {"level": "state", "limit": limit, **({"cursor": cursor} if cursor else {})}
            body = seeded_client.get("/accusations", params=params).json()
            rows += _rows(body)
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert rows == AT_STATE_LEVEL


def test_accusation_network_marks_russia_turkey_mutual(seeded_client: TestClient) -> None:
    body = seeded_client.get("/accusations/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert list(edges) == [
        ("actor:aleksei-erkhov", "actor:turkey"),
        ("actor:mark-cutts", "actor:iran"),
        ("actor:mark-cutts", "actor:russia"),
        ("actor:mark-cutts", "actor:syrian-armed-forces"),
        ("actor:polygraph-info", "actor:syrian-government"),
        ("actor:russia", "actor:turkey"),
        ("actor:turkey", "actor:russia"),
    ]
    recent_months = {"text": "2019-11/2020-02", "start": "2019-11-01", "end": "2020-02-29", "precision": "month"}
    assert edges[("actor:russia", "actor:turkey")] == {
        "id": "actor:russia->actor:turkey",
        "source": "actor:russia",
        "target": "actor:turkey",
        "statement_count": 1,
        "accusation_count": 1,
        "incident_count": None,  # counted with collapse=incidents only
        "charges": ["violating the 2018 de-escalation agreement"],
        "statements": ["stmt:russia-accuses-turkey-of-violating-agreement"],
        "first_date": recent_months,
        "last_date": recent_months,
        "mutual": True,
    }
    assert edges[("actor:turkey", "actor:russia")]["mutual"] is True
    assert [e["mutual"] for e in body["edges"][:5]] == [False] * 5
    assert body["truncated"] is False


def test_accusation_network_at_state_level_weighs_the_ambassador_in(seeded_client: TestClient) -> None:
    body = seeded_client.get("/accusations/network?level=state").json()
    assert [(e["source"], e["target"], e["statement_count"], e["mutual"]) for e in body["edges"]] == [
        ("actor:russia", "actor:turkey", 4, True),
        ("actor:polygraph-info", "actor:syria", 1, False),
        ("actor:turkey", "actor:russia", 1, True),
        ("actor:un", "actor:iran", 1, False),
        ("actor:un", "actor:russia", 1, False),
        ("actor:un", "actor:syria", 1, False),
    ]
    first = body["edges"][0]
    assert first["statements"] == [
        "stmt:erkhov-blames-turkey",
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
        "stmt:russia-accuses-turkey-of-violating-agreement",
    ]
    # First and last in timeline order, each at its own precision (never "2020-02-01" for a month).
    assert (first["first_date"]["text"], first["last_date"]["text"]) == ("2019-11/2020-02", "2020-02")
    # Cutts' one tweet accuses Iran, Russia and Syria's forces: one statement, three accusations.
    assert [
        (n["id"], n["statements_made"], n["statements_received"], n["accusations_made"], n["accusations_received"])
        for n in body["nodes"]
    ] == [
        ("actor:iran", 0, 1, 0, 1),
        ("actor:polygraph-info", 1, 0, 1, 0),
        ("actor:russia", 4, 2, 4, 2),
        ("actor:syria", 0, 2, 0, 2),
        ("actor:turkey", 1, 4, 1, 4),
        ("actor:un", 1, 0, 3, 0),
    ]


def test_accusation_network_mutual_ignores_actor_filters_and_limit(seeded_client: TestClient) -> None:
    one_way = seeded_client.get("/accusations/network?accuser=actor:russia&level=state").json()
    assert [(e["source"], e["target"], e["mutual"]) for e in one_way["edges"]] == [
        ("actor:russia", "actor:turkey", True)
    ]
    february = seeded_client.get("/accusations/network?level=state&start=2020-02-01&end=2020-02-29&limit=1").json()
    assert [(e["source"], e["target"], e["statement_count"], e["mutual"]) for e in february["edges"]] == [
        ("actor:russia", "actor:turkey", 4, True)
    ]
    assert february["truncated"] is True
    nothing = seeded_client.get("/accusations/network?level=state&end=2018").json()
    assert nothing == {"nodes": [], "edges": [], "truncated": False}
