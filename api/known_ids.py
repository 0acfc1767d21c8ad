"""404 for filter ids that name nothing: `accused=actor:nobody` is a typo, not an empty answer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from fastapi import HTTPException, status

from api.deps import Reader
from graph.queries.known import MissingIds, get_missing_ids


class IdKind(StrEnum):
    ACTOR = "actor"
    PLACE = "place"
    ITEM = "event or statement"


@dataclass(frozen=True)
class NamedIds:
    """The ids one query parameter names, and the kind of node they must name."""

    parameter: str
    kind: IdKind
    ids: Sequence[str]


def _missing_of(missing: MissingIds, kind: IdKind) -> frozenset[str]:
    return {IdKind.ACTOR: missing.actors, IdKind.PLACE: missing.places, IdKind.ITEM: missing.items}[kind]


def require_known(reader: Reader, *named: NamedIds) -> None:
    """Nothing when every id exists; else a 404 naming each unknown id and its parameter."""
    wanted = {kind: sorted({i for n in named if n.kind == kind for i in n.ids}) for kind in IdKind}
    if not any(wanted.values()):
        return
    missing = reader(
        get_missing_ids,
        actor_ids=wanted[IdKind.ACTOR],
        place_ids=wanted[IdKind.PLACE],
        item_ids=wanted[IdKind.ITEM],
    )
    problems = []
    for names in named:
        unknown = [i for i in dict.fromkeys(names.ids) if i in _missing_of(missing, names.kind)]
        if unknown:
            problems.append(f"no {names.kind} with id {', '.join(unknown)} (parameter `{names.parameter}`)")
    if problems:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Unknown id: " + "; ".join(problems))

