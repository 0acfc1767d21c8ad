"""Shortest connections between two nodes: nodes and typed relationships with their evidence."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schema.references import DateInfo, SourceRef


class PathNode(BaseModel):
    id: str = Field(examples=["actor:aleksei-erkhov"])
    labels: list[str] = Field(examples=[["Actor"]])
    name: str | None = Field(examples=["Aleksei Erkhov"])
    date: DateInfo | None = Field(default=None, description="Events and statements: their date.")


class PathRelationship(BaseModel):
    """A relationship with what it says (role, charge, rating…) and the sources stating it; two
    parallel relationships (Russia as signatory and as guarantor) differ by `id` and `role`."""

    id: str | None = Field(examples=["participated_in:actor:russia->event:2018-de-escalation-agreement:guarantor"])
    type: str = Field(examples=["PARTICIPATED_IN"])
    start: str = Field(description="Id of the node it points from.")
    end: str = Field(description="Id of the node it points to.")
    role: str | None = Field(default=None, description="PARTICIPATED_IN, AFFILIATED_WITH: the role.",
                             examples=["guarantor"])
    title: str | None = Field(default=None, description="AFFILIATED_WITH: the title held.")
    charge: str | None = Field(default=None, description="ACCUSES: the charge.")
    rating: str | None = Field(default=None, description="RATED: the verdict in the checker's words.")
    rating_normalized: str | None = Field(default=None, description="RATED: the verdict, normalised.")
    quote: str | None = Field(default=None, description="The sentence supporting it.")
    sources: list[SourceRef] = Field(default=[], description="The sources stating it.")


class PathEvidence(BaseModel):
    """How well a path is documented; paths are ranked on these, in this order, best first."""

    weakest_link_sources: int = Field(
        description="Sources of its least-sourced relationship (a chain is as strong as its weakest "
        "link): more first."
    )
    quoted_relationships: int = Field(description="Relationships with a supporting quote: more first.")
    distinct_sources: int = Field(description="Distinct sources over all its relationships: more first.")


class Path(BaseModel):
    """Nodes from `from` to `to`; relationships[i] joins nodes[i] and nodes[i+1], either way round."""

    length: int
    nodes: list[PathNode]
    relationships: list[PathRelationship]
    evidence: PathEvidence


class Paths(BaseModel):
    """The shortest paths, best-evidenced first (see PathEvidence; ties by node ids, then relationship
    ids); `truncated` when more shortest paths exist than `limit`. [] when none within max_hops."""

    source: str = Field(examples=["actor:aleksei-erkhov"])
    target: str = Field(examples=["event:2019-04-syrian-offensive"])
    max_hops: int
    paths: list[Path]
    truncated: bool = Field(description="More shortest paths exist than were returned.")
