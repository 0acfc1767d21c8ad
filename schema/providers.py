"""Validated rows of provider datasets (ACLED, GDELT, UCDP): events, statements, actor mentions, rejects.

A reader yields one `ProviderEventRecord` or `ProviderStatementRecord` per accepted row and one
`Rejected` per row it could not read; nothing is dropped silently. A record owns its identity
(`<dataset>:<provider row id>`) and the ids of its relationships (`<type>:<record id>:<slot>`), so
a re-load MERGEs onto the same nodes and relationships.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field, model_validator

from schema.dates import FuzzyDate
from schema.geo import GeoProblem, RowLocation
from schema.vocabulary import ActorKind, EventType, ParticipantRole, Stance

Dataset = Literal["acled", "gdelt", "ucdp"]
# What a provider actor is of its country's state: the state itself (GDELT `SYR`) or one of its
# organs, which act and speak for it (forces, police, government: roll up at level=state).
StateRole = Literal["state", "organ"]
TargetRel = Literal["ACCUSES", "WARNS", "APPEALS_TO"]
Extra = str | int | float | bool | None

# One Source node (kind dataset) per provider; every node and relationship a load writes cites it.
DATASET_SOURCE_IDS: dict[str, str] = {
    "acled": "src:acled",
    "gdelt": "src:gdelt",
    "ucdp": "src:ucdp-ged",
}
# Ids of actors no alias resolved: the loader's own, removed once nothing uses them.
SOURCE_QUALIFIED_PREFIXES: dict[str, str] = {
    "acled": "acled-actor:",
    "gdelt": "gdelt-actor:",
    "ucdp": "ucdp-actor:",
}
# The column that holds a provider's row id (named in rejects about the id).
DATASET_ID_COLUMNS: dict[str, str] = {
    "acled": "event_id_cnty",
    "gdelt": "GLOBALEVENTID",
    "ucdp": "id",
}


@dataclass(frozen=True)
class Rejected:
    """A row that could not be read: where it is (file line, column) and why."""

    line: int
    column: str
    reason: str
    value: str = ""


class ActorMention(BaseModel):
    """An actor as a provider names it; resolved to a canonical actor through the alias table."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: Dataset
    key: str  # what the alias table matches: ACLED/UCDP name, GDELT actor code
    name: str  # display name if the actor has to be created
    fallback_id: str  # the source-qualified id used when no alias matches
    kind: ActorKind
    country: str | None = None  # ISO3 of the actor's country (where it is from or located)
    state_role: StateRole | None = None  # set only with `country`
    description: str | None = None


class Participant(BaseModel):
    """One actor slot of an event row (actor1, assoc1-0, side_a…) and its role."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slot: str
    actor: ActorMention
    role: ParticipantRole


class _ProviderRecord(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    dataset: Dataset
    provider_id: str
    line: int  # line of the input file the row starts on (rejects, checkpoints)
    date: FuzzyDate
    source_url: str | None = None
    extras: dict[str, Extra] = {}
    location: RowLocation | None = None  # where it happened (place names, point, precision)
    geo_problems: tuple[GeoProblem, ...] = ()  # location cells that could not be used

    @computed_field  # type: ignore[prop-decorator]
    @property
    def id(self) -> str:
        return f"{self.dataset}:{self.provider_id}"

    @model_validator(mode="after")
    def _extras_prefixed(self) -> _ProviderRecord:
        if not self.provider_id.strip():
            raise ValueError("empty provider row id")
        bad = [key for key in self.extras if not key.startswith(f"{self.dataset}_")]
        if bad:
            raise ValueError(f"provider extras must start with '{self.dataset}_': {bad}")
        return self

    def rel_id(self, rel_type: str, slot: str) -> str:
        """Stable id of one of this row's relationships, e.g. participated_in:acled:SYR1:actor1."""
        return f"{rel_type.lower()}:{self.id}:{slot}"


class ProviderEventRecord(_ProviderRecord):
    """An event row: what happened, when, who took part, how many died (best/low/high)."""

    title: str
    type: EventType
    summary: str | None = None
    fatalities_best: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    participants: tuple[Participant, ...] = ()

    @model_validator(mode="after")
    def _fatalities_ordered(self) -> ProviderEventRecord:
        low, best, high = self.fatalities_low, self.fatalities_best, self.fatalities_high
        if any(v is not None and v < 0 for v in (low, best, high)):
            raise ValueError("fatalities cannot be negative")
        if (
            low is not None
            and high is not None
            and not low <= (best if best is not None else low) <= high
        ):
            raise ValueError(f"fatalities not ordered low <= best <= high: {low}, {best}, {high}")
        return self


class ProviderStatementRecord(_ProviderRecord):
    """A verbal act (GDELT CAMEO 01–05, 10–13): speaker (None: not identified), stance, target, charge."""

    stance: Stance
    text: str
    summary: str
    speaker: ActorMention | None
    target: ActorMention | None = None
    target_rel: TargetRel | None = None
    charge: str | None = None

    @model_validator(mode="after")
    def _target_consistent(self) -> ProviderStatementRecord:
        if self.target_rel is not None and self.target is None:
            raise ValueError(f"{self.target_rel} needs a target actor")
        if self.charge is not None and self.target_rel != "ACCUSES":
            raise ValueError("only an accusation has a charge")
        return self


ProviderRecord = ProviderEventRecord | ProviderStatementRecord
