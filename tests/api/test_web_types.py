"""The workbench's API types (web/src/api/types.ts) name only fields the API's schema has."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import GraphSettings

TYPES = Path(__file__).resolve().parents[2] / "web" / "src" / "api" / "types.ts"
INTERFACE = re.compile(r"^export interface (\w+)(?: extends [^{]+)? \{\n(.*?)^\}", re.MULTILINE | re.DOTALL)
# A field at the interface's own indentation: `  name: type;` (optional `name?:` fields are ones the
# API adds in later versions, and are not required to exist yet).
FIELD = re.compile(r"^  (\w+):", re.MULTILINE)


def test_every_required_field_of_the_web_types_is_in_the_openapi_schema(settings: GraphSettings) -> None:
    with TestClient(create_app(settings)) as client:
        schemas = client.get("/openapi.json").json()["components"]["schemas"]
    interfaces = {name: FIELD.findall(body) for name, body in INTERFACE.findall(TYPES.read_text())}
    checked = {name: fields for name, fields in interfaces.items() if name in schemas}
    assert len(checked) >= 20, sorted(interfaces)  # the mirror covers the answers the views read
    missing = {
        name: [f for f in fields if f not in schemas[name].get("properties", {})]
        for name, fields in checked.items()
    }
    assert {name: fields for name, fields in missing.items() if fields} == {}
