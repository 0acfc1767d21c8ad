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
from api.security import AccessSettings, register_security
from api.slots import Slots
from api.version import API_VERSION
from api.workbench import mount_workbench
from graph.availability import DatabaseGate
from graph.driver import open_driver
from graph.export.settings import ExportSettings
from graph.settings import GraphSettings, resolve_settings


def create_app(settings: GraphSettings | None = None, access: AccessSettings | None = None) -> FastAPI:
    """The API bound to one Neo4j (the local instance unless NEO4J_URI is set); one driver per process.

    `access` (default: CKG_* variables) sets API keys, trusted Host names and the concurrency cap."""
    settings = settings or resolve_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Opening a driver does not connect, so the API starts (and answers 503) even if Neo4j is down.
        with open_driver(settings, quick=True) as driver:
            gate = DatabaseGate(driver, settings.database)
            app.state.driver, app.state.settings, app.state.gate = driver, settings, gate
            app.state.export_slots = Slots(ExportSettings().max_concurrent)
            try:
                yield
            finally:
                gate.shutdown()

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
    register_security(app, access or AccessSettings())
    # Keep last: the middleware added last is the outermost, and CORS must be (see api/cors.py).
    register_cors(app, CorsSettings())
    return app
