"""UCDP GED (yearly CSV, API CSV or JSON, re-published CSVs with a tag row) → event records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from loaders.providers.countries import iso3_of_name
from loaders.providers.lines import CellRow, checked_text
from loaders.providers.locations import ucdp_location
from loaders.providers.states import country_of_name
from loaders.providers.tabular import (
    Header,
    Row,
    RowError,
    cell_day,
    cell_int,
    iter_rows,
    read_header,
    slug,
    to_rejected,
)
from loaders.providers.text import WrongFormatError, is_json_file
from schema.dates import DatePrecision, FuzzyDate
from schema.providers import ActorMention, Participant, ProviderEventRecord, Rejected
from schema.vocabulary import ActorKind, EventType, ParticipantRole

REQUIRED = ("id", "date_start", "date_end", "side_a", "side_b", "best|best_est")
EXPECTED = "a UCDP GED file (comma-separated with a header row)"
# date_prec: 1 day; 2 two to six days; 3 a week; 4 eight to 30 days or a month; 5 within the year.
PRECISIONS = {
    1: DatePrecision.DAY,
    2: DatePrecision.WEEK,
    3: DatePrecision.WEEK,
    4: DatePrecision.MONTH,
    5: DatePrecision.YEAR,
}
VIOLENCE = {
    "1": ("state-based", EventType.ARMED_CLASH),
    "2": ("non-state", EventType.ARMED_CLASH),
    "3": ("one-sided", EventType.ATTACK_ON_CIVILIANS),
}
EXTRA_COLUMNS = {
    "relid": "ucdp_relid",
    "conflict_name": "ucdp_conflict_name",
    "dyad_name": "ucdp_dyad_name",
    "country": "ucdp_country",
    "adm_1": "ucdp_adm_1",
    "where_description": "ucdp_where_description",
    "where_coordinates": "ucdp_where_coordinates",
    "source_article": "ucdp_source_article",
    "source_headline": "ucdp_source_headline",
    "source_office": "ucdp_source_office",
}
INT_COLUMNS = {
    "date_prec": "ucdp_date_prec",
    "type_of_violence": "ucdp_type_of_violence",
    "event_clarity": "ucdp_event_clarity",
    "number_of_sources": "ucdp_number_of_sources",
    "deaths_a": "ucdp_deaths_a",
    "deaths_b": "ucdp_deaths_b",
    "deaths_civilians": "ucdp_deaths_civilians",
    "deaths_unknown": "ucdp_deaths_unknown",
    "side_a_new_id": "ucdp_side_a_new_id",
    "side_b_new_id": "ucdp_side_b_new_id",
    "conflict_new_id": "ucdp_conflict_new_id",
}


@lru_cache(maxsize=65536)
def _mention(name: str, side_id: str, country: str) -> ActorMention:
    if name.casefold() == "civilians":  # UCDP's one-sided victims: one "Civilians" per country here
        key = f"Civilians ({country})" if country else name
        return ActorMention(
            dataset="ucdp",
            key=key,
            name=key,
            fallback_id=f"ucdp-actor:civilians-{slug(country)}",
            kind=ActorKind.CIVILIANS,
            country=iso3_of_name(country),  # located in the country, not speaking for its state
        )
    kind = ActorKind.GOVERNMENT if name.startswith("Government of") else ActorKind.ARMED_GROUP
    fallback = f"ucdp-actor:{side_id}" if side_id else f"ucdp-actor:{slug(name)}"
    state = country_of_name(name)  # "Government of Russia (Soviet Union)": an organ of Russia
    return ActorMention(
        dataset="ucdp",
        key=name,
        name=name,
        fallback_id=fallback,
        kind=kind,
        country=state.iso3 if state else None,
        state_role=state.state_role if state else None,
    )


def _date(row: Row) -> FuzzyDate:
    start, end = (
        cell_day(row.get("date_start"), "date_start"),
        cell_day(row.get("date_end"), "date_end"),
    )
    level = cell_int(row.get("date_prec"), "date_prec")
    if level is not None and level not in PRECISIONS:
        raise RowError("date_prec", "must be 1 to 5", row.get("date_prec"))
    precision = (
        PRECISIONS[level] if level else (DatePrecision.DAY if start == end else DatePrecision.WEEK)
    )
    if end < start:
        raise RowError("date_end", f"ends before date_start {start}", row.get("date_end"))
    return FuzzyDate.from_bounds(start, end, precision)


def _record(header: Header, line: int, cells: list[str]) -> ProviderEventRecord:
    row = Row(header, cells)
    if not row.get("id"):
        raise RowError("id", "empty row id")
    violence = row.get("type_of_violence")
    label, kind = VIOLENCE.get(violence, ("violence", EventType.ARMED_CLASH))
    one_sided = violence == "3"
    country = row.get("country")
    sides = []
    for side, role in (
        ("a", ParticipantRole.PERPETRATOR if one_sided else ParticipantRole.PARTY),
        ("b", ParticipantRole.VICTIM if one_sided else ParticipantRole.PARTY),
    ):
        name = row.get(f"side_{side}")
        if not name:
            raise RowError(f"side_{side}", "empty side")
        mention = _mention(name, row.get(f"side_{side}_new_id", f"side_{side}_dset_id"), country)
        sides.append(Participant(slot=f"side_{side}", actor=mention, role=role))
    extras: dict[str, str | int | float | None] = {
        prop: row.get(col) or None for col, prop in EXTRA_COLUMNS.items()
    }
    extras.update({prop: cell_int(row.get(col), col) for col, prop in INT_COLUMNS.items()})
    location, geo_problems = ucdp_location(row)
    extras["ucdp_where_prec"] = location.provider_precision if location else None
    return ProviderEventRecord(
        dataset="ucdp",
        provider_id=row.get("id"),
        line=line,
        date=_date(row),
        title=f"{label.capitalize()} violence: {row.get('side_a')} – {row.get('side_b')}"
        + (
            f" ({row.get('where_description') or country})"
            if row.get("where_description") or country
            else ""
        ),
        type=kind,
        summary=row.get("source_headline") or None,
        fatalities_best=cell_int(row.get("best", "best_est"), "best"),
        fatalities_low=cell_int(row.get("low", "low_est"), "low"),
        fatalities_high=cell_int(row.get("high", "high_est"), "high"),
        participants=tuple(sides),
        extras=extras,
        location=location,
        geo_problems=geo_problems,
    )


def _is_tag_row(cells: list[str]) -> bool:
    """HXL-style tag rows (`#event+id`, `#date+start`) under the header of re-published CSVs."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(c.startswith("#") for c in filled)


