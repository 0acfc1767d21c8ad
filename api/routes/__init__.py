"""The API's routers, in the order they appear in the OpenAPI document."""

from api.routes import (
    accusations,
    actors,
    events,
    export,
    health,
    incidents,
    paths,
    places,
    statements,
    timeline,
)

ROUTERS = [
    health.router,
    timeline.router,
    events.router,
    incidents.router,
    statements.router,
    accusations.router,
    actors.router,
    places.router,
    paths.router,
    export.router,
]
