"""The `dataset` filter: which provider loads or curated files an item must come from; 422 otherwise."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import Query

from api.deps import Reader
from api.params import invalid
from graph.queries.known import list_curated_datasets
from schema.providers import Dataset

PROVIDERS: tuple[str, ...] = get_args(Dataset)
DatasetParam = Annotated[
    list[str] | None,
    Query(
        description="Where the item comes from (repeatable or comma-separated; any of them): a "
        f"provider ({', '.join(PROVIDERS)}) or the id of a curated dataset in the graph "
        "(`dataset.id` of its file). An unknown name is a 422 listing the known ones.",
        examples=["acled"],
    ),
]


def dataset_names(reader: Reader, given: list[str] | None) -> list[str] | None:
    """The named datasets, de-duplicated (None when none were given); 422 for a name not known."""
    names = list(dict.fromkeys(part.strip() for value in given or [] for part in value.split(",")))
    names = [name for name in names if name]
    if not names:
        return None
    unknown = [name for name in names if name not in PROVIDERS]
    if unknown:
        known = [*PROVIDERS, *reader(list_curated_datasets)]
        unknown = [name for name in unknown if name not in known]
        if unknown:
            raise invalid("dataset", f"unknown dataset; known: {', '.join(known)}", unknown[0], "enum")
    return names
