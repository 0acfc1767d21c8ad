"""Curated file limits, from CKG_CURATED_* variables."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class CuratedSettings(BaseSettings):
    """How large a curated file may be before it is even read."""

    model_config = SettingsConfigDict(env_prefix="CKG_CURATED_", extra="ignore")

    # Parsing keeps every YAML node with its position: ~65 MiB of memory per MB of file (measured,
    # see the README), and the whole file is one transaction. 10 MB is ~150,000 lines, far beyond
    # a hand-written story (the seed is 80 kB), and bounds the loader to well under 1 GiB.
    max_mb: float = Field(10.0, gt=0)

    @property
    def max_bytes(self) -> int:
        return int(self.max_mb * 1_000_000)
