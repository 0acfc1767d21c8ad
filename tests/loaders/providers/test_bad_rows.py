"""Broken rows in each provider's exact layout: each one a reject with line, column and reason, the rest read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.providers.acled import read_acled
from loaders.providers.gdelt import read_gdelt
from loaders.providers.limits import MAX_CELL_CHARS, MAX_LINE_CHARS
from loaders.providers.text import CHUNK_BYTES, EncodingError, check_encoding
from loaders.providers.ucdp import read_ucdp
from schema.providers import ProviderRecord, Rejected

from .conftest import (
    ACLED_HEADER,
    DATA,
    UCDP_HEADER,
    acled_row,
    gdelt_row,
    ucdp_row,
    write_csv,
    write_gdelt,
)

OUT_OF_RANGE = "out of range: Neo4j stores integers of 64 bits"


def _split(items: object) -> tuple[dict[int, ProviderRecord], list[Rejected]]:
    """Records by line, and the rejects."""
    records: dict[int, ProviderRecord] = {}
    rejects: list[Rejected] = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, Rejected):
            rejects.append(item)
        else:
            records[item.line] = item
    return records, rejects


def _brief(rejects: list[Rejected]) -> list[tuple[int, str, str]]:
    return [(r.line, r.column, r.reason) for r in rejects]


def test_acled_numbers_neo4j_cannot_store_are_rejects_and_the_rest_loads(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [
            acled_row(0, fatalities="1e30"),
            acled_row(1, fatalities="99999999999999999999999"),  # beyond 64 bits
            acled_row(2, fatalities=str(2**63)),
            acled_row(3, fatalities=str(2**63 - 1)),  # the largest 64-bit integer: kept
            acled_row(4, fatalities="NaN"),
            acled_row(5, timestamp="Infinity"),
            acled_row(6, fatalities="3.0", geo_precision="1e0"),  # whole numbers written as floats
            acled_row(
                7, latitude="nan", longitude="inf"
            ),  # coordinates: the geography layer's call
        ],
    )
    records, rejects = _split(read_acled(path))
    assert _brief(rejects) == [
        (2, "fatalities", OUT_OF_RANGE),
        (3, "fatalities", OUT_OF_RANGE),
        (4, "fatalities", OUT_OF_RANGE),
        (6, "fatalities", "not a finite number"),
        (7, "timestamp", "not a finite number"),
    ]
    assert sorted(records) == [5, 8, 9]
    assert records[5].fatalities_best == 2**63 - 1  # type: ignore[union-attr]
    assert records[8].fatalities_best == 3  # type: ignore[union-attr]
    assert records[8].extras["acled_geo_precision"] == 1


def test_gdelt_and_ucdp_numbers_neo4j_cannot_store_are_rejects(tmp_path: Path) -> None:
    gdelt = write_gdelt(
        tmp_path / "g.export.CSV",
        [
            gdelt_row(0, c34="nan"),  # AvgTone
            gdelt_row(1, c30="-inf"),  # GoldsteinScale
            gdelt_row(2, c31="1e30"),  # NumMentions
            gdelt_row(3, c56="nan", c57="inf"),  # ActionGeo_Lat/Long: kept
        ],
    )
    records, rejects = _split(read_gdelt(gdelt))
    assert _brief(rejects) == [
        (1, "AvgTone", "not a finite number (NaN and Infinity are not data)"),
        (2, "GoldsteinScale", "not a finite number (NaN and Infinity are not data)"),
        (3, "NumMentions", OUT_OF_RANGE),
    ]
    assert list(records) == [4]
    ucdp = write_csv(
        tmp_path / "ged.csv",
        UCDP_HEADER,
        [ucdp_row(0, best="1e30"), ucdp_row(1, deaths_a="inf"), ucdp_row(2, latitude="inf")],
    )
    records, rejects = _split(read_ucdp(ucdp))
    assert _brief(rejects) == [(2, "best", OUT_OF_RANGE), (3, "deaths_a", "not a finite number")]
    assert list(records) == [4]


def test_cells_over_the_old_csv_limit_load_and_over_the_cap_are_rejects(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [
            acled_row(0, notes="n" * 200_000),  # csv's default limit is 131,072: this aborted loads
            acled_row(1, notes="x" * (MAX_CELL_CHARS + 1)),
            acled_row(2, source="y" * (MAX_LINE_CHARS + 10)),  # a line over the line cap
            acled_row(3),
        ],
    )
    records, rejects = _split(read_acled(path))
    assert _brief(rejects) == [
        (
            3,
            "notes",
            f"cell of {MAX_CELL_CHARS + 1:,} characters, over the cap of {MAX_CELL_CHARS:,}",
        ),
        (4, "(row)", f"line longer than {MAX_LINE_CHARS:,} characters"),
    ]
    assert rejects[0].value.endswith(f"… ({MAX_CELL_CHARS + 1:,} characters)")
    assert sorted(records) == [2, 5]
    assert records[2].summary == "n" * 200_000  # type: ignore[union-attr]


def test_nul_bytes_are_rejects_naming_the_cell(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv", ACLED_HEADER, [acled_row(0, actor2="Civ\x00ilians"), acled_row(1)]
    )
    records, rejects = _split(read_acled(path))
    assert rejects == [
        Rejected(2, "actor2", "NUL byte in the cell (binary data in a text file)", "Civ\\x00ilians")
    ]
    assert list(records) == [3]
    gdelt = write_gdelt(tmp_path / "g.export.CSV", [gdelt_row(0), gdelt_row(1, c6="TUR\x00KEY")])
    records, rejects = _split(read_gdelt(gdelt))
    assert (list(records), _brief(rejects)) == (
        [1],
        [(2, "Actor1Name", "NUL byte in the cell (binary data in a text file)")],
    )


def test_a_lone_surrogate_in_ucdp_json_is_a_reject(tmp_path: Path) -> None:
    # The API's JSON may escape one ("\\ud800"): valid JSON, but not text Neo4j can store.
    items = [
        {
            "id": 400000 + n,
            "side_a": "Government of Syria",
            "side_b": side,
            "best": 1,
            "date_start": "2020-02-25",
            "date_end": "2020-02-25",
        }
        for n, side in enumerate(["Syrian insurgents", "Hurras al-Din \ud800", "Civilians"])
    ]
    path = tmp_path / "ged.json"
    path.write_text(json.dumps({"Result": items}))
    records, rejects = _split(read_ucdp(path))
    assert rejects == [
        Rejected(
            2,
            "side_b",
            "a lone surrogate in the cell (an escape such as \\ud800 that is not text)",
            "Hurras al-Din \\ud800",
        )
    ]
    assert sorted(records) == [1, 3]


def test_an_unterminated_quote_costs_its_own_row_and_the_rows_it_swallowed_are_read() -> None:
    # Line 6 lost the closing quote of its notes: it swallowed lines 7-10, up to the next quote.
    records, rejects = _split(read_acled(DATA / "acled_unterminated_quote.csv"))
    assert _brief(rejects) == [
        (
            6,
            "notes",
            (
                "unterminated quote: the quoted cell opened on this line never closes (a later quote "
                "in it is not followed by a delimiter); lines 7–10 read again as rows of their own"
            ),
        )
    ]
    assert rejects[0].value.startswith("Turkish shelling hit regime positions near Saraqab")
    assert sorted(records) == [n for n in range(2, 22) if n != 6]  # the 19 good rows
    assert records[7].provider_id == "SYR100105"  # type: ignore[union-attr]


def _line(row: list[str]) -> str:
    """A row as an export writes it, quoting the cells that need it."""
    return ",".join(f'"{c}"' if "," in c or "\n" in c else c for c in row)


def test_quote_damage_is_found_when_the_width_matches_by_chance_or_the_file_ends(
    tmp_path: Path,
) -> None:
    damaged = _line(acled_row(1, notes="Shelling near Saraqab, 3 killed")).replace(
        'killed"', "killed"
    )
    stray = _line(acled_row(2, notes='He said no"'))  # a stray quote that closes the cell at `",`
    path = tmp_path / "chance.csv"
    path.write_text(
        "\n".join(
            [",".join(ACLED_HEADER), _line(acled_row(0)), damaged, stray, _line(acled_row(3))]
        )
        + "\n"
    )
    records, rejects = _split(read_acled(path))
    assert _brief(rejects) == [
        (
            3,
            "notes",
            (
                "unterminated quote: the quoted cell opened on this line never closes (it swallows "
                "line 4, a complete row of its own); line 4 read again as a row of its own"
            ),
        )
    ]
    assert sorted(records) == [2, 4, 5]
    path.write_text(
        "\n".join([",".join(ACLED_HEADER), _line(acled_row(0)), damaged, _line(acled_row(3))])
        + "\n"
    )
    records, rejects = _split(read_acled(path))
    assert [(r.line, "the file ends inside it" in r.reason) for r in rejects] == [(3, True)]
    assert sorted(records) == [2, 4]


def test_a_quoted_cell_with_a_line_break_is_still_one_row(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "acled.csv",
        ACLED_HEADER,
        [acled_row(0, notes="Shelling near Saraqab.\nThree soldiers were killed."), acled_row(1)],
    )
    records, rejects = _split(read_acled(path))
    assert rejects == []
    assert records[2].summary == "Shelling near Saraqab.\nThree soldiers were killed."  # type: ignore[union-attr]
    assert list(records) == [2, 4]  # the next row starts on line 4


def test_a_latin1_file_is_refused_at_its_first_bad_byte_or_read_with_its_encoding() -> None:
    path = DATA / "acled_latin1.csv"
    with pytest.raises(EncodingError) as refused:
        next(read_acled(path))  # before any row is read: nothing can have been written
    message = str(refused.value)
    assert "is not utf-8 text: line 4 has the byte 0xED" in message
    assert "Ar\\xedha" in message and "--encoding latin-1" in message
    records, rejects = _split(read_acled(path, encoding="latin-1"))
    assert rejects == []
    assert records[4].extras["acled_location"] == "Aríha"


def test_the_encoding_check_names_a_late_line_and_reads_characters_split_across_chunks(
    tmp_path: Path,
) -> None:
    late = tmp_path / "late.csv"
    rows = [acled_row(n) for n in range(1_300)]
    rows[1_285] = acled_row(1_285, location="Ma\xe2rrat")  # line 1,287
    write_csv(late, ACLED_HEADER, rows, encoding="latin-1")
    with pytest.raises(EncodingError, match="line 1,287 has the byte 0xE2 "):
        check_encoding(late, "utf-8")
    split = tmp_path / "split.csv"
    split.write_bytes(b"a" * (CHUNK_BYTES - 1) + "é\n".encode())  # é's two bytes in two chunks
    check_encoding(split, "utf-8")
    with pytest.raises(EncodingError, match="UTF-16 text: pass --encoding utf-16"):
        check_encoding(_utf16(tmp_path), "utf-8")


def _utf16(tmp_path: Path) -> Path:
    path = tmp_path / "utf16.csv"
    path.write_text(",".join(ACLED_HEADER) + "\n", encoding="utf-16")
    return path


@pytest.mark.parametrize(
    ("content", "seen"),
    [
        (b"", "found an empty file"),
        (b"\n\n", "found an empty file (only blank lines)"),
        (
            b"PK\x03\x04\x14\x00\x00\x00",
            "found binary content (NUL bytes at offset 5; a ZIP archive",
        ),
        (b"events of february 2020\nnone\n", "found no delimiter/columns (not comma- or tab-"),
        (
            b"when;who\n2020;TUR\n",
            "found semicolon-separated columns (not comma- or tab-separated)",
        ),
        (b"when,who\n2020-02-27,Turkey\n", "found a header of 2 columns: when, who"),
    ],
)
def test_a_refused_file_is_described_as_it_was_seen(
    tmp_path: Path, content: bytes, seen: str
) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(content)
    with pytest.raises(Exception, match="missing column") as refused:
        next(read_acled(path))
    assert seen in str(refused.value)


def test_gdelt_describes_a_binary_or_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "g.export.CSV"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00")
    with pytest.raises(
        Exception, match=r"found 1 \(binary content \(NUL bytes at offset 3; a gzip"
    ):
        next(read_gdelt(path))
    path.write_bytes(b"")
    with pytest.raises(Exception, match=r"found 0"):
        next(read_gdelt(path))
