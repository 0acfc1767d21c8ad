"""Benchmark whole-graph exports: time and peak memory per format, on the seed and synthetic graphs.

    CKG_TEST_BOLT_PORT=… CKG_TEST_HTTP_PORT=… .venv/bin/python bench/export.py --instance NAME \
        [--sizes 10000,40000] [--formats json,graphml,…]

Wipes the instance's graph (use a test or bench instance, never `main`), loads the curated seed,
then synthetic graphs written through graph.writes (per N events: N/20 actors, N/100 places, N/50
sources; each event has 2 PARTICIPATED_IN and 1 OCCURRED_IN). Each export runs `ckg export --all`
in a child process; its peak RSS comes from getrusage(RUSAGE_CHILDREN) (children run one at a time).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neo4j import Driver  # noqa: E402

from graph.driver import open_driver  # noqa: E402
from graph.export.formats import ExportFormat  # noqa: E402
from graph.local.instance import LocalInstance  # noqa: E402
from graph.model import Label, RelType  # noqa: E402
from graph.wipe import wipe_database  # noqa: E402
from graph.writes import merge_nodes, merge_relationships  # noqa: E402
from loaders.curated import load_curated  # noqa: E402

SEED = ROOT / "data" / "seed" / "idlib-2018-2020.yaml"
CKG = ROOT / ".venv" / "bin" / "ckg"
BATCH_ROWS = 5000  # rows per write transaction (bench/export_parallel.py lowers it on a busy machine)
COUNTS = "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels"


def _write(driver: Driver, label: Label, rows: list[dict[str, object]]) -> None:
    with driver.session() as session:
        for start in range(0, len(rows), BATCH_ROWS):
            session.execute_write(merge_nodes, label, rows[start : start + BATCH_ROWS])


def _link(driver: Driver, rel: RelType, ends: tuple[Label, Label], rows: list[dict[str, object]]) -> None:
    with driver.session() as session:
        for start in range(0, len(rows), BATCH_ROWS):
            session.execute_write(merge_relationships, rel, ends[0], ends[1], rows[start : start + BATCH_ROWS])


def synthetic_graph(driver: Driver, events: int, seed: int = 7) -> None:
    """A contract-shaped random graph of `events` events around fewer actors, places and sources."""
    rng = random.Random(seed)
    sources = [f"src:s{i}" for i in range(max(1, events // 50))]
    actors = [f"actor:a{i}" for i in range(max(2, events // 20))]
    places = [f"place:p{i}" for i in range(max(1, events // 100))]
    cite = lambda: [rng.choice(sources)]  # noqa: E731
    _write(driver, Label.SOURCE, [
        {"id": s, "source_ids": [s], "title": f"Report {s}", "kind": "news_article", "publisher": "Wire",
         "url": f"https://example.org/{s}", "language": "en"} for s in sources])
    _write(driver, Label.ACTOR, [
        {"id": a, "source_ids": cite(), "name": f"Actor {a}", "kind": "armed_group",
         "aliases": [f"A{a}"] if rng.random() < 0.5 else [], "country": "SYR", "description": "synthetic"}
        for a in actors])
    _write(driver, Label.PLACE, [
        {"id": p, "source_ids": cite(), "name": f"Place {p}", "kind": "town", "country": "SYR",
         "latitude": 35 + rng.random(), "longitude": 36 + rng.random()} for p in places])
    rows, participants, located = [], [], []
    for i in range(events):
        day = date(2018, 1, 1) + timedelta(days=rng.randrange(1000))
        event_id = f"event:e{i}"
        rows.append({"id": event_id, "source_ids": cite(), "quote": f"Sentence {i} from the report.",
                     "title": f"Event {i}", "type": "airstrike", "summary": "synthetic strike",
                     "date": day.isoformat(), "date_start": day, "date_end": day, "date_precision": "day",
                     "fatalities_best": rng.randrange(20), "dataset": "acled", "provider_id": str(i)})
        for role, actor in zip(("perpetrator", "target"), rng.sample(actors, 2), strict=True):
            participants.append({"id": f"participated_in:{actor}->{event_id}:{role}", "start": actor,
                                 "end": event_id, "role": role, "source_ids": cite()})
        place = rng.choice(places)
        located.append({"id": f"occurred_in:{event_id}->{place}", "start": event_id, "end": place,
                        "source_ids": cite()})
    _write(driver, Label.EVENT, rows)
    _link(driver, RelType.PARTICIPATED_IN, (Label.ACTOR, Label.EVENT), participants)
    _link(driver, RelType.OCCURRED_IN, (Label.EVENT, Label.PLACE), located)


def measure(instance: str, export_format: ExportFormat, out: Path) -> tuple[float, float, int]:
    """Seconds, peak RSS (MiB) and bytes of one `ckg export --all` child process."""
    env = {**os.environ}
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([str(CKG), "export", "--all", "--format", export_format, "--out", str(out),
                    "--instance", instance], env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, max over children so far
    return seconds, (peak if peak > before else float("nan")) / 1024, out.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", required=True, help="A test/bench instance: its graph is wiped.")
    parser.add_argument("--sizes", default="10000,40000", help="Synthetic event counts.")
    parser.add_argument("--formats", default=",".join(ExportFormat))
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/ckg-export-bench"))
    args = parser.parse_args()
    if args.instance == "main":
        sys.exit("refusing to wipe the main instance")
    local = LocalInstance.named(args.instance)
    local.start()
    args.workdir.mkdir(parents=True, exist_ok=True)
    formats = [ExportFormat(f) for f in args.formats.split(",")]
    graphs = [("seed", 0)] + [(f"synthetic-{n}", int(n)) for n in args.sizes.split(",")]
    print(f"{'graph':<18}{'nodes':>8}{'rels':>9}  {'format':<8}{'seconds':>9}{'peak MiB':>10}{'MiB out':>9}")
    with open_driver(local.settings()) as driver:
        for name, events in graphs:
            wipe_database(driver, local.settings().database)
            if events:
                synthetic_graph(driver, events)
            else:
                with driver.session() as session:
                    load_curated(SEED, session)
            nodes, rels = driver.execute_query(COUNTS).records[0]
            for export_format in formats:
                # RUSAGE_CHILDREN keeps the max of all children, so each format runs in a fresh parent.
                done = subprocess.run(
                    [sys.executable, __file__, "--instance", args.instance, "--one", export_format,
                     "--workdir", str(args.workdir)], capture_output=True, text=True, check=True)
                seconds, peak, size = done.stdout.split()
                print(f"{name:<18}{nodes:>8}{rels:>9}  {export_format:<8}{float(seconds):>9.1f}"
                      f"{float(peak):>10.0f}{int(size) / 2**20:>9.1f}", flush=True)


def one(instance: str, export_format: str, workdir: Path) -> None:
    seconds, peak, size = measure(instance, ExportFormat(export_format), workdir / f"all.{export_format}")
    print(seconds, peak, size)


if __name__ == "__main__":
    if "--one" in sys.argv:
        parsed = argparse.ArgumentParser()
        parsed.add_argument("--instance")
        parsed.add_argument("--one")
        parsed.add_argument("--workdir", type=Path)
        a = parsed.parse_args()
        one(a.instance, a.one, a.workdir)
    else:
        main()
