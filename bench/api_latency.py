"""Latency of each API endpoint on the seed data: median and p95 of many in-process calls.

    .venv/bin/python bench/api_latency.py [--instance main] [--load] [--calls 200]

Calls go through FastAPI's TestClient (routing, validation, serialisation, one Neo4j session per
request) to the instance's server, or to NEO4J_URI when set. `--load` first loads the seed file
(idempotent). Each endpoint is warmed up with 10 calls before it is timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app  # noqa: E402
from graph.driver import open_driver  # noqa: E402
from graph.settings import resolve_settings  # noqa: E402
from loaders.curated.run import load_curated  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "idlib-2018-2020.yaml"
ENDPOINTS = [
    "/timeline",
    "/timeline?start=2020-02&end=2020-02",
    "/timeline?actor=actor:russia&include_affiliates=true",
    "/timeline?q=Idlib",
    "/timeline?start=2020-02&end=2020-02&format=timelinejs",
    "/timeline?format=vis",
    "/events",
    "/events/event:2019-04-syrian-offensive",
    "/statements",
    "/statements/stmt:erkhov-blames-turkey",
    "/accusations",
    "/accusations?level=state",
    "/accusations/network?level=state",
    "/actors",
    "/actors?q=Erkhov",
    "/actors/actor:aleksei-erkhov",
    "/actors/actor:russia/relations",
    "/actors/actor:russia/timeline",
    "/paths?from=actor:aleksei-erkhov&to=event:2019-04-syrian-offensive&max_hops=6",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default="main")
    parser.add_argument("--load", action="store_true", help="load the seed file first")
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    settings = resolve_settings(args.instance)
    if args.load:
        with open_driver(settings) as driver, driver.session(database=settings.database) as session:
            load_curated(SEED, session)
    print(f"{'endpoint':<80} {'median ms':>9} {'p95 ms':>7} {'calls':>6}")
    with TestClient(create_app(settings)) as client:
        for url in ENDPOINTS:
            for _ in range(10):
                assert client.get(url).status_code == 200, url
            timings = []
            for _ in range(args.calls):
                began = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200, url
            p95 = statistics.quantiles(timings, n=20)[18]
            print(f"{url:<80} {statistics.median(timings):>9.2f} {p95:>7.2f} {args.calls:>6}")


if __name__ == "__main__":
    main()
