"""Export limits, from CKG_EXPORT_* variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class ExportSettings(BaseSettings):
    """How large a seed export may be and how it is paged."""

    model_config = SettingsConfigDict(env_prefix="CKG_EXPORT_", extra="ignore")

    # Caps the seed selections of the API and the CLI (whole-graph CLI exports are uncapped); it is
    # also what bounds memory for the formats whose libraries build the document in memory.
    max_nodes: int = Field(50_000, ge=1)
    # graphml and gexf are built in memory by networkx (measured by bench/export.py: ~340 MiB at
    # 10k nodes + 30k relationships), so they get lower caps of their own, on nodes and on nodes
    # plus relationships (a dense neighbourhood has many more relationships than nodes).
    max_nodes_in_memory: int = Field(10_000, ge=1)
    max_elements_in_memory: int = Field(40_000, ge=1)
    # Exports running at once (API); one more is answered 429 with Retry-After.
    max_concurrent: int = Field(2, ge=1)
    page_size: int = Field(1000, ge=1, le=100_000)
    # Each page and the selection run in their own read transaction with this server-side timeout.
    timeout_seconds: float = Field(60.0, gt=0)

    def cap(self, streams: bool) -> int:
        """The node cap for a format that streams (or that is built in memory)."""
        return self.max_nodes if streams else min(self.max_nodes, self.max_nodes_in_memory)
