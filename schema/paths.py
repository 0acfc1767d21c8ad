"""Shortest connections between two nodes: nodes and typed relationships, in path order."""

from __future__ import annotations

from pydantic import BaseModel, Field


class PathNode(BaseModel):
    id: str = Field(examples=["actor:aleksei-erkhov"])
    labels: list[str] = Field(examples=[["Actor"]])
    name: str | None = Field(examples=["Aleksei Erkhov"])


class PathRelationship(BaseModel):
    id: str | None = Field(examples=["made:actor:aleksei-erkhov->stmt:erkhov-blames-turkey"])
    type: str = Field(examples=["MADE"])
    start: str = Field(description="Id of the node it points from.")
    end: str = Field(description="Id of the node it points to.")


class Path(BaseModel):
    """Nodes from `from` to `to`; relationships[i] joins nodes[i] and nodes[i+1], either way round."""

    length: int
    nodes: list[PathNode]
    relationships: list[PathRelationship]


class Paths(BaseModel):
    """All shortest paths (at most `limit`, ordered by their node ids); [] when none within max_hops."""

    source: str = Field(examples=["actor:aleksei-erkhov"])
    target: str = Field(examples=["event:2019-04-syrian-offensive"])
    max_hops: int
    paths: list[Path]
