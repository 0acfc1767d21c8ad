"""`ckg load` on provider files as a user runs it (subprocess): rejects, exit codes, refusal, resume after kill."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import time
from pathlib import Path

from neo4j import Driver

from graph.settings import GraphSettings
from loaders.providers.checkpoint import progress_path

from .conftest import CKG, DATA, INCIDENT_COUNTS, graph_checksum, rows


def _ckg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CKG), "load", *args],
        env={**env, "COLUMNS": "200"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_writes_rejects_beside_the_input_and_exits_non_zero(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    done = _ckg(cli_env, str(data_dir / "acled_bad_rows.csv"))
    assert done.returncode == 1, done.stderr
    assert "6 rows (1 events, 0 statements, 5 rejected)" in done.stdout
    assert "5 row(s) rejected (allowed: 0" in done.stderr
    with (data_dir / "acled_bad_rows.csv.rejects.csv").open(newline="") as stream:
        assert list(csv.reader(stream)) == [
            ["line", "column", "reason", "value"],
            ["2", "event_date", "not a date: '2020-02-30'", "2020-02-30"],
            ["3", "fatalities", "not a number", "three"],
            ["5", "(row)", "expected 31 fields, found 4", ""],
            ["6", "event_type", "not an ACLED event type", "Earthquakes"],
            ["7", "event_id_cnty", "empty row id", ""],
        ]
    assert rows(clean_graph, settings, "MATCH (e:Event) RETURN e.id") == [("acled:SYR100022",)]


def test_cli_max_rejects_and_rejects_path_options(
    cli_env: dict[str, str], clean_graph: Driver, data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "bad.csv"
    target.parent.mkdir()
    done = _ckg(
        cli_env,
        str(data_dir / "acled_bad_rows.csv"),
        "--max-rejects",
        "5",
        "--rejects",
        str(target),
    )
    assert done.returncode == 0, done.stderr
    assert len(target.read_text().splitlines()) == 6
    assert not (data_dir / "acled_bad_rows.csv.rejects.csv").exists()
    assert _ckg(cli_env, str(data_dir / "acled_bad_rows.csv"), "--max-rejects", "4").returncode == 1


def test_cli_refuses_a_file_of_the_wrong_format_before_writing(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    done = _ckg(cli_env, str(data_dir / "gdelt_syria_2020.export.CSV"), "--format", "acled")
    assert done.returncode == 2
    assert "is not an ACLED export" in done.stderr and "61 tab-separated columns" in done.stderr
    done = _ckg(cli_env, str(data_dir / "ucdp_ged_syria.csv"), "--format", "gdelt")
    assert done.returncode == 2
    assert "(1.0 backfile) tab-separated columns without a header, found 1" in done.stderr
    assert rows(clean_graph, settings, "MATCH (n) RETURN count(n)") == [(0,)]


def test_cli_detects_the_format_and_refuses_when_unsure(
    cli_env: dict[str, str],
    clean_graph: Driver,
    settings: GraphSettings,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    done = _ckg(cli_env, str(data_dir / "ucdp_ged_syria.csv"))
    assert done.returncode == 0, done.stderr
    assert "4 rows (4 events, 0 statements, 0 rejected)" in done.stdout
    assert "Hurras al-Din" in done.stdout and "ucdp-actor:6457" in done.stdout  # unresolved, listed
    unknown = tmp_path / "events.csv"
    unknown.write_text("when,who\n2020-02-27,Turkey\n")
    done = _ckg(cli_env, str(unknown))
    assert done.returncode == 1
    assert "Cannot tell the format" in done.stderr


def _gdelt_file(path: Path, count: int) -> None:
    """`count` valid GDELT rows cycling over the fixture's valid rows, each with its own id."""
    templates = [
        line.split("\t") for line in (DATA / "gdelt_syria_2020.export.CSV").read_text().splitlines()
    ]
    valid = [
        cells
        for cells in templates
        if cells[0] in {"900001", "900003", "900004", "900005", "900009"}
    ]
    with path.open("w") as stream:
        for n in range(count):
            cells = list(valid[n % len(valid)])
            cells[0] = str(5_000_000 + n)
            stream.write("\t".join(cells) + "\n")


def _committed_line(path: Path) -> int:
    try:
        return int(json.loads(progress_path(path).read_text())["line"])
    except (OSError, ValueError, KeyError):
        return 0


def test_cli_load_killed_half_way_then_rerun_ends_as_one_clean_run(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    path = tmp_path / "big.export.CSV"
    _gdelt_file(path, 20_000)
    process = subprocess.Popen(
        [str(CKG), "load", str(path), "--batch-size", "500"],
        env=cli_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _committed_line(path) < 2_000:  # a few batches are in, most are not
        assert process.poll() is None and time.monotonic() < deadline, (
            "load ended before it could be killed"
        )
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = rows(clean_graph, settings, "MATCH (n:Event|Statement) RETURN count(n)")[0][0]
    assert 0 < partial < 20_000  # type: ignore[operator]
    resumed = _ckg(cli_env, str(path), "--batch-size", "500")
    assert resumed.returncode == 0, resumed.stderr
    assert "already committed by an interrupted run" in resumed.stdout
    assert not progress_path(path).exists()
    after_resume = graph_checksum(clean_graph, settings)
    clean_graph.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    assert _ckg(cli_env, str(path), "--batch-size", "500").returncode == 0
    assert graph_checksum(clean_graph, settings) == after_resume
    # rows, src:gdelt, 7 actors and the state of Syria, 3 places (Syria ⊃ Idlib ⊃ Idlib city);
    # 3 links per row (2 actors, 1 place), 2 LOCATED_IN, 5 organ → state ties
    # and the incidents linking the identical rows (GDELT's repetitions): each row reports one
    incidents, reported, contending = rows(clean_graph, settings, INCIDENT_COUNTS)[0]
    assert reported == 20_000
    assert after_resume[:2] == (20_000 + 1 + 8 + 3 + incidents, 60_002 + 5 + reported + contending)  # type: ignore[operator]


def test_cli_reports_places_and_the_location_cells_it_could_not_use(
    cli_env: dict[str, str], clean_graph: Driver, data_dir: Path
) -> None:
    done = _ckg(cli_env, str(data_dir / "acled_geo_2020.csv"))
    assert done.returncode == 0, done.stderr  # bad coordinates are no reject
    assert "10 rows (10 events, 0 statements, 0 rejected)" in done.stdout
    assert "Places: 10 of 10 rows placed, 6 with a point." in done.stdout
    assert "latitude: latitude out of range (-90 to 90) (lost its point)" in done.stdout
    assert "6 (95.8130)" in done.stdout  # line and value
