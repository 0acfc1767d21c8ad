"""GET /health: the API's version and whether Neo4j answers."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel

from api.deps import DriverDep, GateDep, SettingsDep
from api.version import API_VERSION
from graph.health import get_server_info

router = APIRouter(tags=["health"])


class Neo4jStatus(BaseModel):
    reachable: bool
    version: str | None = None
    edition: str | None = None
    error: str | None = None


class Health(BaseModel):
    status: str
    api_version: str
    neo4j: Neo4jStatus


@router.get(
    "/health",
    summary="Is the API up, and does Neo4j answer?",
    responses={503: {"model": Health, "description": "Neo4j is unreachable"}},
)
def read_health(driver: DriverDep, settings: SettingsDep, gate: GateDep) -> Health:
    """The API's version, and Neo4j's version and edition when it answers; 503 with `Retry-After`
    when it does not (for monitoring and load balancers)."""
    if not gate.is_open:  # an outage is known: say so at once, the gate's probe watches for the end
        return _down("ServiceUnavailable")  # type: ignore[return-value]
    try:
        with driver.session(database=settings.database) as session:
            info = session.execute_read(get_server_info)
    except (DriverError, Neo4jError, OSError) as error:
        if isinstance(error, (ServiceUnavailable, SessionExpired)):
            gate.close()
        return _down(type(error).__name__)  # type: ignore[return-value]
    return Health(status="ok", api_version=API_VERSION, neo4j=Neo4jStatus(reachable=True, **info))


def _down(error: str) -> JSONResponse:
    down = Health(status="unavailable", api_version=API_VERSION, neo4j=Neo4jStatus(reachable=False, error=error))
    return JSONResponse(status_code=503, content=down.model_dump(), headers={"Retry-After": "10"})
