"""Links of the curated format (`conflictkg/curated@1`): the records that become relationships.

A link nested in an item may omit `sources`; it then inherits the item's sources and quote.
Ids are checked here only for their prefix; that they are declared is checked by the loader.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from schema.dates import FuzzyDate
from schema.vocabulary import AffiliationRole, ParticipantRole, Rating

_SLUG = r"[a-z0-9][a-z0-9._-]*"

# A dataset's id is recorded in `asserted_by` of all it writes; a reload retracts by it.
DatasetId = Annotated[str, StringConstraints(pattern=rf"^{_SLUG}$")]
SourceId = Annotated[str, StringConstraints(pattern=rf"^src:{_SLUG}$")]
ActorId = Annotated[str, StringConstraints(pattern=rf"^actor:{_SLUG}$")]
PlaceId = Annotated[str, StringConstraints(pattern=rf"^place:{_SLUG}$")]
EventId = Annotated[str, StringConstraints(pattern=rf"^event:{_SLUG}$")]
StatementId = Annotated[str, StringConstraints(pattern=rf"^stmt:{_SLUG}$")]
EventOrStatementId = Annotated[str, StringConstraints(pattern=rf"^(event|stmt):{_SLUG}$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]  # ISO 3166 alpha-3
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Sources = Annotated[list[SourceId], Field(min_length=1)]


class CuratedModel(BaseModel):
    """Base of every curated record: immutable, and unknown fields are errors (typos never pass)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Link(CuratedModel):
    """A nested link: its own evidence, or (when `sources` is omitted) its parent's."""

    sources: Sources | None = None
    quote: str | None = None


class Participation(Link):
    actor: ActorId
    role: ParticipantRole


class EventRelationType(StrEnum):
    VIOLATES = "violates"
    FOLLOWS = "follows"
    RESPONDS_TO = "responds_to"
    PART_OF = "part_of"


class EventRelation(Link):
    type: EventRelationType
    target: EventOrStatementId


class ActorTarget(Link):
    """A statement warns, threatens or appeals to an actor."""

    actor: ActorId


class Accusation(ActorTarget):
    charge: Text | None = None


class Target(Link):
    """A statement denies, is about or responds to an event or a statement."""

    target: EventOrStatementId


class StatementTarget(Link):
    """A statement supports or contradicts another statement."""

    target: StatementId


class Verdict(Link):
    by: ActorId
    rating: Text  # the publisher's own words, e.g. "Misleading"
    rating_normalized: Rating
    date: FuzzyDate | None = None


class Affiliation(CuratedModel):
    actor: ActorId
    of: ActorId
    role: AffiliationRole
    title: Text | None = None
    valid: FuzzyDate | None = None
    sources: Sources
    quote: str | None = None


class ActorRelationType(StrEnum):
    BACKS = "backs"
    ALLIED_WITH = "allied_with"
    OPPOSES = "opposes"


class ActorRelation(CuratedModel):
    model_config = ConfigDict(populate_by_name=True)

    type: ActorRelationType
    from_: ActorId = Field(alias="from")
    to: ActorId
    sources: Sources
    quote: str | None = None
