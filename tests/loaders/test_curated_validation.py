"""Curated files are validated completely before any write: every problem, with its line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.curated import prepare_curated
from loaders.curated.read import read_document
from loaders.errors import InvalidInputError
from schema.curated import CuratedDataset

from .conftest import DATA

BAD = DATA / "bad.yaml"
ACTOR_KINDS = (
    "'state', 'government', 'armed_forces', 'armed_group', 'intergovernmental_org', 'government_agency', "
    "'person', 'media_outlet', 'research_group', 'ngo', 'civilians', 'political_party' or 'other'"
)


def _issues(path: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as caught:
        prepare_curated(path)
    return [str(issue) for issue in caught.value.issues]


def test_validation_reports_every_problem_with_line_and_field() -> None:
    assert _issues(BAD) == [
        f"{BAD}:19: actors[1].kind: unknown value 'empire'; allowed: {ACTOR_KINDS}",
        f"{BAD}:21: actors[2].id: duplicate id 'actor:russia' (first declared at line 13)",
        f"{BAD}:30: events[0].date: not a date: 'sometime in spring' (Unknown string format: sometime in spring)",
        f"{BAD}:35: events[1].date: impossible date '2020-02-30': day is out of range for month",
        f"{BAD}:40: events[2].date: range ends before it starts: '2020-03-01/2020-02-01'",
        f"{BAD}:47: events[3].participants[0].actor: unknown actor 'actor:ghost': not declared in this file",
        f"{BAD}:53: events[4].fatalites: unknown field (not part of the curated format)",
        f"{BAD}:60: events[5].relations[0].target: VIOLATES may not link Event to Statement (allowed: Event->Event)",
        f"{BAD}:68: events[6].participants[1]: duplicate relationship "
        "'participated_in:actor:russia->event:twice:perpetrator' (first at line 67)",
        f"{BAD}:70: events[7].title: required field is missing",
        f"{BAD}:88: relations[0].sources[0]: unknown source 'src:nowhere': not declared in this file",
    ]


def test_validation_reports_header_and_id_form_problems(tmp_path: Path) -> None:
    path = tmp_path / "header.yaml"
    path.write_text(
        "format: conflictkg/curated@2\n"
        "dataset: {id: Idlib 2020}\n"
        "actors:\n"
        "  - {id: Actor:Russia, name: Russia, kind: state, country: Russia, sources: []}\n"
    )
    assert _issues(path) == [
        f"{path}:1: format: unsupported value 'conflictkg/curated@2'; expected 'conflictkg/curated@1'",
        f"{path}:2: dataset.id: 'Idlib 2020' is not a dataset id (a slug: a-z 0-9 - . _)",
        f"{path}:2: dataset.title: required field is missing",
        f"{path}:4: actors[0].country: 'Russia' is not an ISO 3166 alpha-3 country code (e.g. SYR)",
        f"{path}:4: actors[0].id: 'Actor:Russia' is not an id of the form actor:<slug> (slug: a-z 0-9 - . _)",
        f"{path}:4: actors[0].sources: no sources: every fact must cite at least one declared source",
    ]


def test_validation_refuses_a_key_given_twice_and_broken_yaml(tmp_path: Path) -> None:
    twice = tmp_path / "twice.yaml"
    twice.write_text("format: conflictkg/curated@1\ndataset:\n  id: a\n  id: b\n")
    assert _issues(twice) == [f"{twice}:4: dataset.id: key given twice"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: conflictkg/curated@1\nactors: [\n  {id: x\n")
    assert [line.split(": ")[0:2] for line in _issues(broken)] == [[f"{broken}:4", "(file)"]]


def test_validation_of_json_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        json.dumps(
            {
                "format": "conflictkg/curated@1",
                "dataset": {"id": "j", "title": "JSON"},
                "sources": [{"id": "src:a", "kind": "article", "title": "A", "sources": ["src:a"]}],
                "statements": [
                    {
                        "id": "stmt:s",
                        "speaker": "actor:nobody",
                        "stance": "boast",
                        "text": "t",
                        "sources": ["src:a"],
                    }
                ],
            },
            indent=2,
        )
    )
    assert _issues(path) == [
        f"{path}:21: statements[0].stance: unknown value 'boast'; allowed: 'claim', 'accusation', 'criticism', "
        "'denial', 'rejection', 'warning', 'threat', 'appeal', 'demand', 'admission', 'assessment', 'praise', "
        "'intent' or 'fact_check'",
    ]


def test_statement_needs_exactly_one_way_of_naming_speakers(tmp_path: Path) -> None:
    path = tmp_path / "speakers.yaml"
    path.write_text(
        "format: conflictkg/curated@1\ndataset: {id: s, title: S}\n"
        "sources: [{id: src:a, kind: article, title: A, sources: [src:a]}]\n"
        "statements:\n"
        "  - {id: stmt:a, stance: claim, text: t, sources: [src:a]}\n"
    )
    assert _issues(path) == [
        f"{path}:5: statements[0]: a statement needs a `speaker` (or `speakers`)"
    ]


def test_curated_dataset_model_describes_the_whole_fixture() -> None:
    dataset = CuratedDataset.model_validate(read_document(DATA / "mini.yaml").data)
    sections = [dataset.sources, dataset.actors, dataset.places, dataset.events, dataset.statements]
    assert [len(items) for items in sections] == [2, 6, 2, 2, 2]
    assert (dataset.events[1].date.start.isoformat(), dataset.events[1].date.precision) == (
        "2019-04-01",
        "month",
    )
