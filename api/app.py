"""create_app: the FastAPI application, its driver lifecycle, routers and error handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api.cors import CorsSettings, register_cors
from api.docs import API_DESCRIPTION, OPENAPI_TAGS, SWAGGER_UI_PARAMETERS
from api.errors import register_error_handlers
from api.routes import ROUTERS
from api.version import API_VERSION
from api.workbench import mount_workbench
from graph.driver import open_driver
from graph.settings import GraphSettings, resolve_settings


def create_app(settings: GraphSettings | None = None) -> FastAPI:
    """The API bound to one Neo4j (the local instance unless NEO4J_URI is set); one driver per process."""
    settings = settings or resolve_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Opening a driver does not connect, so the API starts (and answers 503) even if Neo4j is down.
        with open_driver(settings) as driver:
            app.state.driver, app.state.settings = driver, settings
            yield

    app = FastAPIOffline(  # /docs and /redoc with local assets: no CDN
        title="conflictkg",
        version=API_VERSION,
        description=API_DESCRIPTION,
        openapi_tags=OPENAPI_TAGS,
        swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        lifespan=lifespan,
    )
    for router in ROUTERS:
        app.include_router(router)
    register_error_handlers(app)
    mount_workbench(app)
    # Keep last: the middleware added last is the outermost, and CORS must be (see api/cors.py).
    register_cors(app, CorsSettings())
    return app
