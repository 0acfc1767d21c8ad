"""The graph model's allow-lists: every label, relationship type and endpoint pair the code may write.

Cypher text may name a label or relationship type only if it is in these tables; values from input
never reach query text. The README's model diagram mirrors this file.
"""

from __future__ import annotations

from enum import StrEnum

from schema.dates import SPAN_CLASS_PROPERTY


class Label(StrEnum):
    """Node labels. Every node has a unique string `id`, `source_ids` (non-empty) and optional `quote`."""

    ACTOR = "Actor"
    EVENT = "Event"
    STATEMENT = "Statement"
    PLACE = "Place"
    SOURCE = "Source"
    INCIDENT = "Incident"  # one incident that several provider rows report (derived by `ckg link`)


class RelType(StrEnum):
    """Relationship types. Every relationship has a stable `id`, `source_ids` and optional `quote`."""

    PARTICIPATED_IN = "PARTICIPATED_IN"  # actor took part in an event, with a `role`
    AFFILIATED_WITH = "AFFILIATED_WITH"  # actor represents / belongs to another, `role`, validity dates
    BACKS = "BACKS"  # actor supports another (arms, air power, diplomacy)
    ALLIED_WITH = "ALLIED_WITH"
    OPPOSES = "OPPOSES"  # adversaries
    MADE = "MADE"  # actor made a statement (speaker)
    ACCUSES = "ACCUSES"  # statement accuses an actor, with a `charge`
    DENIES = "DENIES"  # statement denies an event or another statement
    WARNS = "WARNS"  # statement warns or threatens an actor
    APPEALS_TO = "APPEALS_TO"  # statement appeals to / demands of an actor
    ABOUT = "ABOUT"  # statement is about an event or a statement
    SUPPORTS = "SUPPORTS"  # statement supports another statement
    CONTRADICTS = "CONTRADICTS"  # statement contradicts another statement
    RATED = "RATED"  # fact-checker's verdict on a statement: `rating`, `rating_normalized`, date
    VIOLATES = "VIOLATES"  # event breaks an agreement event
    FOLLOWS = "FOLLOWS"  # event comes after / continues another
    RESPONDS_TO = "RESPONDS_TO"  # event or statement is a response to an event or statement
    PART_OF = "PART_OF"  # event is part of a larger event (campaign, talks)
    OCCURRED_IN = "OCCURRED_IN"  # event (or provider statement) happened at a place
    LOCATED_IN = "LOCATED_IN"  # place lies within a larger place
    PUBLISHED_BY = "PUBLISHED_BY"  # source was published by an actor (outlet, ministry, person)
    CITES = "CITES"  # source quotes or relies on another source
    REPORTED_AS = "REPORTED_AS"  # incident → a row reporting it: `score`, `reasons`, Δdays, km, type level
    CONTENDS = "CONTENDS"  # a runner-up row → the incident a better match won, with its score and reasons


_A, _E, _S, _P, _SRC = Label.ACTOR, Label.EVENT, Label.STATEMENT, Label.PLACE, Label.SOURCE
_I = Label.INCIDENT

ENDPOINTS: dict[RelType, frozenset[tuple[Label, Label]]] = {
    RelType.PARTICIPATED_IN: frozenset({(_A, _E)}),
    RelType.AFFILIATED_WITH: frozenset({(_A, _A)}),
    RelType.BACKS: frozenset({(_A, _A)}),
    RelType.ALLIED_WITH: frozenset({(_A, _A)}),
    RelType.OPPOSES: frozenset({(_A, _A)}),
    RelType.MADE: frozenset({(_A, _S)}),
    RelType.ACCUSES: frozenset({(_S, _A)}),
    RelType.DENIES: frozenset({(_S, _E), (_S, _S)}),
    RelType.WARNS: frozenset({(_S, _A)}),
    RelType.APPEALS_TO: frozenset({(_S, _A)}),
    RelType.ABOUT: frozenset({(_S, _E), (_S, _S)}),
    RelType.SUPPORTS: frozenset({(_S, _S)}),
    RelType.CONTRADICTS: frozenset({(_S, _S)}),
    RelType.RATED: frozenset({(_A, _S)}),
    RelType.VIOLATES: frozenset({(_E, _E)}),
    RelType.FOLLOWS: frozenset({(_E, _E)}),
    RelType.RESPONDS_TO: frozenset({(_E, _E), (_E, _S), (_S, _E), (_S, _S)}),
    RelType.PART_OF: frozenset({(_E, _E)}),
    RelType.OCCURRED_IN: frozenset({(_E, _P), (_S, _P)}),  # statements: GDELT's ActionGeo
    RelType.LOCATED_IN: frozenset({(_P, _P)}),
    RelType.PUBLISHED_BY: frozenset({(_SRC, _A)}),
    RelType.CITES: frozenset({(_SRC, _SRC)}),
    RelType.REPORTED_AS: frozenset({(_I, _E), (_I, _S)}),
    RelType.CONTENDS: frozenset({(_E, _I), (_S, _I)}),
}


def check_endpoints(rel_type: RelType, start: Label, end: Label) -> None:
    """Raise ValueError unless the model allows rel_type from start to end."""
    if (start, end) not in ENDPOINTS[rel_type]:
        allowed = ", ".join(f"{a}->{b}" for a, b in sorted(ENDPOINTS[rel_type]))
        raise ValueError(f"{rel_type} may not link {start} to {end} (allowed: {allowed})")


# Properties the writers derive from others (an Event's or Statement's span class from its dates):
# exports leave them out, and every import path derives them again (graph/writes.py, migrations).
DERIVED_PROPERTIES = frozenset({SPAN_CLASS_PROPERTY})
DATED_LABELS = (Label.EVENT, Label.STATEMENT)  # the items date windows read