def _json_rows(path: Path) -> tuple[Header, Iterator[CellRow | Rejected]]:
    """The API's JSON ({"Result": [...]} pages or a bare list): small pages, read whole."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise WrongFormatError(f"{path} is not {EXPECTED} nor UCDP API JSON: {error}") from None
    items = data.get("Result") if isinstance(data, dict) else data
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise WrongFormatError(
            f"{path} is not UCDP API JSON: expected a list of events under 'Result'"
        )
    names = list(dict.fromkeys(key.lower() for item in items for key in item))
    missing = [n for n in REQUIRED if not any(alt in names for alt in n.split("|"))]
    if missing:
        raise WrongFormatError(
            f"{path} is not UCDP GED JSON: missing field(s) {', '.join(missing)}"
        )
    lowered = [{k.lower(): v for k, v in item.items()} for item in items]
    rows = (
        checked_text(n, ["" if item.get(c) is None else str(item.get(c)) for c in names], names)
        for n, item in enumerate(lowered, 1)
    )
    return Header(names), rows


def read_ucdp(path: Path, encoding: str = "utf-8") -> Iterator[ProviderEventRecord | Rejected]:
    """One event record per row (JSON item), or a Rejected naming the line, column and reason."""
    rows: Iterator[CellRow | Rejected]
    if is_json_file(path, encoding):
        header, rows = _json_rows(path)
    else:
        header = read_header(path, REQUIRED, EXPECTED, encoding)
        rows = iter_rows(path, names=header.names, encoding=encoding)
    for row in rows:
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        if _is_tag_row(cells):
            continue
        try:
            yield _record(header, line, cells)
        except (RowError, ValidationError) as error:
            yield to_rejected(line, error)
