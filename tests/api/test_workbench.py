"""GET /app: the built workbench from the API's own origin, everything local; a clear page when not built."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.workbench import WEB_DIST, mount_workbench
from graph.settings import GraphSettings


def test_app_serves_the_built_workbench_with_only_local_assets(settings: GraphSettings) -> None:
    assert (WEB_DIST / "index.html").is_file(), "web/dist is not built: run `make web` (make test does)"
    with TestClient(create_app(settings)) as client:
        assert client.get("/app", follow_redirects=False).status_code in (301, 307)
        page = client.get("/app/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        scripts = [a for a in assets if a.endswith(".js")]
        assert scripts, page.text
        for asset in assets:
            if asset.startswith(("#", "data:")):
                continue
            assert asset.startswith("/app/"), f"{asset} is not served by the API itself"
            assert client.get(asset).status_code == 200, asset
        bundle = "".join(client.get(s).text for s in scripts)
        assert "tile.openstreetmap" not in bundle and "cdn.jsdelivr" not in bundle


def test_app_is_not_in_the_api_schema_and_refuses_paths_outside_the_build(settings: GraphSettings) -> None:
    with TestClient(create_app(settings)) as client:
        assert not [path for path in client.get("/openapi.json").json()["paths"] if path.startswith("/app")]
        assert client.get("/app/../pyproject.toml").status_code == 404
        assert client.get("/app/%2e%2e/pyproject.toml").status_code == 404
        assert client.get("/app/no-such-file.js").status_code == 404


def test_app_without_a_build_answers_a_page_that_says_how_to_build_it(tmp_path: Path) -> None:
    app = FastAPI()
    mount_workbench(app, tmp_path / "dist")
    with TestClient(app) as client:
        answer = client.get("/app/")
    assert answer.status_code == 503
    assert "make run" in answer.text and "not built" in answer.text
