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
    # graphml, gexf and jsonld are built in memory by networkx/rdflib (measured by bench/export.py:
    # ~1 GiB for jsonld at 10k nodes + 30k relationships), so they get a lower cap of their own.
    max_nodes_in_memory: int = Field(10_000, ge=1)
    page_size: int = Field(1000, ge=1, le=100_000)
    # Each page and the selection run in their own read transaction with this server-side timeout.
    timeout_seconds: float = Field(60.0, gt=0)

    def cap(self, streams: bool) -> int:
        """The node cap for a format that streams (or that is built in memory)."""
        return self.max_nodes if streams else min(self.max_nodes, self.max_nodes_in_memory)
