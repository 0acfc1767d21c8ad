"""/docs and /redoc work offline (local assets only) and describe every operation for people."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

ASSET = re.compile(r"""(?:src|href|spec-url)=["']([^"']+)["']|url: ?["']([^"']+)["']""")


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(client: TestClient, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assets = [a or b for a, b in ASSET.findall(response.text)]
    assert assets, "no script or stylesheet found"
    for asset in assets:
        assert asset.startswith("/") and not asset.startswith("//"), asset  # same origin, no CDN
        fetched = client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100, asset
    scripts = [asset for asset in assets if asset.endswith(".js")]
    assert scripts and all("javascript" in client.get(s).headers["content-type"] for s in scripts)
    assert "cdn." not in response.text and "fonts.googleapis" not in response.text


def test_docs_every_operation_has_a_summary_written_for_people(client: TestClient) -> None:
    document = client.get("/openapi.json").json()
    generated = {
        route.endpoint.__name__.replace("_", " ").title()  # FastAPI's default: "Read Timeline"
        for route in client.app.routes  # type: ignore[attr-defined]
        if isinstance(route, APIRoute)
    }
    tags = {tag["name"]: tag["description"] for tag in document["tags"]}
    operations = [op for methods in document["paths"].values() for op in methods.values()]
    assert len(operations) >= 14
    for operation in operations:
        assert operation["summary"] not in generated, operation["summary"]
        assert len(operation["description"]) > 60, operation["summary"]
        assert all(tags.get(tag) for tag in operation["tags"]), operation["tags"]
    assert "precision" in document["info"]["description"]
