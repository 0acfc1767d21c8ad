"""The workbench in headless Chromium: first render of /app on the seed, and interactivity with
10,000 timeline items and 1,000 network nodes.

    .venv/bin/python bench/workbench.py --instance t-web [--runs 5] [--items 10000] [--actors 1000] [--json]

The instance's graph is WIPED (never `main`): the seed is loaded, the API (with /app, from web/dist:
run `make web` first) is served in-process on a free port, and each run opens /app in a fresh
browser context (cold cache). First render = navigation start → the last of the timeline, network
and map views reporting their data drawn (the page's `ckg:*-ready` performance marks). Then a
synthetic graph replaces the seed (ITEMS/2 events and ITEMS/2 accusation statements among ACTORS
actors, every actor in the accusation network), /app loads all of it, and the script zooms and pans
the timeline, clicks an actor in the network and types a filter: interactivity is the Event Timing
API's duration of each input (input delay + handlers + next paint; INP's measure) and the long
tasks (>50 ms) the main thread ran meanwhile. Chromium is $CKG_CHROMIUM or `chromium`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import uvicorn
from neo4j import Driver
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from api.app import create_app  # noqa: E402
from api.workbench import WEB_DIST  # noqa: E402
from graph.driver import open_driver  # noqa: E402
from graph.local.instance import LocalInstance  # noqa: E402
from graph.migrations import apply_migrations  # noqa: E402
from graph.model import Label, RelType  # noqa: E402
from graph.settings import GraphSettings  # noqa: E402
from graph.wipe import wipe_database  # noqa: E402
from graph.writes import merge_nodes, merge_relationships  # noqa: E402
from loaders.curated.run import load_curated  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "idlib-2018-2020.yaml"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWS = ("timeline", "network", "map")
# Collects Event Timing entries (every input slower than 16 ms) and long tasks from page start.
OBSERVERS = """
window.__inputs = []; window.__longtasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries())
  window.__inputs.push({name: e.name, duration: e.duration}); })
  .observe({type: 'event', durationThreshold: 16, buffered: true});
new PerformanceObserver((list) => { for (const e of list.getEntries())
  window.__longtasks.push({start: e.startTime, duration: e.duration}); })
  .observe({type: 'longtask', buffered: true});
"""


@contextmanager
def served(settings: GraphSettings) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _write(driver: Driver, database: str, label: Label, rows: list[dict[str, object]]) -> None:
    with driver.session(database=database) as session:
        for start in range(0, len(rows), 5000):
            session.execute_write(merge_nodes, label, rows[start : start + 5000])


def _link(driver: Driver, database: str, rel: RelType, ends: tuple[Label, Label], rows: list[dict[str, object]]) -> None:
    with driver.session(database=database) as session:
        for start in range(0, len(rows), 5000):
            session.execute_write(merge_relationships, rel, ends[0], ends[1], rows[start : start + 5000])


def _dated(day: date, month_precision: bool) -> dict[str, object]:
    if month_precision:
        last = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return {"date": day.strftime("%Y-%m"), "date_start": day.replace(day=1), "date_end": last,
                "date_precision": "month"}
    return {"date": day.isoformat(), "date_start": day, "date_end": day, "date_precision": "day"}


def synthetic_story(driver: Driver, database: str, items: int, actors: int, seed: int = 11) -> None:
    """items/2 events and items/2 accusations among `actors` actors. Each actor accuses one of the
    30 most-accused (a few states draw most accusations, as in real data), so every actor is in the
    network with one edge each; the remaining statements repeat those pairs (heavier edges)."""
    rng = random.Random(seed)
    source = {"id": "src:bench", "source_ids": ["src:bench"], "title": "Synthetic wire", "kind": "article"}
    _write(driver, database, Label.SOURCE, [source])
    actor_ids = [f"actor:b{i}" for i in range(actors)]
    _write(driver, database, Label.ACTOR, [
        {"id": a, "source_ids": ["src:bench"], "name": f"Actor {i}", "kind": "state" if i % 10 == 0 else "armed_group"}
        for i, a in enumerate(actor_ids)])
    first = date(2018, 1, 1)
    events, participants, statements, made, accuses = [], [], [], [], []
    for i in range(items // 2):
        event_id = f"event:b{i}"
        day = first + timedelta(days=rng.randrange(3 * 365))
        events.append({"id": event_id, "source_ids": ["src:bench"], "title": f"Strike {i}", "type": "airstrike",
                       "summary": "synthetic", **_dated(day, rng.random() < 0.1)})
        for role, actor in zip(("perpetrator", "target"), rng.sample(actor_ids, 2), strict=True):
            participants.append({"id": f"participated_in:{actor}->{event_id}:{role}", "start": actor,
                                 "end": event_id, "role": role, "source_ids": ["src:bench"]})
    targets = [rng.choice([t for t in range(30) if t != i]) for i in range(actors)]
    for i in range(items // 2):
        statement_id = f"stmt:b{i}"
        who = i if i < actors else rng.randrange(actors)
        speaker, accused = actor_ids[who], actor_ids[targets[who]]
        day = first + timedelta(days=rng.randrange(3 * 365))
        statements.append({"id": statement_id, "source_ids": ["src:bench"], "title": f"Accusation {i}",
                           "summary": f"{speaker} blames {accused}", "stance": "accusation", "verbatim": False,
                           **_dated(day, rng.random() < 0.1)})
        made.append({"id": f"made:{speaker}->{statement_id}", "start": speaker, "end": statement_id,
                     "source_ids": ["src:bench"]})
        accuses.append({"id": f"accuses:{statement_id}->{accused}", "start": statement_id, "end": accused,
                        "charge": "synthetic charge", "source_ids": ["src:bench"]})
    _write(driver, database, Label.EVENT, events)
    _write(driver, database, Label.STATEMENT, statements)
    _link(driver, database, RelType.PARTICIPATED_IN, (Label.ACTOR, Label.EVENT), participants)
    _link(driver, database, RelType.MADE, (Label.ACTOR, Label.STATEMENT), made)
    _link(driver, database, RelType.ACCUSES, (Label.STATEMENT, Label.ACTOR), accuses)


def marks(page: Page) -> dict[str, float]:
    return page.evaluate("Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))")


def open_app(browser: Browser, url: str, timeout_ms: float) -> tuple[Page, float]:
    """A fresh context at 1280×800 on `url`, waited until every view is drawn; (page, wall seconds)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(OBSERVERS)
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    for view in VIEWS:
        page.wait_for_selector(f"[data-view={view}][data-state=ready]", timeout=timeout_ms)
    return page, time.perf_counter() - started


