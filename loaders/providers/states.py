"""States for provider actors: which country an ACLED or UCDP name is of, and the state actor of a country.

A state organ ("Military Forces of Syria (2000-)", "Police Forces of Syria (2000-) Prison Guards",
"Government of Syria", GDELT `SYRMIL`) is tied to its state by AFFILIATED_WITH role `part_of`, a
roll-up role: at level=state its accusations count as the state's. Protesters, rioters, civilians
or rebels of a country ("Protesters (Syria)", `SYRREB`) only get the actor's `country`: they are in
the country, they do not speak for its state.

A country's state actor is the alias table's state for that ISO3 code (the seed's `actor:syria`,
`actor:russia`…) or else `actor:state-<iso3>`, named by pycountry: an id that survives renames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from loaders.providers.aliases import AliasTable
from loaders.providers.countries import UnknownCountry, country_name, iso3_of_name
from schema.providers import StateRole
from schema.vocabulary import ActorKind, AffiliationRole

Row = dict[str, Any]  # the driver's parameter type
STATE_TIE_ROLE = AffiliationRole.PART_OF
# ACLED: "Military Forces of Syria (2000-) Air Force"; UCDP: "Government of Russia (Soviet Union)".
_ORGAN = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?P<rest>.+)$")
_ACLED_PERIOD = re.compile(r"^(?P<country>.+?) \(\d{4}-(?:\d{4})?\)(?: .+)?$")
# ACLED's generic actors: "Protesters (Syria)", "Civilians (Syria)", "Unidentified Armed Group (Syria)".
_LOCATED = re.compile(r"^.+ \((?P<country>[^()]+)\)$")


@dataclass(frozen=True)
class CountryOf:
    """The country a provider actor name names (ISO3) and what the actor is of its state."""

    iso3: str
    state_role: StateRole | None


@lru_cache(maxsize=65536)
def country_of_name(name: str) -> CountryOf | None:
    """What an ACLED or UCDP actor name says about its country; None when it names none."""
    organ = _ORGAN.match(name)
    if organ:
        rest = organ["rest"]
        period = _ACLED_PERIOD.match(rest)
        iso3 = iso3_of_name(period["country"] if period else rest)
        if iso3:
            return CountryOf(iso3, "organ")
    located = _LOCATED.match(name)
    if located:
        iso3 = iso3_of_name(located["country"])
        if iso3:
            return CountryOf(iso3, None)
    return None


def _state_name(iso3: str) -> str:
    try:
        return country_name(iso3)
    except UnknownCountry:  # a code of CAMEO's country list that ISO 3166 lacks: keep the code
        return iso3


def tie_id(actor_id: str, state_id: str) -> str:
    """The tie's id, as the curated loader writes it: affiliated_with:<actor>-><state>:part_of."""
    return f"affiliated_with:{actor_id}->{state_id}:{STATE_TIE_ROLE.value}"


class StateRegistry:
    """State actors by ISO3: the alias table's where it has one, else created from pycountry."""

    def __init__(self, aliases: AliasTable) -> None:
        self._known = aliases.states()

    def state_id(self, iso3: str) -> str:
        known = self._known.get(iso3)
        return known.id if known else f"actor:state-{iso3.lower()}"

    def state_row(self, iso3: str, source_id: str) -> Row:
        """The state's actor row (created if missing; an existing one only gains the source)."""
        known = self._known.get(iso3)
        state_id = self.state_id(iso3)
        props = {
            "id": state_id,
            "name": known.name if known else _state_name(iso3),
            "kind": ActorKind.STATE.value,
            "country": iso3,
            "aliases": [],
            "description": None,
            "source_ids": [source_id],
            "quote": None,
        }
        return {"id": state_id, "source_id": source_id, "props": props, "refresh": {}}

    def tie_row(self, actor_id: str, iso3: str, source_id: str, evidence: str) -> Row:
        """The actor's `part_of` tie to its state; `evidence` is the provider's name or code for it."""
        state_id = self.state_id(iso3)
        rel_id = tie_id(actor_id, state_id)
        return {
            "id": rel_id,
            "actor": actor_id,
            "state": state_id,
            "source_id": source_id,
            "props": {
                "id": rel_id,
                "role": STATE_TIE_ROLE.value,
                "source_ids": [source_id],
                "quote": evidence,
            },
        }
