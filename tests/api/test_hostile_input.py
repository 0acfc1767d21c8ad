"""Crafted input answers 422 naming the limit, never 500: the reproducers of issue 12 (items 4–5)."""

from __future__ import annotations

import base64
import json

import pytest
from fastapi.testclient import TestClient

from api.params import MAX_CURSOR_CHARS, MAX_Q_CHARS, MAX_Q_WORDS, MAX_WORD_CHARS
from api.routes.actors import MAX_OFFSET

CURSOR_ENDPOINTS = [
    "/timeline",
    "/events",
    "/statements",
    "/accusations",
    "/actors",
    "/actors/actor:russia/timeline",
]
TEXT_ENDPOINTS = ["/timeline", "/events", "/actors", "/actors/actor:russia/timeline"]


def _cursor(payload: str) -> str:
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def _big_int_cursors() -> list[str]:
    """Each key a real cursor of the endpoints holds, with one integer at or beyond 2^63."""
    return [
        _cursor(json.dumps({"date": "2020-01-01", "rank": 2**63, "id": "event:x"})),
        _cursor(json.dumps({"date": "2020-01-01", "rank": -(2**63) - 1, "id": "event:x"})),
        _cursor(json.dumps({"offset": 2**63})),
        _cursor(json.dumps({"offset": 99999999999999999999999})),
        _cursor(json.dumps({"date": "2020-01-01", "rank": 2**64, "statement_id": "s",
                            "accuser_id": "a", "accused_id": "b"})),
    ]


def _assert_cursor_422(response: object) -> None:
    assert response.status_code == 422, response.text  # type: ignore[attr-defined]
    [error] = response.json()["detail"]  # type: ignore[attr-defined]
    assert error["loc"] == ["query", "cursor"]


@pytest.mark.parametrize("url", CURSOR_ENDPOINTS)
@pytest.mark.parametrize("cursor", _big_int_cursors())
def test_cursor_with_an_integer_beyond_64_bits_answers_422(
    seeded_client: TestClient, url: str, cursor: str
) -> None:
    _assert_cursor_422(seeded_client.get(url, params={"cursor": cursor}))


@pytest.mark.parametrize("url", CURSOR_ENDPOINTS)
@pytest.mark.parametrize("depth", [1000, 10_000])
def test_cursor_of_nested_brackets_answers_422(seeded_client: TestClient, url: str, depth: int) -> None:
    response = seeded_client.get(url, params={"cursor": _cursor("[" * depth + "]" * depth)})
    _assert_cursor_422(response)
    assert f"at most {MAX_CURSOR_CHARS} characters" in response.json()["detail"][0]["msg"]


@pytest.mark.parametrize("url", CURSOR_ENDPOINTS)
@pytest.mark.parametrize(
    "payload",
    [
        '{"offset": {"offset": 1}}',  # nested object
        '{"date": "2020-01-01", "rank": [1], "id": "x"}',  # list where a scalar belongs
        '{"date": "2020-01-01", "rank": true, "id": "x"}',  # boolean is not an integer here
        '{"date": "2020-01-01", "rank": 1.5e308, "id": "x"}',
        '[1, 2, 3]',
        '"a string"',
        "{" * 300 + "}" * 300,  # nesting short enough to pass the length cap
    ],
)
def test_cursor_of_the_wrong_shape_answers_422(seeded_client: TestClient, url: str, payload: str) -> None:
    _assert_cursor_422(seeded_client.get(url, params={"cursor": _cursor(payload)}))


def test_actors_cursor_at_the_largest_offset_is_an_empty_last_page(seeded_client: TestClient) -> None:
    response = seeded_client.get("/actors", params={"cursor": _cursor(json.dumps({"offset": MAX_OFFSET}))})
    assert response.status_code == 200
    assert response.json() == {"items": [], "next_cursor": None}


def test_actors_cursor_beyond_the_largest_offset_answers_422(seeded_client: TestClient) -> None:
    # SKIP 2^63-1 LIMIT 101 overflows inside Neo4j.
    cursor = _cursor(json.dumps({"offset": 2**63 - 1}))
    _assert_cursor_422(seeded_client.get("/actors", params={"cursor": cursor}))


@pytest.mark.parametrize("url", TEXT_ENDPOINTS)
def test_q_with_too_many_words_answers_422_naming_the_limit(seeded_client: TestClient, url: str) -> None:
    response = seeded_client.get(url, params={"q": " ".join(["a"] * (MAX_Q_WORDS + 1))})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "q"]
    assert error["msg"] == f"at most {MAX_Q_WORDS} words"


@pytest.mark.parametrize("url", TEXT_ENDPOINTS)
def test_q_with_a_too_long_word_answers_422_naming_the_limit(seeded_client: TestClient, url: str) -> None:
    response = seeded_client.get(url, params={"q": "Erkhov " + "a" * (MAX_WORD_CHARS + 1)})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["msg"] == f"at most {MAX_WORD_CHARS} characters a word"


@pytest.mark.parametrize("url", TEXT_ENDPOINTS)
@pytest.mark.parametrize("words", [257, 1025])  # over text_search's and Lucene's clause limits
def test_q_over_lucene_clause_limits_answers_422(seeded_client: TestClient, url: str, words: int) -> None:
    response = seeded_client.get(url, params={"q": " ".join(["a"] * words)})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "q"]
    assert "at most" in error["msg"]


@pytest.mark.parametrize("url", TEXT_ENDPOINTS)
@pytest.mark.parametrize("q", ["a" * 1001, "Erkhov " * 200, "x" * 20_000])
def test_q_that_is_too_long_answers_422_naming_the_limit(seeded_client: TestClient, url: str, q: str) -> None:
    response = seeded_client.get(url, params={"q": q})
    assert response.status_code == 422, response.text
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "q"]
    assert f"at most {MAX_Q_CHARS} characters" in error["msg"]


@pytest.mark.parametrize("url", TEXT_ENDPOINTS)
@pytest.mark.parametrize(
    "q",
    [
        " ".join(["Idl"] * MAX_Q_WORDS),  # the most words
        " ".join(["İ" * MAX_WORD_CHARS] * 3),  # the longest words, which grow when lower-cased
        "\U0001F600" * MAX_WORD_CHARS,  # four UTF-8 bytes a character
        '+-&|!(){}[]^"~*?:\\/ AND OR NOT',  # Lucene syntax is plain text
    ],
)
def test_q_at_the_limits_is_answered(seeded_client: TestClient, url: str, q: str) -> None:
    response = seeded_client.get(url, params={"q": q})
    assert response.status_code == 200, response.text


def test_actors_q_at_the_limit_still_finds_the_actor(seeded_client: TestClient) -> None:
    q = " ".join(["erk"] * MAX_Q_WORDS)
    response = seeded_client.get("/actors", params={"q": q})
    assert [actor["id"] for actor in response.json()["items"]] == ["actor:aleksei-erkhov"]
