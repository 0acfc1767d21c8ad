"""The pure matcher: windows, precision, types, states, one-to-one decisions, blocking, determinism."""

from __future__ import annotations

import random
from datetime import date
from itertools import combinations

import pytest

from linking.blocking import MAX_LINKS_PER_REPORT, Component, components
from linking.incidents import decide
from linking.pairs import compare, haversine_km
from linking.records import Report, Windows
from linking.taxonomy import Taxonomy, type_match

TAXONOMY = Taxonomy.load()
DAY = date(2020, 2, 27).toordinal()
BALYUN = (35.6722, 36.5583)
KM_PER_DEGREE_LATITUDE = 111.195


def report(
    report_id: str,
    *,
    day: int = DAY,
    last: int | None = None,
    at: tuple[float, float] = BALYUN,
    code: tuple[str, str] = ("acled", "Air/drone strike"),
    states: tuple[str, ...] = (),
    centroid: bool = False,
    kind: str = "event",
) -> Report:
    return Report(
        id=report_id,
        dataset=report_id.split(":")[0],
        kind=kind,
        first_day=day,
        last_day=day if last is None else last,
        latitude=at[0],
        longitude=at[1],
        centroid=centroid,
        categories=TAXONOMY.categories(*code),
        states=frozenset(states),
    )


def north(km: float) -> tuple[float, float]:
    return (BALYUN[0] + km / KM_PER_DEGREE_LATITUDE, BALYUN[1])


def test_haversine_matches_known_distances() -> None:
    assert haversine_km(*BALYUN, *BALYUN) == 0
    assert haversine_km(0, 0, 0, 1) == pytest.approx(111.195, abs=0.01)
    assert haversine_km(*north(8), *BALYUN) == pytest.approx(8, abs=0.01)


def test_crosswalk_levels_fine_to_coarse() -> None:
    strike = TAXONOMY.categories("acled", "Air/drone strike")
    assert strike == ("air_strike", "remote_violence", "political_violence")
    assert TAXONOMY.categories("cameo", "1951") == strike  # longest listed prefix: 195
    assert type_match(strike, TAXONOMY.categories("cameo", "195")).level == 1  # type: ignore[arg-type, union-attr]
    assert type_match(strike, TAXONOMY.categories("ucdp", "1")).level == 3  # type: ignore[arg-type, union-attr]
    assert type_match(strike, TAXONOMY.categories("cameo", "14")) is None  # type: ignore[arg-type]
    assert TAXONOMY.categories("acled", "Not a sub-event type") is None


