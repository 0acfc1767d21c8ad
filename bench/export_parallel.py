"""Memory of parallel API exports: RSS of `ckg serve` before, at peak and after N parallel downloads.

    CKG_TEST_BOLT_PORT=… CKG_TEST_HTTP_PORT=… .venv/bin/python bench/export_parallel.py --instance NAME \
        [--events 30000] [--seeds 3] [--depth 3] [--clients 3] [--format jsonld] [--max-concurrent 2] [--json]

Wipes the instance's graph (a test or bench instance, never `main`), writes bench/export.py's
synthetic graph, serves the API on it in a child process, then downloads the neighbourhood of the
first `--seeds` places (depth `--depth`) `--clients` times at once. RSS is sampled every 50 ms;
"after" is 5 s after the last download ended. Exports over CKG_EXPORT_MAX_CONCURRENT answer 429.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

import export  # noqa: E402  (bench/export.py)
from export import CKG, COUNTS, synthetic_graph  # noqa: E402

from graph.driver import open_driver  # noqa: E402
from graph.local.instance import LocalInstance  # noqa: E402
from graph.wipe import wipe_database  # noqa: E402

MIB = 2**20


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(local: LocalInstance, port: int, max_concurrent: int) -> subprocess.Popen[bytes]:
    settings = local.settings()
    env = {**os.environ, "NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
           "NEO4J_PASSWORD": settings.password.get_secret_value(),
           "CKG_EXPORT_MAX_CONCURRENT": str(max_concurrent), "CKG_ALLOWED_HOSTS": "127.0.0.1"}
    server = subprocess.Popen([str(CKG), "serve", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.3)
    server.kill()
    sys.exit("the API did not start")


def _download(url: str, params: dict[str, object], results: list[dict[str, object]]) -> None:
    started, size = time.monotonic(), 0
    with httpx.stream("GET", url, params=params, timeout=None) as response:
        for chunk in response.iter_bytes():
            size += len(chunk)
        results.append({"status": response.status_code, "bytes": size,
                        "seconds": round(time.monotonic() - started, 1)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", required=True, help="A test/bench instance: its graph is wiped.")
    parser.add_argument("--events", type=int, default=30000)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--depth", type=int, default=3)
    parser.add_argument("--clients", type=int, default=3)
    parser.add_argument("--format", default="jsonld")
    parser.add_argument("--max-concurrent", type=int, default=2)
    parser.add_argument("--keep-graph", action="store_true", help="Reuse the graph already there.")
    parser.add_argument("--batch-rows", type=int, default=export.BATCH_ROWS, help="Rows per write.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.instance == "main":
        sys.exit("refusing to wipe the main instance")
    export.BATCH_ROWS = args.batch_rows
    local = LocalInstance.named(args.instance)
    local.start()
    with open_driver(local.settings()) as driver:
        if not args.keep_graph:
            wipe_database(driver, local.settings().database)
            synthetic_graph(driver, args.events)
        nodes, rels = driver.execute_query(COUNTS).records[0]
    port = _free_port()
    server = _serve(local, port, args.max_concurrent)
    process = psutil.Process(server.pid)
    samples: list[int] = []
    sampling = threading.Event()

    def sample() -> None:
        while not sampling.is_set():
            samples.append(process.memory_info().rss)
            time.sleep(0.05)

    try:
        time.sleep(2)
        before = process.memory_info().rss
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        params = {"seed": [f"place:p{i}" for i in range(args.seeds)], "depth": args.depth,
                  "format": args.format}
        results: list[dict[str, object]] = []
        clients = [threading.Thread(target=_download, args=(f"http://127.0.0.1:{port}/export", params, results))
                   for _ in range(args.clients)]
        started = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        seconds = time.monotonic() - started
        time.sleep(5)
        sampling.set()
        sampler.join()
        after = process.memory_info().rss
    finally:
        server.terminate()
        server.wait()
    figures = {
        "graph": {"nodes": nodes, "relationships": rels}, "format": args.format, "clients": args.clients,
        "max_concurrent": args.max_concurrent, "downloads": results, "seconds": round(seconds, 1),
        "rss_mib": {"before": round(before / MIB), "peak": round(max(samples) / MIB), "after": round(after / MIB)},
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"graph: {nodes} nodes, {rels} relationships; {args.clients} parallel {args.format} exports of "
          f"{args.seeds} places at depth {args.depth} (CKG_EXPORT_MAX_CONCURRENT={args.max_concurrent})")
    for result in results:
        print(f"  status {result['status']}: {int(result['bytes']) / MIB:.1f} MiB in {result['seconds']} s")
    rss = figures["rss_mib"]
    print(f"API RSS: before {rss['before']} MiB, peak {rss['peak']} MiB, after {rss['after']} MiB "  # type: ignore[index]
          f"({seconds:.1f} s)")


if __name__ == "__main__":
    main()
