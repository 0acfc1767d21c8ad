"""Every path that writes an Event's or Statement's dates also writes its span class, the same one
(schema.dates.span_class): provider loads, bulk import files, curated files, CSV and Cypher imports."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from neo4j import Driver

from graph.export.csv_import import load_csv_zip
from graph.export.cypher import run_cypher_script
from graph.export.formats import ExportFormat, write
from graph.export.selection import Plan
from graph.export.source import ExportSource
from graph.settings import GraphSettings
from graph.wipe import wipe_database
from loaders.bulk.files import ImportFiles
from loaders.bulk.merge import BulkGraph
from loaders.bulk.read import BulkInput, read_inputs
from loaders.curated.run import load_curated
from loaders.providers.aliases import AliasTable
from schema.dates import SPAN_CLASS_PROPERTY, span_class
from tests.loaders.providers.conftest import DATA, load

SEED = Path(__file__).resolve().parents[2] / "data" / "seed" / "idlib-2018-2020.yaml"
PROVIDER_FILES = [
    ("acled_syria_2020.csv", "acled"),
    ("gdelt_syria_2020.export.CSV", "gdelt"),
    ("ucdp_ged_syria.csv", "ucdp"),
]
DATED_ITEMS = """
MATCH (n) WHERE (n:Event OR n:Statement) AND n.date_start IS NOT NULL
RETURN n.id AS id, n.date_start AS start, n.date_end AS end, n.date_span_class AS class
"""


def _span_classes(driver: Driver, settings: GraphSettings) -> dict[str, int]:
    """Span class by item id; fails on a dated item whose class is missing or not its dates'."""
    records = driver.execute_query(DATED_ITEMS, database_=settings.database).records
    wrong = [
        r["id"] for r in records
        if r["class"] != span_class(r["start"].to_native(), r["end"].to_native())
    ]
    assert wrong == []
    undated = driver.execute_query(
        "MATCH (n) WHERE (n:Event OR n:Statement) AND n.date_start IS NULL "
        "AND n.date_span_class IS NOT NULL RETURN n.id AS id",
        database_=settings.database,
    ).records
    assert undated == []
    return {r["id"]: r["class"] for r in records}


def test_provider_loads_set_span_classes(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    for name, fmt in PROVIDER_FILES:
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
        load(clean_graph, settings, tmp_path / name, fmt)  # type: ignore[arg-type]
    classes = _span_classes(clean_graph, settings)
    assert {key.split(":")[0] for key in classes} == {"acled", "gdelt", "ucdp"}
    assert len(set(classes.values())) > 1  # UCDP's multi-day events are not all one day


def test_curated_load_sets_span_classes(clean_graph: Driver, settings: GraphSettings) -> None:
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED, session)
    classes = _span_classes(clean_graph, settings)
    assert classes["event:russian-military-bases-syria"] == 4  # 2000/2020-02
    assert classes["stmt:kalin-moscow-talks-no-breakthrough"] == 2  # 2020-02-18/2020-02-29
    assert classes["event:2020-02-17-moscow-talks"] == 1  # two days
    assert classes["stmt:erdogan-final-warnings"] == 0


def test_bulk_import_files_carry_span_classes(tmp_path: Path) -> None:
    files = ImportFiles(tmp_path / "csv")
    for name, _ in PROVIDER_FILES:  # the rejects files are written beside the input
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    inputs = [BulkInput(tmp_path / name, fmt) for name, fmt in PROVIDER_FILES]
    read_inputs(inputs, BulkGraph(files), aliases=AliasTable.load())
    files.close()
    items = 0
    for path in files.nodes:
        if not any(f"-{label}-" in path.name for label in ("Event", "Statement")):
            continue
        with path.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.reader(stream))
        header = [column.split(":")[0] for column in rows[0]]
        assert f"{SPAN_CLASS_PROPERTY}:long" in rows[0], path.name
        at = {name: header.index(name) for name in ("date_start", "date_end", SPAN_CLASS_PROPERTY)}
        for row in rows[1:]:
            first, last = (date.fromisoformat(row[at[k]]) for k in ("date_start", "date_end"))
            assert int(row[at[SPAN_CLASS_PROPERTY]]) == span_class(first, last)
            items += 1
    assert items > 10


def test_csv_and_cypher_imports_derive_span_classes(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    with clean_graph.session(database=settings.database) as session:
        load_curated(SEED, session)
    before = _span_classes(clean_graph, settings)

    def export(export_format: ExportFormat) -> bytes:
        source = ExportSource(clean_graph, settings.database, Plan())
        return b"".join(write(export_format, source))

    (tmp_path / "seed.zip").write_bytes(export(ExportFormat.CSV))
    script = export(ExportFormat.CYPHER)
    assert SPAN_CLASS_PROPERTY.encode() not in export(ExportFormat.JSON)  # derived: not exported

    wipe_database(clean_graph, settings.database)
    load_csv_zip(clean_graph, settings.database, tmp_path / "seed.zip")
    assert _span_classes(clean_graph, settings) == before

    wipe_database(clean_graph, settings.database)
    with clean_graph.session(database=settings.database) as session:
        run_cypher_script(session, script.decode().splitlines())
    assert _span_classes(clean_graph, settings) == before
