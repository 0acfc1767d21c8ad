"""One event in full: participants, related events and statements about it, with evidence."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.incidents import IncidentRef
from schema.references import ActorRef, Evidence, NodeRef
from schema.timeline import TimelineItem


class Participant(BaseModel):
    actor: ActorRef
    role: str | None = Field(examples=["perpetrator"])
    relationship_id: str
    evidence: Evidence


class RelatedNode(BaseModel):
    """A typed link to another node; direction seen from this node (out: this → node)."""

    relationship: str = Field(examples=["VIOLATES"])
    direction: str = Field(examples=["out"])
    node: NodeRef
    relationship_id: str
    evidence: Evidence


class StatementAbout(BaseModel):
    """A statement that is about, denies or responds to the event."""

    relationship: str = Field(examples=["ABOUT"])
    statement: NodeRef
    stance: str | None = None
    speakers: list[ActorRef]
    relationship_id: str
    evidence: Evidence


class EventDetail(TimelineItem):
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    dataset: str | None = None
    provider_id: str | None = None
    source_url: str | None = None
    participants: list[Participant]
    related: list[RelatedNode] = Field(
        description="VIOLATES, FOLLOWS, RESPONDS_TO and PART_OF links, both directions."
    )
    statements: list[StatementAbout]
    incident: IncidentRef | None = Field(
        default=None, description="The incident this row reports, with its other reports (incident linking)."
    )
    contends_for: list[IncidentRef] = Field(
        default=[], description="Incidents this row could have been, that a better match won."
    )

