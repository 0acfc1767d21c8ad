"""What Neo4j would refuse mid-write is refused before writing, and a refusal mid-write undoes the file.

Each trigger is a copy of mini.yaml with one value changed, loaded with `ckg load` over a graph
that already holds mini.yaml: exit 1, `file:line: field: message`, and the graph's checksum as
before. A trigger that passes validation would have been half-written before (issue 12).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.exceptions import Neo4jError

from graph.limits import RANGE_KEY_MAX_BYTES
from graph.model import Label, RelType
from graph.settings import GraphSettings
from graph.writes import merge_nodes, merge_relationships
from loaders.report import LoadReport

from .conftest import DATA, GraphState, ckg_load

MINI = DATA / "mini.yaml"
LONG_SLUG = "s" * (RANGE_KEY_MAX_BYTES + 1 - len("actor:"))  # an actor id one byte too long
HALF_SLUG = "h" * 4100  # two of these make a relationship id too long, each id alone fits


def _size(*parts: str) -> str:
    return f"{len(''.join(parts).encode()):,}"


def _line_of(text: str, fragment: str) -> int:
    return text[: text.index(fragment)].count("\n") + 1


def _variant(tmp_path: Path, suffix: str, *edits: tuple[str, str]) -> tuple[Path, str]:
    text = MINI.read_text()
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / f"variant{suffix}"
    path.write_text(text)
    return path, text


# name → (edits of mini.yaml, the expected problems given the edited text, without the path)
Trigger = tuple[list[tuple[str, str]], Callable[[str], list[str]]]
TRIGGERS: dict[str, Trigger] = {
    "integer beyond 64 bits": (
        [("fatalities: {best: 13}", "fatalities: {best: 99999999999999999999999}")],
        lambda text: [
            f"{_line_of(text, 'fatalities:')}: events[1].fatalities.best: 99999999999999999999999"
            " is too large: Neo4j integers are 64-bit (at most 9223372036854775807)"
        ],
    ),
    "float given as a huge integer": (
        [("fatalities: {best: 13}", "fatalities: {low: 1.0e+30}")],
        lambda text: [
            f"{_line_of(text, 'fatalities:')}: events[1].fatalities.low: 1e+30 is too large: "
            "Neo4j integers are 64-bit (at most 9223372036854775807)"
        ],
    ),
    "NaN latitude": (
        [("    kind: country\n", "    kind: country\n    latitude: .nan\n")],
        lambda text: [
            f"{_line_of(text, 'latitude:')}: places[0].latitude: Input should be a finite number"
        ],
    ),
    "infinite longitude": (
        [("    kind: country\n", "    kind: country\n    longitude: -.inf\n")],
        lambda text: [
            f"{_line_of(text, 'longitude:')}: places[0].longitude: Input should be a finite number"
        ],
    ),
    "an id over the index key limit": (
        [("actor:sputnik", f"actor:{LONG_SLUG}")],
        lambda text: [
            f"{_line_of(text, 'publisher: actor:ss')}: sources[1].publisher: PUBLISHED_BY id (made of "
            f"both endpoints' ids) is {_size('published_by:src:sputnik->actor:', LONG_SLUG)} bytes"
            " long; Neo4j indexes at most 8,164 bytes (UTF-8)",
            f"{_line_of(text, 'id: actor:ss')}: actors[5].id: Actor id is 8,165 bytes long; "
            "Neo4j indexes at most 8,164 bytes (UTF-8)",
        ],
    ),
    "a relationship id over the limit, made of two ids that fit": (
        [
            ("actor:turkey", f"actor:{HALF_SLUG}"),
            ("actor:syrian-government", f"actor:g{HALF_SLUG}"),
        ],
        lambda text: [
            f"{_line_of(text, '{type: opposes')}: relations[1]: OPPOSES id (made of both endpoints'"
            f" ids) is {_size('opposes:actor:', HALF_SLUG, '->actor:g', HALF_SLUG)} bytes long;"
            " Neo4j indexes at most 8,164 bytes (UTF-8)"
        ],
    ),
    "an indexed name over the limit": (
        [("    name: Sputnik\n", f"    name: {'é' * 4083}\n")],
        lambda text: [
            f"{_line_of(text, 'name: é')}: actors[5].name: Actor name is 8,166 bytes long; "
            "Neo4j indexes at most 8,164 bytes (UTF-8)"
        ],
    ),
}


@pytest.mark.parametrize("trigger", TRIGGERS)
def test_a_value_neo4j_would_refuse_exits_1_with_its_line_and_writes_nothing(
    trigger: str,
    cli_env: dict[str, str],
    clean_graph: Driver,
    settings: GraphSettings,
    tmp_path: Path,
) -> None:
    assert ckg_load(cli_env, str(MINI)).returncode == 0
    before = GraphState(clean_graph, settings).checksum
    edits, expected = TRIGGERS[trigger]
    path, text = _variant(tmp_path, ".yaml", *edits)
    done = ckg_load(cli_env, str(path))
    assert done.returncode == 1, done.stdout
    problems = expected(text)
    assert done.stderr.splitlines() == [
        *(f"{path}:{problem}" for problem in problems),
        f"error: {len(problems)} problem(s) in {path}; nothing was written.",
    ]
    assert GraphState(clean_graph, settings).checksum == before


def test_a_json_number_beyond_double_range_is_refused(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    path.write_text(
        '{"format": "conflictkg/curated@1", "dataset": {"id": "j", "title": "J"},\n'
        '"sources": [{"id": "src:a", "kind": "article", "title": "A", "sources": ["src:a"]}],\n'
        '"places": [{"id": "place:p", "name": "P", "kind": "town", "sources": ["src:a"],\n'
        '            "latitude": 1e400, "longitude": NaN}]}\n'
    )
    done = ckg_load(cli_env, str(path))
    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == [
        f"{path}:4: places[0].latitude: Input should be a finite number",
        f"{path}:4: places[0].longitude: Input should be a finite number",
    ]
    assert GraphState(clean_graph, settings).nodes == []


def test_ids_and_names_at_the_index_key_limit_load(
    load: Callable[..., LoadReport], graph_state: Callable[[], GraphState], tmp_path: Path
) -> None:
    source_id = "src:" + "x" * (RANGE_KEY_MAX_BYTES - len("src:"))
    path = tmp_path / "boundary.yaml"
    path.write_text(
        "format: conflictkg/curated@1\ndataset: {id: boundary, title: Boundary}\n"
        f"sources: [{{id: '{source_id}', kind: article, title: A, sources: ['{source_id}']}}]\n"
        f"actors: [{{id: actor:a, name: {'é' * (RANGE_KEY_MAX_BYTES // 2)}, kind: person,"
        f" sources: ['{source_id}']}}]\n"
    )
    assert load(path).totals() == {"created": 2}
    state = graph_state()
    assert len(str(state.node(source_id)["id"]).encode()) == RANGE_KEY_MAX_BYTES
    assert len(str(state.node("actor:a")["name"]).encode()) == RANGE_KEY_MAX_BYTES


def test_long_texts_outside_range_indexes_load_whole(
    load: Callable[..., LoadReport], graph_state: Callable[[], GraphState], tmp_path: Path
) -> None:
    # Full-text indexes (titles, summaries, quotes, aliases) tokenize: no key size limit applies.
    summary, alias = "x" * 1_000_000, "Ariha" * 20_000
    path = tmp_path / "long.yaml"
    path.write_text(
        "format: conflictkg/curated@1\ndataset: {id: long, title: Long}\n"
        "sources: [{id: src:a, kind: article, title: A, sources: [src:a]}]\n"
        f"actors: [{{id: actor:a, name: A, kind: person, aliases: [{alias}], sources: [src:a]}}]\n"
        "events: [{id: event:e, type: airstrike, title: E, date: 2020-02-27, sources: [src:a],"
        f" summary: {summary}, quote: {summary[:100_000]}}}]\n"
    )
    assert load(path).totals() == {"created": 3}
    state = graph_state()
    assert (state.node("event:e")["summary"], state.node("actor:a")["aliases"]) == (
        summary,
        [alias],
    )


def _occupy(driver: Driver, settings: GraphSettings, opposes_id: str) -> None:
    """Another writer uses this OPPOSES id between two actors of its own."""
    others = [{"id": f"actor:other-{n}", "source_ids": ["src:elsewhere"]} for n in (1, 2)]
    clash = {
        "id": opposes_id,
        "start": "actor:other-1",
        "end": "actor:other-2",
        "source_ids": ["x"],
    }
    with driver.session(database=settings.database) as session:
        session.execute_write(merge_nodes, Label.ACTOR, others)
        session.execute_write(
            merge_relationships, RelType.OPPOSES, Label.ACTOR, Label.ACTOR, [clash]
        )


def test_a_server_refusal_in_the_last_relationship_batch_leaves_the_graph_as_it_was(
    cli_env: dict[str, str], clean_graph: Driver, settings: GraphSettings
) -> None:
    # Another writer already used the id of mini.yaml's last relationship (OPPOSES, relations[1])
    # between two other actors: the id constraint refuses the file's OPPOSES at write time, after
    # every node and every other relationship of the file was merged.
    _occupy(clean_graph, settings, "opposes:actor:turkey->actor:syrian-government")
    before = GraphState(clean_graph, settings)
    done = ckg_load(cli_env, str(MINI))
    assert done.returncode == 1
    assert done.stderr.startswith(
        "error: Neo4j refused the write (Neo.ClientError.Schema.ConstraintValidationFailed: "
    )
    assert done.stderr.rstrip().endswith("; nothing was written.")
    after = GraphState(clean_graph, settings)
    assert (after.checksum, sum(after.node_counts.values())) == (before.checksum, 2)


def test_a_refused_reload_rolls_back_its_updates_and_deletions(
    load: Callable[..., LoadReport],
    graph_state: Callable[[], GraphState],
    clean_graph: Driver,
    settings: GraphSettings,
    tmp_path: Path,
) -> None:
    load(MINI)
    _occupy(clean_graph, settings, "opposes:actor:turkey->actor:russia")
    before = graph_state()
    # Updates (a description), a deletion (a statement) and, last, the clashing relationship.
    edited, _ = _variant(
        tmp_path,
        ".yaml",
        ("description: Russian Ambassador to Turkey", "description: Ambassador"),
        (
            "{type: opposes, from: actor:turkey, to: actor:syrian-government",
            "{type: opposes, from: actor:turkey, to: actor:russia",
        ),
        ("  - id: stmt:turkey-blames-russia", "  - id: stmt:turkey-blames-russia-again"),
    )
    with pytest.raises(Neo4jError, match="already exists"):
        load(edited, batch_size=2)  # many batches, one transaction
    assert graph_state().checksum == before.checksum
