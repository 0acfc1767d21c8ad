"""API latency over HTTP against the same Cypher over bare Bolt: p50 and p99 per endpoint, and their ratio.

    .venv/bin/python bench/api_latency.py --instance main --load             # the seed's endpoints
    .venv/bin/python bench/api_latency.py --instance lat-bench --rows 1M --json /tmp/latency.json
    .venv/bin/python bench/api_latency.py --instance bench --geo-events 1000000 --only geo

The API runs in this process under uvicorn on loopback (--port) and is called over HTTP with httpx
(routing, validation, serialisation, one Neo4j session per request: everything but a real network).
Each endpoint is first called once while its Cypher is captured (bench/bolt_replay.py); then API
calls and bare-Bolt replays of the captured statements alternate, so both see the same machine
load, and `ratio_p99` (API p99 / Bolt p99) is the API's cost. `--rows N` (1M, 200k or a number)
loads the seed plus N synthetic provider rows split over --formats (bench/synthetic.py, files
cached in --workdir; the provider loader, idempotent) unless the graph already holds what an
earlier run loaded (counted per dataset), then times LARGE_ENDPOINTS and GEO_ENDPOINTS (--all: more cases).
`--geo-events N` instead writes N located events server-side (bench/geo_events.py). `--json PATH`
writes one record per endpoint: {endpoint, rows, calls, api_p50_ms, api_p99_ms, bolt_p50_ms,
bolt_p99_ms, ratio_p99}.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api.app import create_app  # noqa: E402
from api.collector import freeze_long_lived  # noqa: E402
from bolt_replay import capturing, replay  # noqa: E402
from graph.driver import open_driver  # noqa: E402
from graph.settings import resolve_settings  # noqa: E402
from latency_data import ensure_loaded, parse_rows  # noqa: E402

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
# On a graph with provider data: the issues' large-graph list (the pages a client asks for first,
# the known hot spots, one event, bbox and near); --all adds MORE_LARGE_ENDPOINTS.
LARGE_ENDPOINTS = [
    "/timeline?limit=100",
    "/timeline?start=2020-02&end=2020-02",
    "/events?limit=100",
    "/events/acled:SYN1000",
    "/accusations?limit=100",
    "/accusations/network",
    "/actors/actor:syrian-armed-forces/timeline",
    "/actors/actor:russia/relations",
]
MORE_LARGE_ENDPOINTS = [
    "/timeline?actor=actor:russia&limit=50",
    "/timeline?actor=actor:mark-lowcock",
    "/timeline?q=Idlib",
    "/timeline?place=place:idlib&limit=50",
    "/events/event:2019-04-syrian-offensive",
    "/statements?limit=100",
    "/accusations?level=state&limit=100",
    "/accusations?level=state&accuser=actor:russia&limit=50",
    "/accusations/network?level=state",
    "/accusations/network?start=2020-02&end=2020-02",
    "/actors/actor:russia/timeline",
    "/actors/actor:syrian-armed-forces/relations",
    "/actors/actor:russia",
]
# Synthetic data (bench/synthetic_places.py) centres Syria on 35.0 N, 38.5 E: boxes from one town's
# surroundings to the whole country, circles from 10 to 200 km.
GEO_ENDPOINTS = [
    "/events?bbox=38.0,34.5,39.0,35.5&limit=100",
    "/events?bbox=35.5,32.0,41.5,38.0&limit=100",
    "/events?near=35.0,38.5&radius_km=10&limit=100",
    "/timeline?near=35.0,38.5&radius_km=50&limit=100",
]
MORE_GEO_ENDPOINTS = [
    "/events?bbox=38.4,34.9,38.7,35.2&limit=100",
    "/events?bbox=35.5,32.0,41.5,38.0&max_geo_precision=2&limit=100",
    "/events?near=35.0,38.5&radius_km=50&limit=100",
    "/events?near=35.0,38.5&radius_km=200&limit=100",
    "/events?format=geojson&bbox=38.0,34.5,39.0,35.5&limit=500",
    "/timeline?bbox=38.0,34.5,39.0,35.5&limit=100",
    "/accusations?bbox=35.5,32.0,41.5,38.0&limit=100",
]
HEADER = f"{'endpoint':<64} {'api p50':>8} {'api p99':>8} {'bolt p50':>8} {'bolt p99':>8} {'ratio':>6} {'calls':>6}"


def _p99(timings: list[float]) -> float:
    return statistics.quantiles(timings, n=100, method="inclusive")[98] if len(timings) > 1 else timings[0]


def time_endpoint(client: httpx.Client, session: object, url: str, calls: int, rows: int) -> dict[str, object]:
    """One record: the endpoint's API and bare-Bolt p50/p99 over `calls` alternating calls, or its status."""
    for _ in range(5):
        warm = client.get(url)
    if warm.status_code != 200:
        return {"endpoint": url, "rows": rows, "status": warm.status_code, "detail": warm.text[:80]}
    with capturing() as capture:
        client.get(url)
    statements = capture.statements
    for _ in range(3):
        replay(session, statements)  # type: ignore[arg-type]
    api, bolt = [], []
    for _ in range(calls):
        began = time.perf_counter()
        response = client.get(url)
        api.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, url
        began = time.perf_counter()
        replay(session, statements)  # type: ignore[arg-type]
        bolt.append((time.perf_counter() - began) * 1000)
    api_p99, bolt_p99 = _p99(api), _p99(bolt)
    return {
        "endpoint": url, "rows": rows, "calls": calls,
        "api_p50_ms": round(statistics.median(api), 1), "api_p99_ms": round(api_p99, 1),
        "bolt_p50_ms": round(statistics.median(bolt), 1), "bolt_p99_ms": round(bolt_p99, 1),
        "ratio_p99": round(api_p99 / bolt_p99, 2),
    }


