"""CAMEO actor codes (GDELT Actor1Code/Actor2Code): shape, kind, country and what the actor is of its state.

The code lists are GDELT's own lookup files, shipped as data in data/cameo/ (country.csv with
each code's kind and ISO3, type.csv, ethnic.csv, religion.csv). A code is well-formed when it is
made of three-character blocks, upper case (countries, roles, groups, religions) or lower case
(CAMEO's ethnic groups: `hni`, `tib`, `baqGOV`); its meaning comes from the lists, and a block no
list knows still loads (as a source-qualified actor), it just adds nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from schema.vocabulary import ActorKind

CAMEO_DATA = Path(__file__).resolve().parents[2] / "data" / "cameo"
ACTOR_CODE = re.compile(r"^(?:[A-Z0-9]{3}|[a-z]{3})+$")
# Role blocks → actor kind; the first one found wins (RUSMIL → armed forces).
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
# Roles that act and speak for their state (CAMEO's state actors). A legislature is left out: its
# opposition members speak for themselves, not for the state.
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
StateRole = Literal["state", "organ"]


def _table(name: str) -> dict[str, dict[str, str]]:
    with (CAMEO_DATA / f"{name}.csv").open(newline="", encoding="utf-8") as stream:
        return {row["code"]: row for row in csv.DictReader(stream)}


COUNTRIES = _table("country")  # code → {label, kind: country|region|territory, iso3}
TYPES = _table("type")
ETHNIC = _table("ethnic")
RELIGIONS = _table("religion")


@dataclass(frozen=True)
class CameoActor:
    """What a CAMEO actor code says: its kind, its country (ISO3) and whether it is or serves a state."""

    kind: ActorKind
    country: str | None  # ISO3 of the actor's country; None for regions and country-less codes
    state_role: StateRole | None  # "state": the country itself; "organ": its government, forces, police
    label: str | None  # the code read out from the lists: "Syria, Rebels", "ethnic group Hani"


def _blocks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _label(blocks: list[str]) -> str | None:
    words = []
    for block in blocks:
        if block in COUNTRIES:
            words.append(COUNTRIES[block]["label"])
        elif block in ETHNIC and block.islower():
            words.append(f"ethnic group {ETHNIC[block]['label']}")
        elif block in TYPES:
            words.append(TYPES[block]["label"])
        elif block in RELIGIONS:
            words.append(f"religion {RELIGIONS[block]['label']}")
    return ", ".join(words) if words else None


@lru_cache(maxsize=65536)
def read_actor_code(code: str, country_code: str = "") -> CameoActor:
    """Read a well-formed code (with its row's Actor*CountryCode, when the layout has it).

    Only a role right after the country makes an organ of the state: a known group's or an ethnic
    group's government or forces (SYRHEZMIL, ESPbaqGOV) speak for the group, not the state. A
    region (AFR, WST, MEA) or a territory code (WSB, GZS) is never a state.
    """
    blocks = _blocks(code)
    country_code = country_code or (blocks[0] if blocks[0] in COUNTRIES else "")
    place = COUNTRIES.get(country_code)
    iso3 = place["iso3"] or None if place else None
    is_country = place is not None and place["kind"] == "country"
    role_blocks = blocks[1:] if country_code and blocks[0] == country_code else blocks
    kind = next((TYPE_KINDS[b] for b in role_blocks if b in TYPE_KINDS), None)
    state_role: StateRole | None = None
    if is_country and not role_blocks:
        kind, state_role = ActorKind.STATE, "state"
    elif is_country and role_blocks[0] in STATE_ORGANS:
        state_role = "organ"
    return CameoActor(
        kind=kind or ActorKind.OTHER,
        country=iso3,
        state_role=state_role,
        label=_label(blocks),
    )
