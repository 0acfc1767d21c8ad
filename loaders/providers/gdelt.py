"""GDELT 2.0 events exports (61 tab-separated columns, no header) → event or statement records.

Every row lands as an event or a statement (per the CAMEO crosswalk in cameo.csv) or is rejected
with its reason. Choices: a statement needs a speaker, so an empty Actor1 on a verbal code is a
reject; an event keeps whichever actors it has (possibly none); an actor code that is not CAMEO
(e.g. a language code such as `eng`) is a reject rather than a guess.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from typing import Any
from pathlib import Path

from pydantic import ValidationError

from loaders.providers.cameo import ACTOR_CODE, actor_kind, classify
from loaders.providers.limits import MAX_LINE_CHARS
from loaders.providers.tabular import (
    RowError,
    cell_float,
    cell_int,
    iter_rows,
    to_rejected,
)
from loaders.providers.text import WrongFormatError, describe_start, open_text
from schema.dates import DatePrecision, FuzzyDate
from schema.providers import (
    ActorMention,
    Participant,
    ProviderEventRecord,
    ProviderStatementRecord,
    Rejected,
)
from schema.vocabulary import EventType, ParticipantRole

COLUMN_COUNT = 61
ID, SQLDATE, A1_CODE, A1_NAME, A1_COUNTRY, A2_CODE, A2_NAME, A2_COUNTRY = 0, 1, 5, 6, 7, 15, 16, 17
IS_ROOT, EVENT_CODE, QUAD, GOLDSTEIN = 25, 26, 29, 30
MENTIONS, SOURCES, ARTICLES, TONE = 31, 32, 33, 34
GEO_NAME, GEO_LAT, GEO_LONG, SOURCEURL = 52, 56, 57, 60
NAMES = {A1_CODE: "Actor1Code", A2_CODE: "Actor2Code", SQLDATE: "SQLDATE", EVENT_CODE: "EventCode"}
ROLES: dict[EventType, tuple[ParticipantRole, ParticipantRole]] = {
    EventType.NEGOTIATION: (ParticipantRole.NEGOTIATOR, ParticipantRole.NEGOTIATOR),
    EventType.AGREEMENT: (ParticipantRole.SIGNATORY, ParticipantRole.SIGNATORY),
    EventType.CEASEFIRE: (ParticipantRole.SIGNATORY, ParticipantRole.SIGNATORY),
}
CONFLICT_ROOTS = {str(root) for root in range(14, 21)}


def check_format(path: Path, encoding: str = "utf-8") -> None:
    """WrongFormatError unless the first line has the 61 tab-separated columns of GDELT 2.0 events."""
    with open_text(path, encoding, errors="replace") as stream:
        first = stream.readline(MAX_LINE_CHARS).rstrip("\r\n")
    count = first.count("\t") + 1 if first else 0
    if count != COLUMN_COUNT:
        hint = " (GDELT 1.0 has 58; this loader reads 2.0)" if count == 58 else ""
        if count == 1 and "," in first and "\x00" not in first:
            hint = f" (the first line looks like a CSV header: {first[:60]}…)"
        elif count <= 1:
            hint = f" ({describe_start(path, encoding)})"
        raise WrongFormatError(
            f"{path} is not a GDELT 2.0 events export: expected {COLUMN_COUNT} tab-separated columns "
            f"without a header, found {count}{hint}"
        )


@lru_cache(maxsize=65536)
def _mention(code: str, name: str, country: str) -> ActorMention:
    return ActorMention(
        dataset="gdelt",
        key=code,
        name=name.title() if name else code,
        fallback_id=f"gdelt-actor:{code}",
        kind=actor_kind(code),
        country=country or None,
    )


def _actor(cells: list[str], code_at: int, name_at: int, country_at: int) -> ActorMention | None:
    code = cells[code_at].strip()
    if not code:
        return None
    if not ACTOR_CODE.match(code):
        raise RowError(NAMES[code_at], "not a CAMEO actor code", code)
    return _mention(code, cells[name_at].strip(), cells[country_at].strip())


@lru_cache(maxsize=8192)
def _date(text: str) -> FuzzyDate:
    try:
        day = datetime.strptime(text, "%Y%m%d").date()
        return FuzzyDate.from_bounds(day, day, DatePrecision.DAY)
    except ValueError:
        raise RowError("SQLDATE", "not a YYYYMMDD date", text) from None


def _extras(cells: list[str]) -> dict[str, str | int | float | bool | None]:
    # Kept lean (every property costs load time): base/root codes are prefixes of the event code,
    # DATEADDED and the FIPS geo country are left out.
    return {
        "gdelt_event_code": cells[EVENT_CODE],
        "gdelt_is_root_event": cells[IS_ROOT] == "1",
        "gdelt_quad_class": cell_int(cells[QUAD], "QuadClass"),
        "gdelt_goldstein": cell_float(cells[GOLDSTEIN], "GoldsteinScale"),
        "gdelt_num_mentions": cell_int(cells[MENTIONS], "NumMentions"),
        "gdelt_num_sources": cell_int(cells[SOURCES], "NumSources"),
        "gdelt_num_articles": cell_int(cells[ARTICLES], "NumArticles"),
        "gdelt_avg_tone": cell_float(cells[TONE], "AvgTone"),
        "gdelt_actor1_code": cells[A1_CODE] or None,
        "gdelt_actor1_name": cells[A1_NAME] or None,
        "gdelt_actor2_code": cells[A2_CODE] or None,
        "gdelt_actor2_name": cells[A2_NAME] or None,
        "gdelt_action_geo": cells[GEO_NAME] or None,
        "gdelt_action_geo_lat": cell_float(cells[GEO_LAT], "ActionGeo_Lat"),
        "gdelt_action_geo_long": cell_float(cells[GEO_LONG], "ActionGeo_Long"),
    }


def _record(line: int, cells: list[str]) -> ProviderEventRecord | ProviderStatementRecord:
    code = cells[EVENT_CODE].strip()
    action = classify(code)
    if action is None:
        raise RowError("EventCode", "not a CAMEO event code", code)
    if not cells[ID].strip():
        raise RowError("GLOBALEVENTID", "empty row id")
    first = _actor(cells, A1_CODE, A1_NAME, A1_COUNTRY)
    second = _actor(cells, A2_CODE, A2_NAME, A2_COUNTRY)
    names = [m.name for m in (first, second) if m is not None]
    common: dict[str, Any] = {
        "dataset": "gdelt",
        "provider_id": cells[ID].strip(),
        "line": line,
        "date": _date(cells[SQLDATE].strip()),
        "source_url": cells[SOURCEURL].strip() or None,
        "extras": _extras(cells),
    }
    if action.stance is not None:
        if first is None:
            raise RowError("Actor1Code", f"statement ({code} {action.label}) without a speaker")
        text = f"{first.name}: {action.label}" + (f" ({second.name})" if second else "")
        return ProviderStatementRecord(
            **common,
            stance=action.stance,
            text=text,
            summary=text,
            speaker=first,
            target=second,
            target_rel=action.target_rel if second is not None else None,  # type: ignore[arg-type]
            charge=action.charge if second is not None else None,
        )
    assert action.event_type is not None
    conflict = code[:2] in CONFLICT_ROOTS
    roles = ROLES.get(action.event_type) or (
        (ParticipantRole.PERPETRATOR, ParticipantRole.TARGET)
        if conflict
        else (ParticipantRole.PARTY,) * 2
    )
    participants = tuple(
        Participant(slot=slot, actor=mention, role=role)
        for slot, mention, role in zip(("actor1", "actor2"), (first, second), roles, strict=True)
        if mention is not None
    )
    return ProviderEventRecord(
        **common,
        title=f"{action.label}: {' → '.join(names) or 'unnamed actors'}",
        type=action.event_type,
        participants=participants,
    )


def read_gdelt(
    path: Path, encoding: str = "utf-8"
) -> Iterator[ProviderEventRecord | ProviderStatementRecord | Rejected]:
    """One event or statement record per row, or a Rejected naming the line, column and reason."""
    check_format(path, encoding)
    for row in iter_rows(
        path, delimiter="\t", skip_header=False, fields=COLUMN_COUNT, encoding=encoding
    ):
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        try:
            yield _record(line, cells)
        except (RowError, ValidationError) as error:
            yield to_rejected(line, error)
