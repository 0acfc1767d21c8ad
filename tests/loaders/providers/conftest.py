"""Provider-load test helpers: run a load into the test graph, fingerprint the whole graph, write rows
in each provider's exact layout (the fixture rows, each with its own id, cells overridden by column)."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from neo4j import Driver

from graph.queries.accusation_summary import NOT_SUMMARY
from graph.settings import GraphSettings
from loaders.providers.aliases import DEFAULT_ALIASES, AliasTable
from loaders.providers.report import ProviderLoadReport
from loaders.providers.run import ProviderFormat, load_provider

DATA = Path(__file__).parent / "data"
CKG = Path(__file__).resolve().parents[3] / ".venv" / "bin" / "ckg"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the fixture files (loads write rejects and checkpoints beside their input)."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def load(
    driver: Driver,
    settings: GraphSettings,
    path: Path,
    fmt: ProviderFormat,
    *,
    aliases: Path = DEFAULT_ALIASES,
    batch_size: int = 5000,
) -> ProviderLoadReport:
    return load_provider(
        driver,
        settings.database,
        path,
        fmt,
        aliases=AliasTable.load(aliases),
        batch_size=batch_size,
    )


# (incidents, REPORTED_AS links, CONTENDS links) that linking after a load made.
INCIDENT_COUNTS = """
RETURN COUNT { (:Incident) } AS incidents, COUNT { (:Incident)-[:REPORTED_AS]->() } AS reported,
       COUNT { (:Incident)-[:CONTENDS]-() } AS contending
"""


def rows(
    driver: Driver, settings: GraphSettings, query: str, **params: object
) -> list[tuple[object, ...]]:
    records = driver.execute_query(query, params, database_=settings.database).records
    return [tuple(record.values()) for record in records]


def graph_checksum(driver: Driver, settings: GraphSettings) -> tuple[int, int, str]:
    """(nodes, relationships, sha256 over every label, id, property and endpoint) of the model
    (not the accusation summary's bookkeeping)."""
    nodes = rows(driver, settings, f"MATCH (n) WHERE {NOT_SUMMARY} RETURN labels(n), properties(n)")
    rels = rows(driver, settings, "MATCH (a)-[r]->(b) RETURN type(r), a.id, b.id, properties(r)")
    text = sorted(json.dumps(row, default=str, sort_keys=True) for row in [*nodes, *rels])
    return len(nodes), len(rels), hashlib.sha256("\n".join(text).encode()).hexdigest()


def _fixture(name: str, delimiter: str = ",") -> list[list[str]]:
    with (DATA / name).open(newline="", encoding="utf-8-sig") as stream:
        return list(csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL))


ACLED_HEADER, *ACLED_ROWS = _fixture("acled_syria_2020.csv")
UCDP_HEADER, *UCDP_ROWS = _fixture("ucdp_ged_syria.csv")
GDELT_ROWS = [  # the fixture's valid rows: accusation, airstrike, agreement, negotiation, threat
    row
    for row in _fixture("gdelt_syria_2020.export.CSV", "\t")
    if row[0] in {"900001", "900003", "900004", "900005", "900009"}
]


def acled_row(n: int, **cells: str) -> list[str]:
    """Row n of an ACLED export (id SYR3nnnnn), cells overridden by column name."""
    row = list(ACLED_ROWS[n % len(ACLED_ROWS)])
    row[0] = f"SYR3{n:05d}"
    for name, value in cells.items():
        row[ACLED_HEADER.index(name)] = value
    return row


def ucdp_row(n: int, **cells: str) -> list[str]:
    """Row n of a UCDP GED CSV (id 4nnnnn), cells overridden by column name."""
    row = list(UCDP_ROWS[n % len(UCDP_ROWS)])
    row[0] = f"4{n:05d}"
    for name, value in cells.items():
        row[UCDP_HEADER.index(name)] = value
    return row


def gdelt_row(n: int, **cells: str) -> list[str]:
    """Row n of a GDELT 2.0 events export (id 7nnnnnn), cells overridden by 0-based index: c34="nan"."""
    row = list(GDELT_ROWS[n % len(GDELT_ROWS)])
    row[0] = f"7{n:06d}"
    for name, value in cells.items():
        row[int(name.removeprefix("c"))] = value
    return row


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8"
) -> Path:
    """A CSV file as the providers publish it: a header row, `\\n` line ends, quotes where needed."""
    with path.open("w", newline="", encoding=encoding) as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_gdelt(path: Path, rows: list[list[str]]) -> Path:
    """Tab-separated, unquoted, no header, as GDELT publishes."""
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path
