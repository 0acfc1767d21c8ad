"""One statement in full: targets, subjects, fact-check verdicts, supporting and contradicting ones."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.events import RelatedNode
from schema.references import ActorRef, Evidence, VerdictRef
from schema.timeline import TimelineItem


class Target(BaseModel):
    """An actor the statement accuses, warns or appeals to."""

    relationship: str = Field(examples=["ACCUSES"])
    actor: ActorRef
    charge: str | None = None
    relationship_id: str
    evidence: Evidence


class Verdict(VerdictRef):
    """A verdict with the RATED relationship's id and evidence."""

    relationship_id: str
    evidence: Evidence


class StatementDetail(TimelineItem):
    dataset: str | None = None
    provider_id: str | None = None
    targets: list[Target]
    subjects: list[RelatedNode] = Field(description="What it is about, denies or responds to (out).")
    responses: list[RelatedNode] = Field(description="Statements or events about or responding to it.")
    verdicts: tuple[Verdict, ...]
    supports: list[RelatedNode]
    supported_by: list[RelatedNode]
    contradicts: list[RelatedNode]
    contradicted_by: list[RelatedNode]
