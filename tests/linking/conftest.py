"""Linking fixtures: the labelled set (the same incidents in ACLED, UCDP and GDELT layouts, near misses)."""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.aliases import AliasTable
from loaders.providers.report import ProviderLoadReport
from loaders.providers.run import load_provider

DATA = Path(__file__).parent / "data"
FILES = (
    ("acled_idlib_2020.csv", "acled"),
    ("ucdp_ged_idlib_2020.csv", "ucdp"),
    ("gdelt_idlib_2020.export.CSV", "gdelt"),
)


def labelled_incidents() -> set[frozenset[str]]:
    """The incidents of labels.csv as sets of report ids (near misses belong to none)."""
    groups: dict[str, set[str]] = {}
    with (DATA / "labels.csv").open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            if row["incident"]:
                groups.setdefault(row["incident"], set()).add(row["report"])
    return {frozenset(ids) for ids in groups.values()}


def graph_incidents(driver: Driver, settings: GraphSettings) -> set[frozenset[str]]:
    records = driver.execute_query(
        "MATCH (i:Incident)-[:REPORTED_AS]->(n) RETURN i.id AS id, collect(n.id) AS reports",
        database_=settings.database,
    ).records
    return {frozenset(record["reports"]) for record in records}


@pytest.fixture
def load_fixtures(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> Callable[..., list[ProviderLoadReport]]:
    """Load the three fixture files (in the given order of formats) into the emptied test graph."""

    def run(order: tuple[str, ...] = ("acled", "ucdp", "gdelt"), link: bool = True) -> list[ProviderLoadReport]:
        shutil.copytree(DATA, tmp_path / "data", dirs_exist_ok=True)
        files = dict((fmt, name) for name, fmt in FILES)
        return [
            load_provider(
                clean_graph,
                settings.database,
                tmp_path / "data" / files[fmt],
                fmt,  # type: ignore[arg-type]
                aliases=AliasTable.load(),
                link=link,
            )
            for fmt in order
        ]

    return run
