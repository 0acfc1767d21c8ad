"""Provider loads with bad rows into the real test server: every good row written, every bad one a reject."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.exceptions import DatabaseError

from graph.settings import GraphSettings
from loaders.providers import guard
from loaders.providers.aliases import AliasTable
from loaders.providers.checkpoint import fingerprint, write_checkpoint
from loaders.providers.place_aliases import PlaceAliasTable
from schema.providers import Rejected

from .conftest import ACLED_HEADER, CKG, acled_row, load, rows, write_csv

EVENT_IDS = "MATCH (e:Event) RETURN e.provider_id ORDER BY e.provider_id"


def _rejects(path: Path) -> list[list[str]]:
    with path.with_name(path.name + ".rejects.csv").open(newline="") as stream:
        return list(csv.reader(stream))[1:]


def _ids(driver: Driver, settings: GraphSettings) -> list[str]:
    return [row[0] for row in rows(driver, settings, EVENT_IDS)]  # type: ignore[misc]


def test_bad_cells_cost_only_their_rows_and_the_batch_is_written(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [
            acled_row(0),
            acled_row(1, notes="n" * 200_000),
            acled_row(2, fatalities="1e30"),
            acled_row(3, fatalities="99999999999999999999999"),
            acled_row(4, timestamp="Infinity"),
            acled_row(5, latitude="nan"),  # the point is the geography layer's: the event loads
            acled_row(6, notes="bad\x00byte"),
            acled_row(7, event_id_cnty="S" * 40_000),  # over Neo4j's index key limit
            acled_row(8, actor1="A" * 40_000),
            acled_row(9, event_id_cnty="SYR300000"),  # line 2's id again
            acled_row(10),
        ],
    )
    report = load(clean_graph, settings, path, "acled")
    assert (report.rows_read, report.events, report.rejected, report.refused) == (11, 4, 7, 0)
    assert [row[:3] for row in _rejects(path)] == [
        ["4", "fatalities", "out of range: Neo4j stores integers of 64 bits"],
        ["5", "fatalities", "out of range: Neo4j stores integers of 64 bits"],
        ["6", "timestamp", "not a finite number"],
        ["8", "notes", "NUL byte in the cell (binary data in a text file)"],
        ["9", "event_id_cnty", "row id of 40,000 bytes: too long to index (at most 4,000)"],
        ["10", "actor1", "actor name of 40,000 bytes: too long to index (at most 4,000)"],
        ["11", "event_id_cnty", "duplicate row id: the row of line 2 has the same id and was kept"],
    ]
    assert _ids(clean_graph, settings) == ["SYR300000", "SYR300001", "SYR300005", "SYR300010"]
    assert rows(
        clean_graph,
        settings,
        "MATCH (e:Event {provider_id: 'SYR300001'}) RETURN size(e.acled_notes)",
    ) == [(200_000,)]


def test_duplicate_ids_keep_the_first_row_within_and_across_batches(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    first, later = "SYR300000", "SYR300004"
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [
            acled_row(0, notes="first report"),
            acled_row(1),
            acled_row(2, event_id_cnty=first, notes="repeated in the next batch"),  # line 4
            acled_row(3),
            acled_row(4, notes="kept"),  # line 6
            acled_row(5, event_id_cnty=later, notes="repeated in the same batch"),  # line 7
        ],
    )
    report = load(clean_graph, settings, path, "acled", batch_size=2)
    assert (report.events, report.rejected) == (4, 2)
    assert [row[:3] for row in _rejects(path)] == [
        ["4", "event_id_cnty", "duplicate row id: the row of line 2 has the same id and was kept"],
        ["7", "event_id_cnty", "duplicate row id: the row of line 6 has the same id and was kept"],
    ]
    assert rows(
        clean_graph,
        settings,
        "MATCH (e:Event) WHERE e.provider_id IN [$a, $b] RETURN e.acled_notes ORDER BY e.provider_id",
        a=first,
        b=later,
    ) == [("first report",), ("kept",)]


def test_a_batch_the_server_refuses_is_split_until_the_row_is_alone(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(guard, "MAX_KEY_BYTES", 10**9)  # let an unindexable id through to Neo4j
    good = [acled_row(n) for n in range(12)]
    good[4] = acled_row(4, event_id_cnty="S" * 40_000)  # line 6
    good[1] = acled_row(1, fatalities="three")  # line 3: the reader's reject
    good[9] = acled_row(9, event_date="2020-02-30")  # line 11
    path = write_csv(tmp_path / "acled.csv", ACLED_HEADER, good)
    report = load(clean_graph, settings, path, "acled")
    assert (report.events, report.rejected, report.refused, report.batches) == (9, 3, 1, 1)
    refused = _rejects(path)
    assert [row[:2] for row in refused] == [
        ["3", "fatalities"],
        ["6", "(row)"],
        ["11", "event_date"],
    ]
    assert refused[1][2].startswith("Neo4j refused the row: Property value is too large to index")
    assert refused[1][3].startswith("acled:SSSS") and refused[1][3].endswith("(40,006 characters)")
    assert _ids(clean_graph, settings) == [f"SYR3{n:05d}" for n in range(12) if n not in (1, 4, 9)]


def test_a_batch_whose_every_row_is_refused_stops_the_load(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Not a few bad rows but the query or the server: rejecting them all would hide it.
    monkeypatch.setattr(guard, "MAX_KEY_BYTES", 10**9)
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [acled_row(n, event_id_cnty=f"{n}" * 40_000) for n in range(3)],
    )
    with pytest.raises(DatabaseError, match="too large to index"):
        load(clean_graph, settings, path, "acled")
    assert _ids(clean_graph, settings) == []


def test_a_resumed_load_reports_the_rows_the_server_refused_before_the_kill(
    clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "acled.csv", ACLED_HEADER, [acled_row(n) for n in range(6)])
    earlier = Rejected(4, "(row)", "Neo4j refused the row: (as an interrupted run saw it)", "x")
    print_ = fingerprint(path, "acled", AliasTable.load().digest + PlaceAliasTable.load().digest)
    write_checkpoint(path, print_, 5, [earlier])  # lines 2-5 were handled, line 4 refused
    report = load(clean_graph, settings, path, "acled")
    assert (report.events, report.skipped_resumed, report.rejected, report.refused) == (5, 3, 1, 1)
    assert _rejects(path) == [["4", "(row)", earlier.reason, "x"]]
    assert _ids(clean_graph, settings) == ["SYR300004", "SYR300005"]


def _ckg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CKG), "load", *args],
        env={**env, "COLUMNS": "300"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_refuses_a_latin1_file_before_writing_or_reads_it_with_encoding(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, data_dir: Path
) -> None:
    path = data_dir / "acled_latin1.csv"
    refused = _ckg(cli_env, str(path))
    assert refused.returncode == 2, refused.stderr
    assert "is not utf-8 text: line 4 has the byte 0xED" in refused.stderr
    assert "--encoding latin-1" in refused.stderr
    assert rows(clean_graph, settings, "MATCH (n) RETURN count(n)") == [(0,)]
    done = _ckg(cli_env, str(path), "--encoding", "latin-1")
    assert done.returncode == 0, done.stderr
    assert rows(
        clean_graph, settings, "MATCH (e:Event {provider_id: 'SYR100102'}) RETURN e.acled_location"
    ) == [("Aríha",)]
    unknown = _ckg(cli_env, str(path), "--encoding", "klingon")
    assert unknown.returncode == 2 and "unknown encoding 'klingon'" in unknown.stderr


@pytest.mark.parametrize(
    ("content", "seen"),
    [
        (b"", "an empty file"),
        (b"PK\x03\x04\x14\x00\x08\x00", "binary content (NUL bytes at offset 5; a ZIP archive"),
        (
            b"events of February 2020\n",
            (
                "no delimiter/columns (not comma- or tab-separated); "
                "first line: 'events of February 2020'"
            ),
        ),
        (
            b"when,who\n2020-02-27,Turkey\n",
            (
                "a header of 2 column(s) (when, who), but an ACLED export needs event_id_cnty, "
                "event_date, actor1; a UCDP GED file needs id, date_start, side_a, side_b"
            ),
        ),
        (b"a\tb\tc\n", "3 tab-separated columns (GDELT events files have 61, 58 or 57)"),
    ],
)
def test_cli_says_what_it_saw_when_it_cannot_tell_the_format(
    cli_env: dict[str, str], tmp_path: Path, content: bytes, seen: str
) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    done = _ckg(cli_env, str(path))
    assert done.returncode == 1
    assert f"Cannot tell the format of {path}: " in done.stderr
    assert seen in done.stderr, done.stderr
    assert "from its extension" not in done.stderr
