"""`ckg serve` exempts the objects alive at startup from garbage collection (api/collector.py)."""

from __future__ import annotations

import gc

import pytest

from cli.serve import serve


def test_serve_freezes_the_startup_objects_before_it_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, object] = {}

    def run(app: object, host: str, port: int) -> None:
        served.update(app=app, frozen=gc.get_freeze_count())

    monkeypatch.setattr("cli.serve.create_app", lambda access: "the app")
    monkeypatch.setattr("cli.serve.uvicorn.run", run)
    gc.unfreeze()
    try:
        serve(host="127.0.0.1", port=8000, allow_anonymous=False)
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual
    assert served["app"] == "the app"
    assert isinstance(served["frozen"], int) and served["frozen"] > 1000
