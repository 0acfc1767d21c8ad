"""The curated dataset format (`conflictkg/curated@1`): YAML or JSON files written by hand."""

from loaders.curated.run import load_curated, prepare_curated

__all__ = ["load_curated", "prepare_curated"]
