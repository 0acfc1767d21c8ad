"""Latency of each API endpoint: p50, p95 and p99 of many in-process calls, on the seed or a large graph.

    .venv/bin/python bench/api_latency.py [--instance main] [--load] [--calls 200]
    .venv/bin/python bench/api_latency.py --instance t-perf --provider-rows 200000 --calls 20
    .venv/bin/python bench/api_latency.py --instance bench --geo-events 1000000 --only geo --calls 100

Calls go through FastAPI's TestClient (routing, validation, serialisation, one Neo4j session per
request) to the instance's server, or to NEO4J_URI when set. `--load` first loads the seed file
(idempotent). `--provider-rows N` also writes N synthetic rows of each of --formats (default ACLED
and GDELT; bench/synthetic.py, spread over 30 countries and 15,000 towns, cached in --workdir) and
loads them with the provider loader (idempotent: a second run rewrites the same ids), then times
the large-graph endpoint list (`--only geo`: the bbox / near / max_geo_precision cases).
`--geo-events N` writes N located events server-side first (bench/geo_events.py: minutes for a
million, where the loader takes hours on a busy machine). Each
endpoint is warmed up before it is timed; an endpoint answering non-200 is reported with its status
instead of stopping the run. The server runs in the instance's own process, so the figures include
everything but the network.
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
from graph.settings import GraphSettings, resolve_settings  # noqa: E402
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
# On a graph with provider data: the pages a client asks for first, and the known hot spots.
LARGE_ENDPOINTS = [
    "/timeline?limit=100",
    "/timeline?start=2020-02&end=2020-02",
    "/timeline?actor=actor:russia&limit=50",
    "/timeline?actor=actor:mark-lowcock",
    "/timeline?q=Idlib",
    "/timeline?place=place:idlib&limit=50",
    "/events?limit=100",
    "/statements?limit=100",
    "/accusations?limit=100",
    "/accusations?level=state&limit=100",
    "/accusations?level=state&accuser=actor:russia&limit=50",
    "/accusations/network?level=state",
    "/accusations/network",
    "/actors/actor:syrian-armed-forces/timeline",
    "/actors/actor:russia/relations",
    "/actors/actor:russia",
]
# Synthetic data (bench/synthetic_places.py) centres Syria on 35.0 N, 38.5 E: boxes from one town's
# surroundings to the whole country, circles from 10 to 200 km.
GEO_ENDPOINTS = [
    "/events?bbox=38.4,34.9,38.7,35.2&limit=100",
    "/events?bbox=38.0,34.5,39.0,35.5&limit=100",
    "/events?bbox=35.5,32.0,41.5,38.0&limit=100",
    "/events?bbox=35.5,32.0,41.5,38.0&max_geo_precision=2&limit=100",
    "/events?near=35.0,38.5&radius_km=10&limit=100",
    "/events?near=35.0,38.5&radius_km=50&limit=100",
    "/events?near=35.0,38.5&radius_km=200&limit=100",
    "/events?format=geojson&bbox=38.0,34.5,39.0,35.5&limit=500",
    "/timeline?bbox=38.0,34.5,39.0,35.5&limit=100",
    "/accusations?bbox=35.5,32.0,41.5,38.0&limit=100",
]


def load_providers(settings: GraphSettings, rows: int, workdir: Path, formats: list[str]) -> None:
    """Write (once) and load N synthetic rows of each format with the project's provider loader."""
    from loaders.providers.aliases import AliasTable
    from loaders.providers.run import load_provider
    from synthetic import WRITERS  # bench/synthetic.py, beside this file

    workdir.mkdir(parents=True, exist_ok=True)
    with open_driver(settings) as driver:
        names = {"acled": f"acled-{rows}.csv", "gdelt": f"gdelt-{rows}.export.CSV", "ucdp": f"ucdp-{rows}.csv"}
        for fmt, name in ((fmt, names[fmt]) for fmt in formats):
            path = workdir / name
            if not path.exists():
                WRITERS[fmt](path, rows)
            began = time.perf_counter()
            report = load_provider(driver, settings.database, path, fmt, aliases=AliasTable.load())  # type: ignore[arg-type]
            print(f"loaded {report.rows_read} {fmt} rows in {time.perf_counter() - began:.0f} s")


def time_endpoint(client: TestClient, url: str, calls: int) -> str:
    """One result line: p50, p95 and p99 in ms, or the status when the endpoint does not answer 200."""
    warm = [client.get(url) for _ in range(min(10, max(2, calls // 5)))]
    if warm[-1].status_code != 200:
        return f"{url:<70} status {warm[-1].status_code}: {warm[-1].text[:60]}"
    timings, size = [], len(warm[-1].content)
    for _ in range(calls):
        began = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, url
    cuts = statistics.quantiles(timings, n=100, method="inclusive") if len(timings) > 1 else timings * 99
    p50, p95, p99 = statistics.median(timings), cuts[94], cuts[98]
    return f"{url:<70} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f} {calls:>6} {size / 1024:>8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", default="main")
    parser.add_argument("--load", action="store_true", help="load the seed file first")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--provider-rows", type=int, default=0,
                        help="load this many synthetic ACLED + GDELT rows and time LARGE_ENDPOINTS")
    parser.add_argument("--skip-load", action="store_true", help="with --provider-rows: data already loaded")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-bench"))
    parser.add_argument("--formats", default="acled,gdelt", help="with --provider-rows: which files")
    parser.add_argument("--only", choices=["geo"], help="time only the bbox / near cases")
    parser.add_argument("--geo-events", type=int, default=0,
                        help="first write this many located events server-side (bench/geo_events.py)")
    args = parser.parse_args()
    settings = resolve_settings(args.instance)
    if args.load or (args.provider_rows and not args.skip_load):
        with open_driver(settings) as driver, driver.session(database=settings.database) as session:
            load_curated(SEED, session)
    if args.provider_rows and not args.skip_load:
        load_providers(settings, args.provider_rows, args.workdir, args.formats.split(","))
    if args.geo_events:
        from geo_events import build_geo_events  # bench/geo_events.py, beside this file

        with open_driver(settings) as driver:
            build_geo_events(driver, settings.database, args.geo_events)
    endpoints = (LARGE_ENDPOINTS + GEO_ENDPOINTS) if args.provider_rows else ENDPOINTS
    if args.only == "geo":
        endpoints = GEO_ENDPOINTS
    print(f"{'endpoint':<70} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'calls':>6} {'KiB':>8}")
    with TestClient(create_app(settings)) as client:
        for url in endpoints:
            print(time_endpoint(client, url, args.calls), flush=True)


if __name__ == "__main__":
    main()
