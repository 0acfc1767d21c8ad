"""ACLED CSV exports (API v4 and older, BOM or not) → event records; unreadable rows → Rejected."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from pydantic import ValidationError

from loaders.providers.locations import acled_location
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
from loaders.providers.states import country_of_name
from schema.dates import DatePrecision, FuzzyDate
from schema.providers import ActorMention, Participant, ProviderEventRecord, Rejected
from schema.vocabulary import ActorKind, EventType, ParticipantRole

REQUIRED = ("event_id_cnty", "event_date", "event_type", "actor1")
EXPECTED = "an ACLED export (comma-separated with a header row)"
# (event_type, sub_event_type) → EventType, per the crosswalk comments in schema/vocabulary.py.
SUB_EVENT_TYPES: dict[str, EventType] = {
    "armed clash": EventType.ARMED_CLASH,
    "government regains territory": EventType.OFFENSIVE,
    "non-state actor overtakes territory": EventType.OFFENSIVE,
    "air/drone strike": EventType.AIRSTRIKE,
    "shelling/artillery/missile attack": EventType.SHELLING,
    "remote explosive/landmine/ied": EventType.EXPLOSION,
    "suicide bomb": EventType.EXPLOSION,
    "grenade": EventType.EXPLOSION,
    "chemical weapon": EventType.EXPLOSION,
    "agreement": EventType.AGREEMENT,
    "arrests": EventType.ARREST,
    "headquarters or base established": EventType.MILITARY_DEPLOYMENT,
    "non-violent transfer of territory": EventType.WITHDRAWAL,
    "looting/property destruction": EventType.COERCION,
}
EVENT_TYPES: dict[str, EventType] = {
    "battles": EventType.ARMED_CLASH,
    "explosions/remote violence": EventType.EXPLOSION,
    "violence against civilians": EventType.ATTACK_ON_CIVILIANS,
    "protests": EventType.PROTEST,
    "riots": EventType.RIOT,
    "strategic developments": EventType.STRATEGIC_DEVELOPMENT,
}
# inter1/inter2: numeric codes (inter_num=1, old exports) or the API's text labels.
INTER_KINDS: dict[str, ActorKind] = {
    "1": ActorKind.ARMED_FORCES,
    "state forces": ActorKind.ARMED_FORCES,
    "2": ActorKind.ARMED_GROUP,
    "rebel group": ActorKind.ARMED_GROUP,
    "3": ActorKind.ARMED_GROUP,
    "political militia": ActorKind.ARMED_GROUP,
    "4": ActorKind.ARMED_GROUP,
    "identity militia": ActorKind.ARMED_GROUP,
    "5": ActorKind.OTHER,
    "rioters": ActorKind.OTHER,
    "6": ActorKind.OTHER,
    "protesters": ActorKind.OTHER,
    "7": ActorKind.CIVILIANS,
    "civilians": ActorKind.CIVILIANS,
    "8": ActorKind.OTHER,
    "external/other forces": ActorKind.OTHER,
}
PRECISION_WINDOWS = {1: (0, DatePrecision.DAY), 2: (3, DatePrecision.WEEK)}
EXTRA_COLUMNS = {  # ACLED column → event property (kept as text)
    "sub_event_type": "acled_sub_event_type",
    "event_type": "acled_event_type",
    "disorder_type": "acled_disorder_type",
    "notes": "acled_notes",
    "source": "acled_source",
    "source_scale": "acled_source_scale",
    "country": "acled_country",
    "admin1": "acled_admin1",
    "admin2": "acled_admin2",
    "location": "acled_location",
    "civilian_targeting": "acled_civilian_targeting",
    "tags": "acled_tags",
    "inter1": "acled_inter1",
    "inter2": "acled_inter2",
}


@lru_cache(maxsize=65536)
def _mention(name: str, inter: str) -> ActorMention:
    kind = INTER_KINDS.get(inter.strip().casefold(), ActorKind.OTHER)
    country = country_of_name(name)  # "Military Forces of Syria (2000-)", "Protesters (Syria)"
    return ActorMention(
        dataset="acled",
        key=name,
        name=name,
        fallback_id=f"acled-actor:{slug(name)}",
        kind=kind,
        country=country.iso3 if country else None,
        state_role=country.state_role if country else None,
    )


def _date(text: str, precision: str) -> FuzzyDate:
    day = cell_day(text, "event_date")
    level = cell_int(precision, "time_precision") or 1
    if level == 3:  # only the month is known
        return FuzzyDate.parse(day.strftime("%Y-%m"))
    if level not in PRECISION_WINDOWS:
        raise RowError("time_precision", "must be 1, 2 or 3", precision)
    half, unit = PRECISION_WINDOWS[level]  # a week: the date is set mid-period
    return FuzzyDate.from_bounds(day - timedelta(days=half), day + timedelta(days=half), unit)


def _participants(row: Row, civilian_target: bool) -> tuple[Participant, ...]:
    result = []
    for side in ("1", "2"):
        name = row.get(f"actor{side}")
        inter = row.get(f"inter{side}")
        if side == "1":
            role = ParticipantRole.PERPETRATOR if civilian_target else ParticipantRole.PARTY
        else:
            role = ParticipantRole.VICTIM if civilian_target else ParticipantRole.PARTY
        if name:
            result.append(Participant(slot=f"actor{side}", actor=_mention(name, inter), role=role))
        assoc = [a.strip() for a in row.get(f"assoc_actor_{side}").split(";") if a.strip()]
        for n, name in enumerate(assoc):
            result.append(
                Participant(slot=f"assoc{side}-{n}", actor=_mention(name, inter), role=role)
            )
    return tuple(result)


def _record(header: Header, line: int, cells: list[str]) -> ProviderEventRecord:
    row = Row(header, cells)
    if not row.get("event_id_cnty"):
        raise RowError("event_id_cnty", "empty row id")
    event_type, sub_event = row.get("event_type"), row.get("sub_event_type")
    kind = SUB_EVENT_TYPES.get(sub_event.casefold()) or EVENT_TYPES.get(event_type.casefold())
    if kind is None:
        raise RowError("event_type", "not an ACLED event type", event_type)
    civilian_target = (
        row.get("inter2") in ("7", "Civilians") or event_type == "Violence against civilians"
    )
    extras: dict[str, str | int | float | None] = {
        prop: row.get(col) or None for col, prop in EXTRA_COLUMNS.items()
    }
    extras["acled_iso"] = row.get("iso", "iso3") or None
    extras["acled_time_precision"] = cell_int(row.get("time_precision"), "time_precision")
    location, geo_problems = acled_location(row)
    extras["acled_geo_precision"] = location.provider_precision if location else None
    extras["acled_timestamp"] = cell_int(row.get("timestamp"), "timestamp")
    actors = " – ".join(n for n in (row.get("actor1"), row.get("actor2")) if n)
    place = row.get("location") or row.get("country")
    return ProviderEventRecord(
        dataset="acled",
        provider_id=row.get("event_id_cnty"),
        line=line,
        date=_date(row.get("event_date"), row.get("time_precision")),
        title=f"{sub_event or event_type}: {actors}" + (f" ({place})" if place else ""),
        type=kind,
        summary=row.get("notes") or None,
        fatalities_best=cell_int(row.get("fatalities"), "fatalities"),
        participants=_participants(row, civilian_target),
        extras=extras,
        location=location,
        geo_problems=geo_problems,
    )


def read_acled(path: Path, encoding: str = "utf-8") -> Iterator[ProviderEventRecord | Rejected]:
    """One event record per row, or a Rejected naming the line, column and reason."""
    header = read_header(path, REQUIRED, EXPECTED, encoding)
    for row in iter_rows(path, names=header.names, encoding=encoding):
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        try:
            yield _record(header, line, cells)
        except (RowError, ValidationError) as error:
            yield to_rejected(line, error)
