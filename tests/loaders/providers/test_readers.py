"""Provider readers on fixture files in each provider's exact layout: records, dates, rejects, refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loaders.providers.acled import read_acled
from loaders.providers.detect import sniff_provider_format
from loaders.providers.gdelt import read_gdelt
from loaders.providers.tabular import WrongFormatError, parse_day
from loaders.providers.ucdp import read_ucdp
from schema.providers import ProviderEventRecord, ProviderStatementRecord, Rejected

DATA = Path(__file__).parent / "data"


def _split(items: list[object]) -> tuple[dict[str, object], list[Rejected]]:
    records = {r.id: r for r in items if not isinstance(r, Rejected)}  # type: ignore[attr-defined]
    return records, [r for r in items if isinstance(r, Rejected)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020-05-09", date(2020, 5, 9)),
        ("09 May 2020", date(2020, 5, 9)),
        ("9-May-20", date(2020, 5, 9)),
        ("09-05-2020", date(2020, 5, 9)),
        ("2020-05-09T00:00:00", date(2020, 5, 9)),
        ("May 9, 2020", date(2020, 5, 9)),
    ],
)
def test_parse_day_reads_the_formats_seen_in_the_wild(text: str, expected: date) -> None:
    assert parse_day(text) == expected


def test_parse_day_refuses_partial_and_impossible_dates() -> None:
    for text in ("2020-02-30", "May 2020", "soon"):
        with pytest.raises(ValueError):
            parse_day(text)


def test_read_acled_maps_types_precision_and_participants_of_a_bom_export() -> None:
    records, rejects = _split(list(read_acled(DATA / "acled_syria_2020.csv")))
    assert rejects == []
    assert sorted(records) == [
        "acled:SYR100001",
        "acled:SYR100002",
        "acled:SYR100003",
        "acled:SYR100004",
    ]
    strike = records["acled:SYR100001"]
    assert isinstance(strike, ProviderEventRecord)
    assert (strike.type, strike.date.text, strike.fatalities_best, strike.line) == (
        "airstrike",
        "2020-02-27",
        33,
        2,
    )
    assert [(p.slot, p.actor.key, p.role) for p in strike.participants] == [
        ("actor1", "Military Forces of Syria (2000-)", "party"),
        ("assoc1-0", "Military Forces of Russia (2000-)", "party"),
        ("actor2", "Military Forces of Turkey (2016-)", "party"),
    ]
    assert strike.extras["acled_source"] == "Anadolu Agency; SOHR"
    assert records["acled:SYR100002"].date.text == "2020-05-09"  # "09 May 2020"
    week = records["acled:SYR100003"]  # "9-May-20", time_precision 2: the week around the date
    assert (week.date.start, week.date.end, week.date.precision) == (
        date(2020, 5, 6),
        date(2020, 5, 12),
        "week",
    )
    assert [(p.actor.key, p.role) for p in week.participants] == [
        ("Military Forces of Russia (2000-)", "perpetrator"),
        ("Civilians (Syria)", "victim"),
    ]
    month = records["acled:SYR100004"]
    assert (month.date.text, month.date.precision, month.type) == (
        "2020-02",
        "month",
        "armed_clash",
    )


def test_read_acled_reads_an_old_export_with_data_id_and_iso3() -> None:
    records, rejects = _split(list(read_acled(DATA / "acled_old_export.csv")))
    assert rejects == []
    agreement = records["acled:SYR100010"]
    assert (agreement.type, agreement.date.text, agreement.extras["acled_iso"]) == (
        "agreement",
        "2020-03-05",
        "760",
    )
    assert records["acled:SYR100011"].date.text == "2020-03-01"
    assert records["acled:SYR100011"].participants[0].actor.kind == "armed_forces"  # inter1 = 1


def test_read_acled_rejects_bad_rows_with_line_column_and_reason() -> None:
    records, rejects = _split(list(read_acled(DATA / "acled_bad_rows.csv")))
    assert list(records) == ["acled:SYR100022"]
    assert rejects == [
        Rejected(2, "event_date", "not a date: '2020-02-30'", "2020-02-30"),
        Rejected(3, "fatalities", "not a number", "three"),
        Rejected(5, "(row)", "expected 31 fields, found 4"),
        Rejected(6, "event_type", "not an ACLED event type", "Earthquakes"),
        Rejected(7, "event_id_cnty", "empty row id"),
    ]


def test_read_gdelt_maps_cameo_onto_events_and_statements() -> None:
    records, rejects = _split(list(read_gdelt(DATA / "gdelt_syria_2020.export.CSV")))
    accusation = records["gdelt:900001"]
    assert isinstance(accusation, ProviderStatementRecord)
    assert (
        accusation.stance,
        accusation.speaker.key,
        accusation.target.key,
        accusation.target_rel,
        accusation.charge,
    ) == ("accusation", "TUR", "SYRGOV", "ACCUSES", "aggression")
    assert (
        accusation.extras["gdelt_goldstein"] == -2.0 and accusation.extras["gdelt_quad_class"] == 3
    )
    assert accusation.source_url == "https://example.org/turkey-accuses-syria"
    assert (records["gdelt:900002"].stance, records["gdelt:900002"].target) == ("denial", None)
    assert (records["gdelt:900009"].stance, records["gdelt:900009"].target_rel) == (
        "threat",
        "WARNS",
    )
    assert records["gdelt:900010"].charge == "war crimes"
    kinds = {key: r.type for key, r in records.items() if isinstance(r, ProviderEventRecord)}
    assert kinds == {
        "gdelt:900003": "airstrike",
        "gdelt:900004": "agreement",
        "gdelt:900005": "negotiation",
        "gdelt:900006": "armed_clash",
        "gdelt:900008": "negotiation",  # `eng`: CAMEO's ethnic code for the English
        "gdelt:900012": "armed_clash",
    }
    unknown = records["gdelt:900007"]  # 112 with an empty Actor1: kept, speaker unknown
    assert isinstance(unknown, ProviderStatementRecord)
    assert (unknown.speaker, unknown.target.key, unknown.target_rel, unknown.stance) == (
        None,
        "TUR",
        "ACCUSES",
        "accusation",
    )
    assert unknown.text == "Unidentified speaker: Accuse, not specified below (Turkey)"
    english = records["gdelt:900008"].participants[0].actor
    assert (english.key, english.name, english.kind, english.country, english.description) == (
        "eng",
        "ethnic group English",
        "other",
        None,
        "CAMEO eng: ethnic group English",
    )
    assert [(p.slot, p.actor.key, p.role) for p in records["gdelt:900006"].participants] == [
        ("actor2", "SYR", "target")
    ]  # empty Actor1 on an event: the event keeps the actor it has
    assert records["gdelt:900003"].extras["gdelt_num_mentions"] == 40
    assert [(r.line, r.column, r.reason, r.value) for r in rejects] == [
        (11, "EventCode", "not a CAMEO event code", "13y"),
        (12, "(row)", "expected 61 tab-separated fields (GDELT 2.0 events), found 58", ""),
    ]
    assert len(records) + len(rejects) == 13  # every row lands or is rejected


def test_read_ucdp_keeps_estimates_and_date_precision() -> None:
    records, rejects = _split(list(read_ucdp(DATA / "ucdp_ged_syria.csv")))
    assert rejects == []
    balyun = records["ucdp:300002"]
    assert (balyun.fatalities_best, balyun.fatalities_low, balyun.fatalities_high) == (34, 33, 36)
    assert (balyun.date.start, balyun.date.end, balyun.date.precision) == (
        date(2020, 2, 27),
        date(2020, 2, 28),
        "week",
    )
    assert balyun.extras["ucdp_where_prec"] == 2 and balyun.extras["ucdp_date_prec"] == 2
    one_sided = records["ucdp:300003"]
    assert (one_sided.type, one_sided.date.precision) == ("attack_on_civilians", "month")
    assert [(p.actor.key, p.actor.fallback_id, p.role) for p in one_sided.participants] == [
        ("Government of Syria", "ucdp-actor:116", "perpetrator"),
        ("Civilians (Syria)", "ucdp-actor:civilians-syria", "victim"),
    ]


def test_read_ucdp_skips_the_tag_row_and_reads_renamed_estimates() -> None:
    records, rejects = _split(list(read_ucdp(DATA / "ucdp_ged_tagged.csv")))
    assert list(records) == ["ucdp:300010", "ucdp:300011"]
    assert (
        records["ucdp:300010"].fatalities_best,
        records["ucdp:300010"].fatalities_low,
        records["ucdp:300010"].fatalities_high,
    ) == (7, 6, 9)
    assert records["ucdp:300010"].date.text == "2020-02-20"
    assert rejects == [Rejected(5, "date_end", "ends before date_start 2020-02-21", "2020-02-20")]


def test_read_ucdp_reads_the_api_json_envelope(tmp_path: Path) -> None:
    page = {
        "TotalCount": 1,
        "TotalPages": 1,
        "Result": [
            {
                "id": 300020,
                "side_a": "Government of Syria",
                "side_b": "Civilians",
                "country": "Syria",
                "type_of_violence": 3,
                "date_start": "2020-02-25T00:00:00",
                "date_end": "2020-02-25T00:00:00",
                "date_prec": 1,
                "best": 4,
                "high": 6,
                "low": 4,
                "side_a_new_id": 116,
                "side_b_new_id": 1,
            }
        ],
    }
    path = tmp_path / "ged.json"
    path.write_text(json.dumps(page))
    (record,) = read_ucdp(path)
    assert isinstance(record, ProviderEventRecord)
    assert (record.id, record.fatalities_high, record.date.text) == ("ucdp:300020", 6, "2020-02-25")
    assert sniff_provider_format(path) == "ucdp"


def test_readers_refuse_a_file_of_another_format_naming_what_they_expected() -> None:
    with pytest.raises(
        WrongFormatError, match="missing column.*event_id_cnty.*61 tab-separated columns"
    ):
        next(read_acled(DATA / "gdelt_syria_2020.export.CSV"))
    with pytest.raises(
        WrongFormatError,
        match="expected 61 .*, 58 .* or 57 .* tab-separated columns without a header, found 1 "
        ".*CSV header: event_id_cnty",
    ):
        next(read_gdelt(DATA / "acled_syria_2020.csv"))
    with pytest.raises(WrongFormatError, match="not a UCDP GED file.*side_a"):
        next(read_ucdp(DATA / "acled_old_export.csv"))


def test_sniff_provider_format_tells_the_three_apart_and_refuses_others(tmp_path: Path) -> None:
    assert sniff_provider_format(DATA / "acled_syria_2020.csv") == "acled"
    assert sniff_provider_format(DATA / "acled_old_export.csv") == "acled"
    assert sniff_provider_format(DATA / "gdelt_syria_2020.export.CSV") == "gdelt"
    assert sniff_provider_format(DATA / "ucdp_ged_tagged.csv") == "ucdp"
    other = tmp_path / "other.csv"
    other.write_text("a,b,c\n1,2,3\n")
    assert sniff_provider_format(other) is None
