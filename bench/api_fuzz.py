"""Long API fuzzing: hostile values in every parameter of every GET operation, then a long schemathesis run.

    CKG_TEST_INSTANCE=NAME CKG_TEST_BOLT_PORT=… CKG_TEST_HTTP_PORT=… .venv/bin/python bench/api_fuzz.py \
        [--examples 1500] [--skip-schemathesis] [--json]

Part 1 loads the seed into the test instance (wiped), then sends each value of HOSTILE to each
parameter of each operation in /openapi.json (the others filled with valid examples) and prints the
statuses, every 5xx and every body with a stack trace, and whether the graph changed (it must not).
Part 2 runs tests/api/test_schemathesis.py with CKG_SCHEMATHESIS_EXAMPLES=--examples per operation
(1500 ≈ 26,000 cases, ~10 minutes on a quiet 2-core machine) and prints its case count and statuses.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from api.app import create_app  # noqa: E402
from api.security import AccessSettings  # noqa: E402
from graph.driver import open_driver  # noqa: E402
from graph.local.instance import LocalInstance  # noqa: E402
from graph.wipe import wipe_database  # noqa: E402
from loaders.curated import load_curated  # noqa: E402

SEED = ROOT / "data" / "seed" / "idlib-2018-2020.yaml"
VALID = {"actor_id": "actor:russia", "event_id": "event:2019-04-syrian-offensive",
         "statement_id": "stmt:x", "from": "actor:russia", "to": "actor:turkey", "seed": "actor:russia"}
HOSTILE = [
    "", " ", "0", "-1", "1e308", "NaN", "inf", str(2**63), str(-(2**63) - 1), "99999999999999999999999",
    "2020-02-30", "0000-00-00", "9999-99", "20200", "true", "null", "[]", "{}", "[" * 1000 + "]" * 1000,
    "a" * 10_000, "a " * 2_000, "İ" * 500, "\x00", "\x00" * 100, "%00", "\ud7ff\ue000", "😀" * 300,
    "' OR 1=1 --", "\") RETURN n //", "MATCH (n) DETACH DELETE n", "$param", "{{7*7}}", "../../etc/passwd",
    "+-&|!(){}[]^\"~*?:\\/", "AND OR NOT", "*", "?", "\\", "<script>alert(1)</script>", "a,b,,c,", ",,,",
    "eyJvZmZzZXQiOiAxfQ", "eyJkYXRlIjogIjIwMjAtMDEtMDEiLCAicmFuayI6IDkyMjMzNzIwMzY4NTQ3NzU4MDgsICJpZCI6ICJ4In0",
    "\u202e\u200b", "%", "%%%", "\r\nX-Injected: 1",
]
GRAPH_STATE = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels"


def _operations(client: TestClient) -> list[tuple[str, list[dict[str, object]]]]:
    paths = client.get("/openapi.json").json()["paths"]
    return [(path, ops["get"].get("parameters", [])) for path, ops in paths.items() if "get" in ops]


def _request(client: TestClient, path: str, parameters: list[dict[str, object]], name: str, value: str):
    url, query = path, {}
    for parameter in parameters:
        pname, where = str(parameter["name"]), parameter["in"]
        chosen = value if pname == name else VALID.get(pname)
        if chosen is None:
            continue
        if where == "path":
            url = url.replace("{" + pname + "}", chosen.replace("/", "%2F") or "%20")
        else:
            query[pname] = chosen
    return client.get(url, params=query)


def hostile_pass(client: TestClient) -> dict[str, object]:
    statuses: Counter[int] = Counter()
    failures: list[str] = []
    parameters = 0
    started = time.monotonic()
    for path, params in _operations(client):
        for parameter in params:
            parameters += 1
            for value in HOSTILE:
                response = _request(client, path, params, str(parameter["name"]), value)
                statuses[response.status_code] += 1
                if response.status_code >= 500 or "Traceback" in response.text:
                    failures.append(f"{response.status_code} {path} {parameter['name']}={value[:40]!r}")
    return {"parameters": parameters, "requests": sum(statuses.values()), "statuses": dict(sorted(statuses.items())),
            "failures": failures, "seconds": round(time.monotonic() - started, 1)}


def schemathesis_pass(examples: int) -> dict[str, object]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:cacheprovider", str(ROOT / "tests/api/test_schemathesis.py")],
        env={**os.environ, "CKG_SCHEMATHESIS_EXAMPLES": str(examples), "CKG_TEST_KEEP_NEO4J": "1"},
        capture_output=True, text=True, cwd=ROOT,
    )
    summary = next((line for line in done.stdout.splitlines() if line.startswith("schemathesis:")), "")
    return {"examples_per_operation": examples, "summary": summary, "passed": done.returncode == 0,
            "seconds": round(time.monotonic() - started, 1), "tail": done.stdout.splitlines()[-3:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1500)
    parser.add_argument("--skip-schemathesis", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    local = LocalInstance.named(os.environ.get("CKG_TEST_INSTANCE", "test"))
    if local.name == "main":
        sys.exit("refusing to wipe the main instance")
    local.start()
    settings = local.settings()
    with open_driver(settings) as driver:
        wipe_database(driver, settings.database)
        with driver.session(database=settings.database) as session:
            load_curated(SEED, session)
        before = driver.execute_query(GRAPH_STATE).records[0].data()
        with TestClient(create_app(settings, AccessSettings(allowed_hosts="testserver"))) as client:
            hostile = hostile_pass(client)
        after = driver.execute_query(GRAPH_STATE).records[0].data()
    figures: dict[str, object] = {"hostile": hostile, "graph_unchanged": before == after, "graph": after}
    if not args.skip_schemathesis:
        figures["schemathesis"] = schemathesis_pass(args.examples)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"hostile values: {hostile['requests']} requests over {hostile['parameters']} parameters in "
          f"{hostile['seconds']} s; statuses {hostile['statuses']}; 5xx or traceback: {len(hostile['failures'])}")
    for failure in hostile["failures"]:  # type: ignore[attr-defined]
        print("  " + failure)
    print(f"graph unchanged: {figures['graph_unchanged']} ({after})")
    if "schemathesis" in figures:
        st = figures["schemathesis"]
        print(f"{st['summary']} ({st['examples_per_operation']} examples per operation, {st['seconds']} s, "  # type: ignore[index]
              f"{'passed' if st['passed'] else 'FAILED: ' + ' / '.join(st['tail'])})")  # type: ignore[index]


if __name__ == "__main__":
    main()
