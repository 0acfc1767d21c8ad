"""The type crosswalk (data/incident_taxonomy.csv): provider codes → categories at three levels.

Each code of a scheme (ACLED sub-event types, UCDP type_of_violence, CAMEO codes, the project's
EventType) names a category at each level, fine → coarse; a level may be blank when the code says
nothing that precise (UCDP's "state-based" is no particular weapon). Two reports are compatible
when some level names the same category for both; the finest such level is how well they agree.
Every code names its coarse category, so compatibility is an equivalence (coarse agreement).
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "incident_taxonomy.csv"
LEVELS = ("fine", "medium", "coarse")  # level 1, 2, 3
SCHEMES = ("acled", "ucdp", "cameo", "event_type")
Path3 = tuple[str | None, str | None, str]


@dataclass(frozen=True)
class TypeMatch:
    """The finest level (1 fine … 3 coarse) at which two reports name the same category."""

    level: int
    category: str


class Taxonomy:
    """Look-ups of the crosswalk; CAMEO codes resolve by their longest listed prefix (1951 → 195)."""

    def __init__(self, paths: dict[tuple[str, str], Path3], digest: str) -> None:
        self._paths = paths
        self.digest = digest

    @classmethod
    def load(cls, path: Path = DEFAULT_TAXONOMY) -> Taxonomy:
        """Read the CSV; ValueError naming the line for an unknown scheme, a blank coarse level or a repeat."""
        raw = path.read_bytes()
        paths: dict[tuple[str, str], Path3] = {}
        with path.open(newline="", encoding="utf-8") as stream:
            for line, row in enumerate(csv.DictReader(stream), start=2):
                scheme, code = row["scheme"].strip(), row["code"].strip()
                if scheme not in SCHEMES:
                    raise ValueError(f"{path}:{line}: unknown scheme {scheme!r} (one of {', '.join(SCHEMES)})")
                fine, medium, coarse = (row[level].strip() or None for level in LEVELS)
                if coarse is None:
                    raise ValueError(f"{path}:{line}: {scheme} {code!r} needs a coarse category")
                key = (scheme, code.casefold())
                if key in paths:
                    raise ValueError(f"{path}:{line}: {scheme} {code!r} is listed twice")
                paths[key] = (fine, medium, coarse)
        return cls(paths, hashlib.sha256(raw).hexdigest()[:16])

    def categories(self, scheme: str, code: str) -> Path3 | None:
        """The (fine, medium, coarse) categories of a code; None when the crosswalk does not list it."""
        code = code.strip().casefold()
        if scheme == "cameo":
            for length in range(len(code), 1, -1):
                found = self._paths.get((scheme, code[:length]))
                if found is not None:
                    return found
            return None
        return self._paths.get((scheme, code))

    def resolve(self, codes: tuple[tuple[str, str], ...]) -> Path3 | None:
        """The categories of the first listed (scheme, code) pair; None when none is listed."""
        for scheme, code in codes:
            found = self.categories(scheme, code)
            if found is not None:
                return found
        return None


def type_match(a: Path3, b: Path3) -> TypeMatch | None:
    """The finest level where both name the same category; None when they are incompatible."""
    for level, (left, right) in enumerate(zip(a, b, strict=True), start=1):
        if left is not None and left == right:
            return TypeMatch(level, left)
    return None
