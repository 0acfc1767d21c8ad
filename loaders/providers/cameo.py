"""The CAMEO event code → project vocabulary crosswalk (cameo.csv beside this file); actor codes: cameo_actors.py."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from schema.vocabulary import EventType, Stance

CROSSWALK_PATH = Path(__file__).with_name("cameo.csv")
EVENT_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
@dataclass(frozen=True)
class CameoAction:
    """What a CAMEO event code lands as: an event of `event_type` or a statement of `stance`."""

    code: str
    label: str
    event_type: EventType | None = None
    stance: Stance | None = None
    target_rel: str | None = None
    charge: str | None = None


def _load(path: Path) -> dict[str, CameoAction]:
    table: dict[str, CameoAction] = {}
    with path.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            event = row["lands_as"] == "event"
            table[row["code"]] = CameoAction(
                code=row["code"],
                label=row["label"],
                event_type=EventType(row["value"]) if event else None,
                stance=None if event else Stance(row["value"]),
                target_rel=row["target_rel"] or None,
                charge=row["charge"] or None,
            )
    return table


CROSSWALK = _load(CROSSWALK_PATH)


@lru_cache(maxsize=1024)
def classify(code: str) -> CameoAction | None:
    """The crosswalk entry with the longest prefix of `code` ("1123" → 1123, "0873" → 087); None if invalid."""
    if not EVENT_CODE.match(code):
        return None
    for length in range(len(code), 1, -1):
        action = CROSSWALK.get(code[:length])
        if action is not None:
            return action
    return None

