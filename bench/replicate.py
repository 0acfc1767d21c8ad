"""Grow a loaded sample of provider rows into a large graph offline: copies of what the loader wrote.

The provider loader (and even server-side copying) runs at a few hundred rows/s when six benchmarks
share two cores, so a million rows would take hours. Instead a sample (bench/latency_data.py:
SAMPLE_ROWS rows of each format) goes through the real loader, the whole graph is exported as
neo4j-admin CSV (graph/export/csv.py), and each sample event and statement is written `factor`
times with the id suffix `:r<k>` (k ≥ 1; the original stays): the same properties, dates, point,
place and actor links (relationship ids suffixed alike), so the copies have exactly the loader's
shape and its actor, place and date distributions. `neo4j-admin database import full` then builds
the instance's database from the files (server stopped) and the migrations index it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

csv.field_size_limit(1 << 30)
NODE_FILES = ("nodes/Event.csv", "nodes/Statement.csv")


def _rows(archive: zipfile.ZipFile, name: str) -> Iterator[list[str]]:
    with archive.open(name) as raw:
        yield from csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def replicate_export(
    export: Path, out: Path, *, is_sample: Callable[[str], bool], drop: Callable[[str], bool], factor: int
) -> list[str]:
    """Write the export to `out` with `factor - 1` copies of every sample item; the import arguments."""
    out.mkdir(parents=True, exist_ok=True)
    arguments = []
    with zipfile.ZipFile(export) as archive:
        names = [n for n in archive.namelist() if n.endswith(".csv")]
        for name in names:
            rows = _rows(archive, name)
            header = next(rows)
            target = out / name.replace("/", "-")
            is_node = name.startswith("nodes/")
            with target.open("w", newline="", encoding="utf-8") as stream:
                writer = csv.writer(stream, quoting=csv.QUOTE_ALL)
                writer.writerow(header)
                if is_node:
                    _copy_nodes(rows, header, writer, is_sample, drop, factor if name in NODE_FILES else 1)
                else:
                    _copy_relationships(rows, header, writer, is_sample, drop, factor)
            arguments.append(f"--{'nodes' if is_node else 'relationships'}={target}")
    return arguments


def _copy_nodes(rows, header, writer, is_sample, drop, factor) -> None:  # type: ignore[no-untyped-def]
    key, provider = header.index("id:ID"), next((i for i, h in enumerate(header) if h.startswith("provider_id:")), None)
    for row in rows:
        if drop(row[key]):
            continue
        writer.writerow(row)
        if not is_sample(row[key]):
            continue
        for k in range(1, factor):
            copy = list(row)
            copy[key] += f":r{k}"
            if provider is not None and copy[provider]:
                copy[provider] += f":r{k}"
            writer.writerow(copy)


def _copy_relationships(rows, header, writer, is_sample, drop, factor) -> None:  # type: ignore[no-untyped-def]
    start, end, key = header.index(":START_ID"), header.index(":END_ID"), header.index("id:string")
    for row in rows:
        if drop(row[start]) or drop(row[end]):
            continue
        writer.writerow(row)
        sides = [i for i in (start, end) if is_sample(row[i])]
        if not sides:
            continue
        for k in range(1, factor):
            copy = list(row)
            for i in (*sides, key):
                copy[i] += f":r{k}"
            writer.writerow(copy)
