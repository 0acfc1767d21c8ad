"""Routes answer with their model serialised once (api/model_response.py): the same bytes FastAPI's
response_model serialisation (or, for the formats built as JSONResponse before, the same JSON) gives,
the same documented response schemas, and errors still as JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from neo4j import Driver
from pydantic import BaseModel, TypeAdapter

from api.app import create_app
from api.routes import ROUTERS
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from loaders.providers.run import load_provider
from schema.accusations import AccusationNetwork, AccusationPage
from schema.actors import ActorPage, ActorProfile, ActorRelations
from schema.cytoscape import CytoscapeNetwork
from schema.events import EventDetail
from schema.geojson import FeatureCollection
from schema.incidents import CollapsedPage, IncidentDetail
from schema.paths import Paths
from schema.places import PlaceDetail, PlacePage
from schema.statements import StatementDetail
from schema.timeline import TimelinePage
from schema.timelinejs import TimelineJSDocument
from schema.vis_network import VisNetwork
from schema.vis_timeline import VisTimeline
from tests.api.conftest import SEED
from tests.linking.conftest import DATA as LINKED_DATA
from tests.linking.conftest import FILES as LINKED_FILES

TIMELINES = ("/timeline?limit=20", "/events?limit=20", "/actors/actor:russia/timeline?limit=20")
# Each list format: its model, and whether nulls were left out (the formats once built as
# JSONResponse(model.model_dump(mode="json", exclude_none=True))).
FORMATS: dict[str, tuple[type[BaseModel], bool]] = {
    "": (TimelinePage, False),
    "&collapse=incidents": (CollapsedPage, False),
    "&format=geojson": (FeatureCollection, False),
    "&collapse=incidents&format=geojson": (FeatureCollection, False),
    "&format=timelinejs": (TimelineJSDocument, True),
    "&format=vis": (VisTimeline, True),
}
LISTS: list[tuple[str, type[BaseModel], bool]] = [
    *((path + query, model, exclude_none) for path in TIMELINES for query, (model, exclude_none) in
      FORMATS.items() if not (path.startswith("/actors") and "collapse" in query)),
    ("/events?limit=20&bbox=35.5,32.0,41.5,38.0", TimelinePage, False),
    ("/statements?limit=20", TimelinePage, False),
    ("/accusations?limit=20", AccusationPage, False),
    ("/accusations?level=state&limit=20", AccusationPage, False),
    ("/accusations/network", AccusationNetwork, False),
    ("/accusations/network?collapse=incidents", AccusationNetwork, False),
    ("/accusations/network?format=cytoscape", CytoscapeNetwork, True),
    ("/accusations/network?format=vis", VisNetwork, True),
    ("/actors?limit=20", ActorPage, False),
    ("/places?q=Idlib&limit=20", PlacePage, False),
]
DETAILS: list[tuple[str, type[BaseModel]]] = [
    ("/events/event:2019-04-syrian-offensive", EventDetail),
    ("/events/acled:SYR100001", EventDetail),  # with its incident and the other reports
    ("/statements/stmt:erkhov-blames-turkey", StatementDetail),
    ("/actors/actor:russia", ActorProfile),
    ("/actors/actor:russia/relations", ActorRelations),
    ("/places/place:idlib", PlaceDetail),
    ("/incidents/incident:acled:SYR100001", IncidentDetail),
    ("/paths?from=actor:aleksei-erkhov&to=event:2019-04-syrian-offensive&max_hops=6", Paths),
]
# The 200 answer each route documents, as before routes returned ModelResponse.
DOCUMENTED = {
    "/timeline": ["TimelinePage", "CollapsedPage", "TimelineJSDocument", "VisTimeline", "FeatureCollection"],
    "/events": ["TimelinePage", "CollapsedPage", "TimelineJSDocument", "VisTimeline", "FeatureCollection"],
    "/events/{event_id}": ["EventDetail"],
    "/statements": ["TimelinePage"],
    "/statements/{statement_id}": ["StatementDetail"],
    "/accusations": ["AccusationPage"],
    "/accusations/network": ["AccusationNetwork", "CytoscapeNetwork", "VisNetwork"],
    "/actors": ["ActorPage"],
    "/actors/{actor_id}": ["ActorProfile"],
    "/actors/{actor_id}/relations": ["ActorRelations"],
    "/actors/{actor_id}/timeline": ["TimelinePage", "TimelineJSDocument", "VisTimeline", "FeatureCollection"],
    "/places": ["PlacePage"],
    "/places/{place_id}": ["PlaceDetail"],
    "/incidents/{incident_id}": ["IncidentDetail"],
    "/paths": ["Paths"],
}


@pytest.fixture(scope="module")
def linked_client(
    settings: GraphSettings, driver: Driver, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """The seed story plus the linking fixtures (ACLED, UCDP, GDELT reports linked into incidents)."""
    wipe_database(driver, settings.database)
    with driver.session(database=settings.database) as session:
        load_curated(SEED, session)
    folder = tmp_path_factory.mktemp("linked")  # loads write rejects beside their input
    for name, provider in LINKED_FILES:
        shutil.copy(LINKED_DATA / name, folder / name)
        load_provider(driver, settings.database, folder / name, provider,  # type: ignore[arg-type]
                      aliases=AliasTable.load())
    with TestClient(create_app(settings)) as client:
        yield client


def _route(url: str) -> APIRoute:
    path = url.split("?")[0]
    routes = [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]
    return next(route for route in routes if route.path_regex.match(path))


def _fastapi_json(url: str, model: BaseModel) -> bytes:
    """The bytes FastAPI writes when the route returns `model`: TypeAdapter(response_model).dump_json."""
    route = _route(url)
    adapter: TypeAdapter[Any] = TypeAdapter(route.response_model)
    return adapter.dump_json(model, by_alias=route.response_model_by_alias,
                             exclude_none=route.response_model_exclude_none)


def _json_response(model: BaseModel, exclude_none: bool, by_alias: bool) -> Any:
    """The JSON value JSONResponse(model.model_dump(mode="json", …)) gave these formats before."""
    content = model.model_dump(mode="json", by_alias=by_alias, exclude_none=exclude_none)
    return json.loads(json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")))


@pytest.mark.parametrize(("url", "model", "exclude_none"), LISTS, ids=[url for url, _, _ in LISTS])
def test_list_answers_are_the_models_standard_serialisation(
    linked_client: TestClient, url: str, model: type[BaseModel], exclude_none: bool
) -> None:
    response = linked_client.get(url)
    assert response.status_code == 200, response.text
    parsed = model.model_validate_json(response.content)
    assert response.content == parsed.__pydantic_serializer__.to_json(
        parsed, by_alias=True, exclude_none=exclude_none
    )
    if exclude_none or model is FeatureCollection:
        by_alias = url.startswith("/accusations/network")  # vis-network's `from`
        assert response.json() == _json_response(parsed, exclude_none, by_alias)
    else:
        assert response.content == _fastapi_json(url, parsed)
    geojson = "format=geojson" in url
    assert response.headers["content-type"] == ("application/geo+json" if geojson else "application/json")


def test_list_answers_are_not_empty_and_carry_incidents_and_verdicts(linked_client: TestClient) -> None:
    """The cases above serialise what the formats have: incidents, verdicts, points, cursors."""
    collapsed = linked_client.get("/events?limit=200&collapse=incidents").json()["items"]
    assert any(item["kind"] == "incident" and item["reports"] for item in collapsed)
    statements = linked_client.get("/statements?limit=200").json()["items"]
    assert any(item["verdicts"] for item in statements)
    events = linked_client.get("/events?limit=20&format=geojson")
    assert any(feature["geometry"] for feature in events.json()["features"])
    assert events.headers["X-Next-Cursor"] == events.json()["next_cursor"]
    for path in TIMELINES:
        assert len(linked_client.get(path).json()["items"]) >= 10, path


@pytest.mark.parametrize(("url", "model"), DETAILS, ids=[url for url, _ in DETAILS])
def test_detail_answers_are_the_models_standard_serialisation(
    linked_client: TestClient, url: str, model: type[BaseModel]
) -> None:
    response = linked_client.get(url)
    assert response.status_code == 200, response.text
    parsed = model.model_validate_json(response.content)
    assert response.content == parsed.__pydantic_serializer__.to_json(parsed, by_alias=True)
    assert _route(url).response_model is model
    assert response.content == _fastapi_json(url, parsed)
    assert response.headers["content-type"] == "application/json"


def test_openapi_documents_the_same_response_schemas(linked_client: TestClient) -> None:
    document = linked_client.get("/openapi.json").json()
    for path, models in DOCUMENTED.items():
        schema = document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        refs = [choice["$ref"] for choice in schema.get("anyOf", [schema])]
        assert refs == [f"#/components/schemas/{model}" for model in models], path
    verdicts = document["components"]["schemas"]["TimelineItem"]["properties"]["verdicts"]
    assert verdicts["type"] == "array" and verdicts["default"] == [], verdicts
    assert verdicts["items"] == {"$ref": "#/components/schemas/VerdictRef"}, verdicts
    detail_verdicts = document["components"]["schemas"]["StatementDetail"]["properties"]["verdicts"]
    assert detail_verdicts["items"] == {"$ref": "#/components/schemas/Verdict"}, detail_verdicts
    assert detail_verdicts["type"] == "array", detail_verdicts


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/events/event:nope", 404),
        ("/statements/stmt:nope", 404),
        ("/actors/actor:nope", 404),
        ("/actors/actor:nope/relations", 404),
        ("/actors/actor:nope/timeline", 404),
        ("/places/place:nope", 404),
        ("/incidents/incident:nope", 404),
        ("/paths?from=actor:nope&to=actor:russia", 404),
        ("/events?limit=0", 422),
        ("/events?format=nope", 422),
        ("/timeline?collapse=nope", 422),
        ("/accusations/network?format=nope", 422),
        ("/actors?cursor=nope", 422),
    ],
)
def test_errors_still_answer_as_json(linked_client: TestClient, url: str, status: int) -> None:
    response = linked_client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    assert "detail" in response.json()
