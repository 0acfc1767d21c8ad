"""Whether two reports may describe one incident, how well they agree (a score) and why (reasons)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from linking.records import REPEATING_DATASETS, Report, Windows
from linking.taxonomy import TypeMatch, type_match

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
# The score: closeness in time and space, how fine the type agreement is, shared actors or states.
WEIGHTS = {"time": 0.3, "space": 0.3, "type": 0.25, "actors": 0.15}
LEVEL_SCORES = {1: 1.0, 2: 0.6, 3: 0.3}
LEVEL_NAMES = {1: "fine", 2: "medium", 3: "coarse"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS-84 points on the mean-radius sphere."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def day_gap(a: Report, b: Report) -> int:
    """Days between two date ranges; 0 when they overlap."""
    return max(0, b.first_day - a.last_day, a.first_day - b.last_day)


@dataclass(frozen=True, slots=True)
class Link:
    """A candidate pair (ids in order, a < b) with its score and reasons."""

    a: str
    b: str
    score: float
    delta_days: int
    distance_km: float
    type_match: TypeMatch
    shared_actors: tuple[str, ...]
    shared_states: tuple[str, ...]

    def other(self, report_id: str) -> str:
        return self.b if report_id == self.a else self.a

    def reason(self, report_id: str) -> str:
        """One line, seen from `report_id`: the other report and every criterion it met."""
        shared = ", ".join(self.shared_actors + self.shared_states) or "none"
        return (
            f"{self.other(report_id)}: score {self.score:.3f}; {self.delta_days} day(s) apart; "
            f"{self.distance_km:.2f} km; type agrees at the {LEVEL_NAMES[self.type_match.level]} level "
            f"({self.type_match.category}); shared actors/states: {shared}"
        )


def may_pair(a: Report, b: Report) -> bool:
    """Rows of different datasets, or two rows of a dataset that codes stories repeatedly; same kind."""
    if a.kind != b.kind or a.id == b.id:
        return False
    return a.dataset != b.dataset or a.dataset in REPEATING_DATASETS


def compare(a: Report, b: Report, windows: Windows) -> Link | None:
    """The link between two linkable reports, or None when a window, the type or the states say no."""
    if not may_pair(a, b):
        return None
    gap = day_gap(a, b)
    if gap > windows.time_days:
        return None
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
    if km > windows.space_km:
        return None
    assert a.categories is not None and b.categories is not None
    matched = type_match(a.categories, b.categories)
    if matched is None:
        return None
    if a.states and b.states and not a.states & b.states:
        return None  # both name states, and not the same ones
    shared_actors = tuple(sorted(a.actors & b.actors))
    shared_states = tuple(sorted(a.states & b.states))
    score = (
        WEIGHTS["time"] * (1 - gap / (windows.time_days + 1))
        + WEIGHTS["space"] * (1 - km / windows.space_km)
        + WEIGHTS["type"] * LEVEL_SCORES[matched.level]
        + WEIGHTS["actors"] * (1.0 if shared_actors or shared_states else 0.0)
    )
    first, second = sorted((a.id, b.id))
    return Link(
        a=first,
        b=second,
        score=round(score, 4),
        delta_days=gap,
        distance_km=round(km, 3),
        type_match=matched,
        shared_actors=shared_actors,
        shared_states=shared_states,
    )
