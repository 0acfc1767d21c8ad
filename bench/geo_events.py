"""Build a large graph of located events fast, server-side, for latency benchmarks (not a loader test).

    .venv/bin/python bench/api_latency.py --instance bench --geo-events 1000000 --only geo

Writes N events `bench:geo:<n>` (ids stable: a second run rewrites the same nodes) at the 15,000
synthetic towns of bench/synthetic_places.py (a town's point jittered by up to ±0.05°), dated
through 2020, each OCCURRED_IN its town's Place, with a `geo_precision` of 1, 2 or 4 and one of 50
actors as a party, in server-side batches of 20,000 (UNWIND over a range). The shape matches what
the provider loaders write for ACLED rows, minus the provider-specific properties; it exists because
loading 1M rows through the loader takes hours on a busy 2-core machine. bench/load.py measures the
loader itself.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from neo4j import Driver, ManagedTransaction

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_places import CENTRES, PROVINCES, TOWNS_PER_PROVINCE, site  # noqa: E402

BATCH = 20_000
SOURCE = {"id": "src:bench", "title": "Synthetic benchmark events", "kind": "dataset",
          "source_ids": ["src:bench"]}

PLACES = """
MERGE (s:Source {id: $source.id}) SET s += $source
WITH s
UNWIND $places AS place
MERGE (p:Place {id: place.id})
SET p.name = place.name, p.kind = 'location', p.country = place.country,
    p.point = point({longitude: place.lon, latitude: place.lat}), p.source_ids = ['src:bench']
"""
ACTORS = """
UNWIND range(0, 49) AS n
MERGE (a:Actor {id: 'bench:actor:' + n})
SET a.name = 'Bench actor ' + n, a.kind = 'armed_group', a.source_ids = ['src:bench']
"""
EVENTS = """
UNWIND range($first, $last) AS n
WITH n, $places[n % size($places)] AS place
WITH n, place, (n * 7919 % 1000) / 10000.0 - 0.05 AS dx, (n * 104729 % 1000) / 10000.0 - 0.05 AS dy,
     [1, 1, 2, 4][n % 4] AS precision
MERGE (e:Event {id: 'bench:geo:' + n})
SET e.title = 'Synthetic event ' + n, e.type = ['armed_clash', 'airstrike', 'shelling'][n % 3],
    e.date = toString(date('2020-01-01') + duration({days: n % 366})),
    e.date_start = date('2020-01-01') + duration({days: n % 366}),
    e.date_end = date('2020-01-01') + duration({days: n % 366}), e.date_precision = 'day',
    e.date_span_class = 0,
    e.dataset = 'bench', e.source_ids = ['src:bench'], e.geo_precision = precision,
    e.point = point({longitude: place.lon + dx, latitude: place.lat + dy})
WITH e, n, place, precision
MATCH (p:Place {id: place.id})
MERGE (e)-[o:OCCURRED_IN {id: 'occurred_in:bench:geo:' + n + ':place'}]->(p)
SET o.source_ids = ['src:bench'], o.geo_precision = precision
WITH e, n
MATCH (a:Actor {id: 'bench:actor:' + (n % 50)})
MERGE (a)-[r:PARTICIPATED_IN {id: 'participated_in:bench:geo:' + n + ':actor1'}]->(e)
SET r.role = 'party', r.source_ids = ['src:bench']
"""


def _places() -> list[dict[str, object]]:
    towns = []
    for iso3 in CENTRES:
        for town in range(PROVINCES * TOWNS_PER_PROVINCE):
            at = site(iso3, town)
            towns.append({"id": f"place:bench:{iso3.lower()}:{town}", "name": at.town,
                          "country": iso3, "lon": at.lon, "lat": at.lat})
    return towns


def _run(tx: ManagedTransaction, query: str, **parameters: object) -> None:
    tx.run(query, **parameters).consume()


def build_geo_events(driver: Driver, database: str, count: int) -> None:
    """Write (or rewrite) `count` located events and their places; print progress."""
    places = _places()
    with driver.session(database=database) as session:
        session.execute_write(_run, PLACES, source=SOURCE, places=places)
        session.execute_write(_run, ACTORS)
        started = time.perf_counter()
        for first in range(0, count, BATCH):
            last = min(first + BATCH, count) - 1
            session.execute_write(_run, EVENTS, first=first, last=last, places=places)
            print(f"  {last + 1:,} events ({time.perf_counter() - started:.0f} s)", flush=True)
