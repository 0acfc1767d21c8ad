"""/app: the browser workbench (web/, built by `make` into web/dist), served from the API's own origin."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.responses import HTMLResponse, Response
from starlette.types import Scope

WEB_DIST = Path(__file__).resolve().parents[1] / "web" / "dist"
NOT_BUILT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Workbench not built</title></head>
<body><h1>The workbench is not built</h1>
<p>The API runs, but <code>web/dist</code> is missing. Run <code>make run</code> (or <code>make web</code>)
in the project folder: it installs the npm packages from the lockfile and builds the workbench.</p>
<p>The API itself is at <a href="/docs">/docs</a>.</p></body></html>
"""


class Workbench(StaticFiles):
    """The built files; a 503 page naming the fix while web/dist has no index.html (checked per request)."""

    def __init__(self, dist: Path) -> None:
        super().__init__(directory=dist, html=True, check_dir=False)
        self.index = dist / "index.html"

    async def check_config(self) -> None:
        # The folder may appear later (`make web` while the API runs): check it only once it is there.
        if self.index.is_file():
            await super().check_config()

    async def get_response(self, path: str, scope: Scope) -> Response:
        if not self.index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503)
        return await super().get_response(path, scope)


def mount_workbench(app: FastAPI, dist: Path = WEB_DIST) -> None:
    """Serve the workbench at /app/ (public: its files hold no data; the data comes from the API)."""
    app.mount("/app", Workbench(dist), name="workbench")