# The API's data answers (not the page's own files): how long the server took, from the browser's side.
API_WAIT = """Math.max(0, ...performance.getEntriesByType('resource')
  .filter(r => !r.name.includes('/app/') && !r.name.endsWith('/openapi.json'))
  .map(r => r.responseEnd - r.requestStart))"""


def first_render(browser: Browser, base_url: str, runs: int) -> dict[str, object]:
    renders, paints, scripts, waits = [], [], [], []
    steps: dict[str, list[float]] = {}
    for _ in range(runs):
        page, _ = open_app(browser, f"{base_url}/app/", 60_000)
        found = marks(page)
        for name, at in found.items():
            steps.setdefault(name, []).append(at / 1000)
        renders.append(max(found[f"ckg:{view}-ready"] for view in VIEWS) / 1000)
        scripts.append(found["ckg:start"] / 1000)
        waits.append(page.evaluate(API_WAIT) / 1000)
        paints.append(page.evaluate(
            "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN") / 1000)
        page.context.close()
    return {"runs": runs, "first_render_s": renders, "median_s": statistics.median(renders),
            "max_s": max(renders), "first_contentful_paint_median_s": statistics.median(paints),
            "app_script_started_median_s": statistics.median(scripts),
            "slowest_api_answer_median_s": statistics.median(waits),
            "marks_median_s": {name: statistics.median(times) for name, times in sorted(steps.items())}}


