"""/docs (Swagger UI) and /redoc (ReDoc) from the assets of the fastapi-offline package: no CDN.

ReDoc's bundle draws its sidebar attribution logo from its vendor's web server with no option to turn
it off, so /redoc loads a copy of the bundle with that remote URL replaced by an inline blank image. Both pages
also carry a Content-Security-Policy that lets them load nothing from another origin, so whatever a
future bundle tries to fetch is refused by the browser (and shows as a console error in the tests).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

DOCS_URL, REDOC_URL, OAUTH2_REDIRECT_URL = "/docs", "/redoc", "/docs/oauth2-redirect"
# Everything the two pages load lives under this prefix (public, like the pages themselves).
ASSETS_PREFIX = "/docs-assets"
UI_ASSETS = f"{ASSETS_PREFIX}/ui"  # fastapi-offline's files as shipped
REDOC_JS = f"{ASSETS_PREFIX}/redoc.standalone.js"  # ReDoc's bundle without its CDN logo
FAVICON = f"{UI_ASSETS}/favicon.png"

# The logo's absolute URL in the bundle, whatever host it names.
REMOTE_LOGO = re.compile(rb"https://[^\"'\s]+/logo-mini\.svg")
# An empty SVG: the attribution link keeps its text and loses only the remote picture.
BLANK_LOGO = b"data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E"
# Swagger UI starts from an inline script and both bundles inject inline styles; ReDoc builds its
# search index in a Worker made from a Blob URL. Nothing may come from another origin.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
])


@cache
def redoc_bundle() -> bytes:
    """ReDoc's standalone bundle with its one hard-coded remote image replaced by a blank one."""
    shipped = files("fastapi_offline").joinpath("static", "redoc.standalone.js").read_bytes()
    return REMOTE_LOGO.sub(BLANK_LOGO, shipped)


def _locked(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


def register_docs(app: FastAPI) -> None:
    """Serve /docs, /redoc and their assets (create the app with docs_url=None and redoc_url=None)."""
    static = files("fastapi_offline").joinpath("static")
    app.mount(UI_ASSETS, StaticFiles(directory=str(static)), name="docs-assets")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get(DOCS_URL, include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _locked(get_swagger_ui_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
            swagger_js_url=f"{root}{UI_ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{UI_ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{root}{FAVICON}",
            swagger_ui_parameters=app.swagger_ui_parameters,
        ))

    @app.get(OAUTH2_REDIRECT_URL, include_in_schema=False)
    def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get(REDOC_URL, include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return _locked(get_redoc_html(
            openapi_url=f"{root}{openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{REDOC_JS}",
            redoc_favicon_url=f"{root}{FAVICON}",
            with_google_fonts=False,
        ))

    @app.get(REDOC_JS, include_in_schema=False)
    def redoc_script() -> Response:
        return Response(redoc_bundle(), media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})