def line(record: dict[str, object]) -> str:
    if "status" in record:
        return f"{record['endpoint']:<64} status {record['status']}: {record['detail']}"
    return (
        f"{record['endpoint']:<64} {record['api_p50_ms']:>8} {record['api_p99_ms']:>8} "
        f"{record['bolt_p50_ms']:>8} {record['bolt_p99_ms']:>8} {record['ratio_p99']:>6} {record['calls']:>6}"
    )


class LoopbackServer(uvicorn.Server):
    """uvicorn in a background thread of this process, on 127.0.0.1 only."""

    def install_signal_handlers(self) -> None:  # the main thread keeps Ctrl-C
        pass

    def __enter__(self) -> LoopbackServer:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        while not self.started:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.should_exit = True
        self.thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default="main")
    parser.add_argument("--load", action="store_true", help="load the seed file first")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rows", type=parse_rows, default=0,
                        help="seed + this many synthetic provider rows (1M, 200k…); times LARGE_ENDPOINTS")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"),
                        help="synthetic files, the sample export and the import files")
    parser.add_argument("--formats", default="acled,gdelt", help="with --rows: which files (rows split evenly)")
    parser.add_argument("--all", action="store_true", help="with --rows: every large-graph case")
    parser.add_argument("--only", help="time only the endpoints containing this text (e.g. bbox)")
    parser.add_argument("--geo-events", type=int, default=0,
                        help="first write this many located events server-side (bench/geo_events.py)")
    parser.add_argument("--port", type=int, default=7925)
    parser.add_argument("--json", type=Path, help="write the records here")
    args = parser.parse_args()
    settings = resolve_settings(args.instance)
    ensure_loaded(settings, instance=args.instance, seed=args.load or bool(args.rows), rows=args.rows,
                  formats=args.formats.split(","), workdir=args.workdir)
    if args.geo_events:
        from geo_events import build_geo_events  # bench/geo_events.py, beside this file

        with open_driver(settings) as driver:
            build_geo_events(driver, settings.database, args.geo_events)
    large = args.rows or args.geo_events
    endpoints = (LARGE_ENDPOINTS + GEO_ENDPOINTS) if large else ENDPOINTS
    if large and args.all:
        endpoints += MORE_LARGE_ENDPOINTS + MORE_GEO_ENDPOINTS
    endpoints = [url for url in endpoints if args.only is None or args.only in url]
    app = create_app(settings)
    freeze_long_lived()  # as `ckg serve` does (api/collector.py)
    server = LoopbackServer(uvicorn.Config(app, host="127.0.0.1", port=args.port,
                                           log_level="warning", access_log=False))
    records = []
    print(HEADER)
    with (
        server,
        httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=60) as client,
        open_driver(settings) as driver,
        driver.session(database=settings.database) as session,
    ):
        for url in endpoints:
            record = time_endpoint(client, session, url, args.calls, args.rows or args.geo_events)
            records.append(record)
            print(line(record), flush=True)
    if args.json:
        args.json.write_text(json.dumps(records, indent=2) + "\n")


if __name__ == "__main__":
    main()