def test_the_crosswalk_file_refuses_a_code_without_coarse_category(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "x.csv"
    path.write_text("scheme,code,fine,medium,coarse,note\nacled,Grenade,explosive,,,\n")
    with pytest.raises(ValueError, match="x.csv:2: acled 'Grenade' needs a coarse category"):
        Taxonomy.load(path)


def test_time_window_counts_days_beyond_each_range() -> None:
    windows = Windows()
    ucdp = report("ucdp:1", day=DAY, last=DAY + 1, code=("ucdp", "1"))
    assert compare(report("acled:1", day=DAY + 2), ucdp, windows).delta_days == 1  # type: ignore[union-attr]
    assert compare(report("acled:1", day=DAY + 3), ucdp, windows) is None
    assert compare(report("acled:1", day=DAY - 6), ucdp, windows) is None


def test_space_window_and_centroids() -> None:
    windows = Windows()
    gdelt = report("gdelt:1", code=("cameo", "195"))
    assert compare(report("acled:1", at=north(4.9)), gdelt, windows) is not None
    assert compare(report("acled:1", at=north(8)), gdelt, windows) is None
    # A centroid-placed row is never linkable on space, even at the same point.
    assert not report("gdelt:2", code=("cameo", "195"), centroid=True).linkable


def test_types_states_and_kinds_must_agree() -> None:
    windows = Windows()
    acled = report("acled:1", states=("actor:syria", "actor:turkey"))
    assert compare(acled, report("gdelt:1", code=("cameo", "14")), windows) is None
    assert compare(acled, report("gdelt:1", code=("cameo", "195"), states=("actor:russia",)), windows) is None
    agreed = compare(acled, report("gdelt:1", code=("cameo", "195"), states=("actor:turkey",)), windows)
    assert agreed is not None and agreed.shared_states == ("actor:turkey",)
    # Rows that name no state are not held to the rule.
    assert compare(acled, report("gdelt:1", code=("cameo", "195")), windows) is not None
    assert compare(report("acled:1"), report("acled:2"), windows) is None  # same dataset
    statement = report("gdelt:2", code=("cameo", "1123"), kind="statement")
    assert compare(report("gdelt:1", code=("cameo", "1123"), kind="statement"), statement, windows)
    assert compare(report("gdelt:1", code=("cameo", "195")), statement, windows) is None


def _incidents(reports: list[Report], windows: Windows = Windows()) -> list[list[str]]:
    ordered = sorted(reports, key=lambda r: (r.first_day, r.id))
    return sorted(
        [r.id for r in incident.reports]
        for component in components(ordered, windows)
        for incident in decide(component, windows)
    )


def test_one_to_one_per_pair_of_datasets_keeps_the_runner_up_as_contender() -> None:
    windows = Windows()
    best = report("ucdp:1", code=("ucdp", "1"))
    second = report("ucdp:2", code=("ucdp", "1"), at=north(2))
    acled = report("acled:1")
    (component,) = list(components(sorted([best, second, acled], key=lambda r: r.id), windows))
    (incident,) = decide(component, windows)
    assert [r.id for r in incident.reports] == ["acled:1", "ucdp:1"]
    assert [c.report.id for c in incident.contenders] == ["ucdp:2"]


def test_gdelt_repetitions_join_one_incident_but_do_not_chain() -> None:
    rows = [report(f"gdelt:{n}", code=("cameo", "195"), day=DAY + n) for n in range(5)]
    # Day 0–1 and day 2–3 are within a day of each other, but no incident spans more than that.
    assert _incidents(rows) == [["gdelt:0", "gdelt:1"], ["gdelt:2", "gdelt:3"]]


def test_same_input_in_any_order_gives_the_same_incidents() -> None:
    rng = random.Random(7)
    rows = [
        report(
            f"{rng.choice(['acled', 'ucdp', 'gdelt'])}:{n}",
            day=DAY + rng.randrange(4),
            at=(BALYUN[0] + rng.uniform(-0.05, 0.05), BALYUN[1] + rng.uniform(-0.05, 0.05)),
            code=rng.choice([("cameo", "195"), ("acled", "Shelling/artillery/missile attack"), ("ucdp", "1")]),
        )
        for n in range(60)
    ]
    first = _incidents(rows)
    shuffled = rows[:]
    rng.shuffle(shuffled)
    assert _incidents(shuffled) == first and first


def test_blocking_finds_every_pair_that_brute_force_finds() -> None:
    # Spread so that no report has more candidates than the caps (see the hot-spot test below).
    rng = random.Random(11)
    windows = Windows(time_days=1, space_km=5)
    rows = [
        report(
            f"{rng.choice(['acled', 'gdelt'])}:{n}",
            day=DAY + rng.randrange(30),
            at=(rng.uniform(-80, 80), rng.uniform(-179.9, 179.9)) if n % 3 else
               (BALYUN[0] + rng.uniform(-0.3, 0.3), 179.98 * rng.choice([-1, 1])),  # the antimeridian
            code=("cameo", "195"),
        )
        for n in range(1500)
    ]
    expected = {
        (link.a, link.b) for a, b in combinations(rows, 2) if (link := compare(a, b, windows))
    }
    found = {
        (link.a, link.b)
        for component in components(sorted(rows, key=lambda r: (r.first_day, r.id)), windows)
        for link in component.links
    }
    assert found == expected and expected


def test_an_unlinkable_row_is_a_component_of_its_own() -> None:
    centroid = report("gdelt:1", code=("cameo", "195"), centroid=True)
    assert list(components([centroid], Windows())) == [Component(reports=[centroid])]


def test_a_gdelt_hot_spot_costs_bounded_work_per_report() -> None:
    # GDELT codes one story again per article: thousands of rows at one city point on one day.
    # Each row is compared with at most MAX_CANDIDATES others and keeps its best pairs, so the
    # component's pairs grow linearly, not with the square of the hot spot.
    rows = [report(f"gdelt:{n:05d}", code=("cameo", "190")) for n in range(3_000)]
    (component,) = list(components(rows, Windows()))
    assert len(component.reports) == 3_000
    assert len(component.links) <= 3_000 * MAX_LINKS_PER_REPORT
    incidents = decide(component, Windows())
    assert sum(len(incident.reports) for incident in incidents) == 3_000  # none left out
