"""GDELT events files (2.0 exports, 1.0 daily files, 1.0 backfile; plain or zipped) → event or statement records.

Every row lands as an event or a statement (per the CAMEO crosswalk in cameo.csv) or is rejected
with its reason. The layout is told by the first line's column count (gdelt_layouts.py) and every
cell is read by column name. Choices: an event keeps whichever actors it has (possibly none); a
statement with an empty Actor1 keeps its target, charge and source and has no speaker (no made-up
"Unknown" actor stands in); any well-formed CAMEO actor code is an actor, lower-case ethnic codes
(`hni`, `baqGOV`) included (cameo_actors.py). Only a malformed code (`RU`, `Rus`, `13y`) is a reject.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from loaders.providers.cameo import classify
from loaders.providers.cameo_actors import ACTOR_CODE, read_actor_code
from loaders.providers.gdelt_layouts import GdeltLayout, layout_of
from loaders.providers.limits import MAX_LINE_CHARS
from loaders.providers.locations import gdelt_location
from loaders.providers.tabular import (
    Row,
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

ROLES: dict[EventType, tuple[ParticipantRole, ParticipantRole]] = {
    EventType.NEGOTIATION: (ParticipantRole.NEGOTIATOR, ParticipantRole.NEGOTIATOR),
    EventType.AGREEMENT: (ParticipantRole.SIGNATORY, ParticipantRole.SIGNATORY),
    EventType.CEASEFIRE: (ParticipantRole.SIGNATORY, ParticipantRole.SIGNATORY),
}
CONFLICT_ROOTS = {str(root) for root in range(14, 21)}
UNKNOWN_SPEAKER = "Unidentified speaker"  # words in the statement text only, never an actor


def check_format(path: Path, encoding: str = "utf-8") -> GdeltLayout:
    """The layout of the first line (57, 58 or 61 tab-separated columns); WrongFormatError otherwise."""
    with open_text(path, encoding, errors="replace") as stream:
        first = stream.readline(MAX_LINE_CHARS).rstrip("\r\n")
    count = first.count("\t") + 1 if first else 0
    layout = layout_of(count)
    if layout is None:
        hint = ""
        if count == 1 and "," in first and "\x00" not in first:
            hint = f" (the first line looks like a CSV header: {first[:60]}…)"
        elif count <= 1:
            hint = f" ({describe_start(path, encoding)})"
        raise WrongFormatError(
            f"{path} is not a GDELT events file: expected 61 (2.0), 58 (1.0 daily) or 57 (1.0 "
            f"backfile) tab-separated columns without a header, found {count}{hint}"
        )
    return layout


@lru_cache(maxsize=65536)
def _mention(code: str, name: str, country_code: str) -> ActorMention:
    cameo = read_actor_code(code, country_code)
    return ActorMention(
        dataset="gdelt",
        key=code,
        name=name.title() if name else (cameo.label or code),
        fallback_id=f"gdelt-actor:{code}",
        kind=cameo.kind,
        country=cameo.country,
        state_role=cameo.state_role,
        description=f"CAMEO {code}: {cameo.label}" if cameo.label else None,
    )


def _actor(row: Row, actor: str) -> ActorMention | None:
    code = row.get(f"{actor}Code")
    if not code:
        return None
    if not ACTOR_CODE.match(code):
        raise RowError(f"{actor}Code", "not a CAMEO actor code (blocks of 3 letters)", code)
    return _mention(code, row.get(f"{actor}Name"), row.get(f"{actor}CountryCode"))


@lru_cache(maxsize=8192)
def _date(text: str) -> FuzzyDate:
    try:
        day = datetime.strptime(text, "%Y%m%d").date()
        return FuzzyDate.from_bounds(day, day, DatePrecision.DAY)
    except ValueError:
        raise RowError("SQLDATE", "not a YYYYMMDD date", text) from None


def _extras(row: Row) -> dict[str, str | int | float | bool | None]:
    # Kept lean (every property costs load time): base/root codes are prefixes of the event code,
    # DATEADDED and the FIPS geo country are left out.
    return {
        "gdelt_event_code": row.get("EventCode"),
        "gdelt_is_root_event": row.get("IsRootEvent") == "1",
        "gdelt_quad_class": cell_int(row.get("QuadClass"), "QuadClass"),
        "gdelt_goldstein": cell_float(row.get("GoldsteinScale"), "GoldsteinScale"),
        "gdelt_num_mentions": cell_int(row.get("NumMentions"), "NumMentions"),
        "gdelt_num_sources": cell_int(row.get("NumSources"), "NumSources"),
        "gdelt_num_articles": cell_int(row.get("NumArticles"), "NumArticles"),
        "gdelt_avg_tone": cell_float(row.get("AvgTone"), "AvgTone"),
        "gdelt_actor1_code": row.get("Actor1Code") or None,
        "gdelt_actor1_name": row.get("Actor1Name") or None,
        "gdelt_actor2_code": row.get("Actor2Code") or None,
        "gdelt_actor2_name": row.get("Actor2Name") or None,
        "gdelt_action_geo": row.get("ActionGeo_FullName") or None,
    }


def _record(row: Row, line: int) -> ProviderEventRecord | ProviderStatementRecord:
    code = row.get("EventCode")
    action = classify(code)
    if action is None:
        raise RowError("EventCode", "not a CAMEO event code", code)
    if not row.get("GLOBALEVENTID"):
        raise RowError("GLOBALEVENTID", "empty row id")
    first = _actor(row, "Actor1")
    second = _actor(row, "Actor2")
    names = [m.name for m in (first, second) if m is not None]
    common: dict[str, Any] = {
        "dataset": "gdelt",
        "provider_id": row.get("GLOBALEVENTID"),
        "line": line,
        "date": _date(row.get("SQLDATE")),
        "source_url": row.get("SOURCEURL") or None,  # the 1.0 backfile has no SOURCEURL
        "extras": _extras(row),
    }
    common["location"], common["geo_problems"] = gdelt_location(row)
    if action.stance is not None:
        speaker = first.name if first else UNKNOWN_SPEAKER
        text = f"{speaker}: {action.label}" + (f" ({second.name})" if second else "")
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
    layout = check_format(path, encoding)
    rows = iter_rows(
        path,
        delimiter="\t",
        skip_header=False,
        names=layout.columns,
        encoding=encoding,
        width=f"tab-separated fields ({layout.name})",
    )
    for row in rows:
        if isinstance(row, Rejected):
            yield row
            continue
        line, cells = row
        try:
            yield _record(Row(layout.header, cells), line)
        except (RowError, ValidationError) as error:
            yield to_rejected(line, error)
