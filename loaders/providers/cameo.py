"""The CAMEO → project vocabulary crosswalk (cameo.csv beside this file) and CAMEO actor-code kinds."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from schema.vocabulary import ActorKind, EventType, Stance

CROSSWALK_PATH = Path(__file__).with_name("cameo.csv")
EVENT_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
# CAMEO actor codes are blocks of three upper-case characters: RUS, RUSMIL, IGOUNOWHO.
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3})+$")
# Role/type blocks → actor kind; the first block found (after the country) wins.
TYPE_KINDS: dict[str, ActorKind] = {
    "MIL": ActorKind.ARMED_FORCES,
    "GOV": ActorKind.GOVERNMENT,
    "COP": ActorKind.GOVERNMENT_AGENCY,
    "SPY": ActorKind.GOVERNMENT_AGENCY,
    "JUD": ActorKind.GOVERNMENT_AGENCY,
    "LEG": ActorKind.GOVERNMENT_AGENCY,
    "REB": ActorKind.ARMED_GROUP,
    "INS": ActorKind.ARMED_GROUP,
    "SEP": ActorKind.ARMED_GROUP,
    "UAF": ActorKind.ARMED_GROUP,
    "IGO": ActorKind.INTERGOVERNMENTAL_ORG,
    "UNO": ActorKind.INTERGOVERNMENTAL_ORG,
    "PKO": ActorKind.INTERGOVERNMENTAL_ORG,
    "NGO": ActorKind.NGO,
    "MED": ActorKind.MEDIA_OUTLET,
    "CVL": ActorKind.CIVILIANS,
    "REF": ActorKind.CIVILIANS,
    "OPP": ActorKind.POLITICAL_PARTY,
    "PTY": ActorKind.POLITICAL_PARTY,
}


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


def actor_kind(code: str) -> ActorKind:
    """Kind implied by a CAMEO actor code: RUSMIL → armed_forces, SYR → state, IGOUNO → IGO."""
    blocks = [code[i : i + 3] for i in range(0, len(code), 3)]
    for block in blocks:
        if block in TYPE_KINDS:
            return TYPE_KINDS[block]
    return ActorKind.STATE if len(blocks) == 1 else ActorKind.OTHER