def interactivity(browser: Browser, base_url: str) -> dict[str, object]:
    page, wall = open_app(browser, f"{base_url}/app/", 300_000)
    found = marks(page)
    loaded = {"timeline_items": int(page.get_attribute("#timeline", "data-count") or 0),
              "network_nodes": int(page.get_attribute("#network", "data-count") or 0),
              "timeline_first_page_s": found["ckg:timeline-drawn"] / 1000,
              "network_drawn_s": found["ckg:network-ready"] / 1000,
              "all_items_loaded_s": found["ckg:timeline-ready"] / 1000, "wall_s": wall}
    loading_tasks = page.evaluate("window.__longtasks")
    page.evaluate("window.__inputs = []; window.__longtasks = []")

    timeline = page.locator("#timeline .timeline-canvas").bounding_box()
    network = page.locator("#network .network-canvas").bounding_box()
    assert timeline and network
    cx, cy = timeline["x"] + timeline["width"] / 2, timeline["y"] + timeline["height"] / 2
    started = time.perf_counter()
    for delta in (-300, -300, 300, -300, 300):  # wheel zooms in and out
        page.mouse.move(cx, cy)
        page.mouse.wheel(0, delta)
        page.wait_for_timeout(250)
    for _ in range(3):  # drags pan
        page.mouse.move(cx, cy)
        page.mouse.down()
        page.mouse.move(cx - 200, cy, steps=8)
        page.mouse.up()
        page.wait_for_timeout(250)
    page.mouse.click(cx - 100, cy + 20)  # select whatever is there
    page.wait_for_timeout(300)
    page.mouse.click(network["x"] + network["width"] / 2, network["y"] + network["height"] / 2)
    page.wait_for_timeout(300)
    page.get_by_label("Text (/)").click()
    page.keyboard.type("Strike", delay=50)
    page.wait_for_timeout(500)
    interacting = time.perf_counter() - started
    inputs = page.evaluate("window.__inputs")
    tasks = page.evaluate("window.__longtasks")
    page.context.close()
    durations = sorted(entry["duration"] for entry in inputs) or [0.0]
    return {
        **loaded,
        "loading_long_tasks": len(loading_tasks),
        "loading_longest_task_ms": max((t["duration"] for t in loading_tasks), default=0.0),
        "inputs_over_16ms": len(inputs),
        "input_max_ms": durations[-1],
        "input_p75_ms": durations[int(0.75 * (len(durations) - 1))],
        "interaction_long_tasks": len(tasks),
        "interaction_longest_task_ms": max((t["duration"] for t in tasks), default=0.0),
        "interaction_blocked_ms": sum(max(0.0, t["duration"] - 50) for t in tasks),
        "interaction_s": interacting,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", required=True, help="A test/bench instance: its graph is wiped.")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--actors", type=int, default=1_000)
    parser.add_argument("--json", action="store_true", help="Print one JSON object instead of text.")
    args = parser.parse_args()
    if args.instance == "main":
        sys.exit("refusing to wipe the main instance")
    if not (WEB_DIST / "index.html").is_file():
        sys.exit("web/dist is not built: run `make web`")
    chromium = os.environ.get("CKG_CHROMIUM") or shutil.which("chromium")
    if not chromium:
        sys.exit("No Chromium: set CKG_CHROMIUM or install Debian's chromium")
    instance = LocalInstance.named(args.instance)
    instance.distribution.install()
    started_here = instance.start()
    settings = instance.settings()
    try:
        with open_driver(settings) as driver, sync_playwright() as playwright:
            apply_migrations(driver, settings.database)
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
            wipe_database(driver, settings.database)
            with driver.session(database=settings.database) as session:
                load_curated(SEED, session)
            with served(settings) as base_url:
                open_app(browser, f"{base_url}/app/", 60_000)[0].context.close()  # warm the server's query plans
                seed = first_render(browser, base_url, args.runs)
                wipe_database(driver, settings.database)
                synthetic_story(driver, settings.database, args.items, args.actors)
                large = interactivity(browser, base_url)
            browser.close()
    finally:
        if started_here:
            instance.stop()
    load = os.getloadavg()[0]  # other work on the machine stretches every figure
    if args.json:
        print(json.dumps({"seed": seed, "large": large, "load_average_1min": load}, indent=2))
        return
    print(f"(machine load average over the last minute: {load:.1f} on {os.cpu_count()} cores)")
    print(f"First render of /app on the seed ({seed['runs']} cold runs): median {seed['median_s']:.2f} s, "
          f"max {seed['max_s']:.2f} s (first contentful paint {seed['first_contentful_paint_median_s']:.2f} s, "
          f"app script running at {seed['app_script_started_median_s']:.2f} s, slowest API answer "
          f"{seed['slowest_api_answer_median_s']:.2f} s)")
    print("  " + ", ".join(f"{name.removeprefix('ckg:')} {at:.2f} s"
                           for name, at in sorted(seed["marks_median_s"].items(), key=lambda kv: kv[1])))
    print(f"Large graph: {large['timeline_items']:,} timeline items, {large['network_nodes']:,} network nodes")
    print(f"  first timeline page drawn {large['timeline_first_page_s']:.2f} s, network drawn "
          f"{large['network_drawn_s']:.2f} s, all items loaded {large['all_items_loaded_s']:.2f} s")
    print(f"  while loading: {large['loading_long_tasks']} long tasks, longest {large['loading_longest_task_ms']:.0f} ms")
    print(f"  interacting ({large['interaction_s']:.1f} s of zoom, pan, clicks, typing): input latency max "
          f"{large['input_max_ms']:.0f} ms, p75 {large['input_p75_ms']:.0f} ms of {large['inputs_over_16ms']} inputs "
          f"over 16 ms; {large['interaction_long_tasks']} long tasks, longest {large['interaction_longest_task_ms']:.0f} ms")


if __name__ == "__main__":
    main()
