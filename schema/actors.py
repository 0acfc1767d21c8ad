"""Actors: search results, profiles with affiliations, and relations with their evidence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from schema.references import ActorRef, DateInfo, Evidence, NodeRef


class ActorSummary(ActorRef):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"id": "actor:aleksei-erkhov", "name": "Aleksei Erkhov", "kind": "person",
                 "aliases": ["Alexei Yerkhov"], "country": "RUS",
                 "description": "Russian Ambassador to Turkey"}
            ]
        }
    )

    aliases: list[str] = []
    country: str | None = None
    description: str | None = None


class ActorPage(BaseModel):
    """With `q`: exact name or alias matches first, then by full-text relevance, then name."""

    items: list[ActorSummary]
    next_cursor: str | None


class Affiliation(BaseModel):
    """An AFFILIATED_WITH link; `actor` is the other end (the organisation, or the member)."""

    actor: ActorRef
    role: str = Field(examples=["represents"])
    title: str | None = Field(default=None, examples=["Ambassador to Turkey"])
    valid: DateInfo | None = None
    relationship_id: str
    evidence: Evidence


class ActorProfile(ActorSummary):
    affiliations: list[Affiliation] = Field(description="Organisations this actor belongs to.")
    affiliates: list[Affiliation] = Field(description="Actors affiliated with this one.")
    evidence: Evidence


class Relation(BaseModel):
    """A BACKS / ALLIED_WITH / OPPOSES link to `actor`; direction is seen from the profiled actor."""

    actor: ActorRef
    type: str = Field(examples=["BACKS"])
    direction: str = Field(examples=["in"], description="out: this actor → actor; in: actor → this.")
    relationship_id: str
    evidence: Evidence


class AccusationLink(BaseModel):
    """An accusation made (actor = accused) or received (actor = speaker) by the profiled actor."""

    actor: ActorRef
    statement: NodeRef
    charge: str | None = None
    relationship_id: str
    evidence: Evidence


class SharedEvent(BaseModel):
    """An event both actors took part in; evidence is for the other actor's participation."""

    actor: ActorRef
    event: NodeRef
    roles: list[str] = Field(description="The profiled actor's roles in the event.")
    other_role: str | None = Field(description="The other actor's role (one entry per role).")
    relationship_id: str = Field(description="The other actor's PARTICIPATED_IN relationship.")
    evidence: Evidence


class ActorRelations(BaseModel):
    """Everything linking the actor to others (each list at most 50 entries, the first in its order)."""

    actor: ActorRef
    backers: list[Relation]
    backs: list[Relation]
    allies: list[Relation]
    adversaries: list[Relation]
    affiliations: list[Affiliation]
    affiliates: list[Affiliation]
    accusations_made: list[AccusationLink]
    accusations_received: list[AccusationLink]
    events_shared: list[SharedEvent]
    truncated: list[str] = Field(
        default_factory=list,
        description="Sections cut at 50 entries because the actor has more links of that kind.",
        examples=[["events_shared"]],
    )
