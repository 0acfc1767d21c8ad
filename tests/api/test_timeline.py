"""GET /timeline on the seed story: order, filters, pagination, TimelineJS and vis renderings."""

from __future__ import annotations

import html
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.timelinejs_format import TJSDocument

# Read off data/seed/idlib-2018-2020.yaml: every dated item whose range overlaps February 2020, by
# (first possible day; year, month, week, span of days, exact day; id).
FEBRUARY_2020 = [
    "event:russian-military-bases-syria",  # 2000/2020-02
    "event:2019-2020-idlib-escalation",  # 2019-04/2020-02
    "event:2019-2020-civilian-deaths-nw-syria",  # 2019-05-15/2020-02-15
    "stmt:russia-accuses-turkey-of-violating-agreement",  # 2019-11/2020-02
    "stmt:turkey-accuses-russia-of-violating-agreement",  # 2019-11/2020-02
    "event:2020-02-russian-specialists-killed",  # 2020-02 …
    "event:2020-02-turkish-troops-killed",
    "stmt:cit-specialists-were-fsb-officers",
    "stmt:erkhov-accusations-baseless",
    "stmt:erkhov-blames-turkey",
    "stmt:erkhov-blames-turkey-for-officers-deaths",
    "stmt:erkhov-russia-responds-to-turkish-violations",
    "stmt:media-rare-admission-of-casualties",
    "stmt:russian-foreign-ministry-specialists-died",
    "stmt:turkey-warns-russia-military-action",
    "event:2020-02-ariha-strikes",  # 2020-02-01/2020-02-15
    "event:2020-02-displacement-settlements-hit",  # 2020-02-01/2020-02-17
    "stmt:cutts-1700-civilians-killed",  # 2020-02-15
    "stmt:cutts-ariha-accusation",
    "stmt:cutts-stop-the-carnage",
    "event:2020-02-17-moscow-talks",  # 2020-02-17/2020-02-18
    "event:2020-02-18-agreement-to-continue-talks",
    "stmt:russia-proposals-moscow-talks",
    "stmt:turkey-rejects-russian-proposals",
    "stmt:lowcock-horrifying-new-level",  # 2020-02-17
    "stmt:lowcock-violence-indiscriminate",
    "stmt:kalin-moscow-talks-no-breakthrough",  # 2020-02-18/2020-02-29
    "stmt:assad-regime-accused-of-killing-civilians",  # 2020-02-19/2020-02-29
    "stmt:kremlin-worst-case-scenario",
    "stmt:polygraph-erkhov-fact-check",
    "stmt:erdogan-final-warnings",  # 2020-02-19
]
BEFORE_FEBRUARY_2020 = [
    "event:2015-09-russian-airstrikes",
    "event:2017-12-putin-orders-withdrawal",
    "event:2018-de-escalation-agreement",
    "event:2018-idlib-ceasefire",
    "event:2019-04-syrian-offensive",
    "event:2019-10-russian-military-police-deployment",
    "stmt:russian-defense-ministry-300-military-police",
]
# Undated statements (e.g. the Kremlin's "official position") are not on the timeline.
ALL_DATED = [
    "event:russian-military-bases-syria",
    "event:2015-09-russian-airstrikes",
    "event:2017-12-putin-orders-withdrawal",
    "event:2018-de-escalation-agreement",
    "event:2018-idlib-ceasefire",
    "event:2019-04-syrian-offensive",
    "event:2019-2020-idlib-escalation",
    "event:2019-2020-civilian-deaths-nw-syria",
    "event:2019-10-russian-military-police-deployment",
    "stmt:russian-defense-ministry-300-military-police",
    *FEBRUARY_2020[3:],
]


def _ids(response: Any) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_timeline_lists_february_2020_in_order(seeded_client: TestClient) -> None:
    response = seeded_client.get("/timeline", params={"start": "2020-02", "end": "2020-02"})
    assert _ids(response) == FEBRUARY_2020
    assert response.json()["next_cursor"] is None


def test_timeline_flags_coarse_items_and_keeps_their_precision(seeded_client: TestClient) -> None:
    items = {i["id"]: i for i in seeded_client.get("/timeline?start=2020-02&end=2020-02").json()["items"]}
    month = items["stmt:erkhov-blames-turkey"]
    assert month["date"] == {"text": "2020-02", "start": "2020-02-01", "end": "2020-02-29", "precision": "month"}
    assert month["approximate"] is True
    assert items["stmt:erdogan-final-warnings"]["approximate"] is False
    assert items["event:2020-02-17-moscow-talks"]["approximate"] is True  # a two-day span


def test_timeline_item_carries_actors_place_and_sources(seeded_client: TestClient) -> None:
    items = {i["id"]: i for i in seeded_client.get("/timeline?start=2020-02&end=2020-02").json()["items"]}
    statement = items["stmt:erkhov-blames-turkey"]
    assert statement["kind"] == "statement"
    assert statement["title"] == "Erkhov blames Turkey for the escalation in northwest Syria"
    assert statement["summary"] == (
        "Turkey is to blame for escalating tensions between Russia and Turkey in northwest Syria."
    )
    assert statement["stance"] == "accusation"
    assert [(a["id"], a["role"]) for a in statement["actors"]] == [
        ("actor:aleksei-erkhov", "speaker"),
        ("actor:turkey", "accused"),
    ]
    assert [s["id"] for s in statement["sources"]] == ["src:polygraph-erkhov-2020", "src:sputnik-erkhov-interview"]
    event = items["event:2020-02-ariha-strikes"]
    assert event["kind"] == "event"
    assert event["place"] == {"id": "place:ariha", "name": "Ariha"}


def test_timeline_window_takes_items_whose_date_range_overlaps_it(seeded_client: TestClient) -> None:
    assert _ids(seeded_client.get("/timeline?end=2020-01&limit=1000")) == [
        "event:russian-military-bases-syria",
        *BEFORE_FEBRUARY_2020[:5],
        "event:2019-2020-idlib-escalation",
        "event:2019-2020-civilian-deaths-nw-syria",
        *BEFORE_FEBRUARY_2020[5:],
        "stmt:russia-accuses-turkey-of-violating-agreement",
        "stmt:turkey-accuses-russia-of-violating-agreement",
    ]
    # A month item overlaps each of its days; day-precision events of 1-18 February do not.
    assert _ids(seeded_client.get("/timeline?start=2020-02-19&include=events")) == [
        "event:russian-military-bases-syria",
        "event:2019-2020-idlib-escalation",
        "event:2020-02-russian-specialists-killed",
        "event:2020-02-turkish-troops-killed",
    ]


@pytest.mark.parametrize("limit", [1, 2, 3, 7, 37, 38])
def test_timeline_pagination_returns_every_item_exactly_once(seeded_client: TestClient, limit: int) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        body = seeded_client.get("/timeline", params=params).json()
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert seen == ALL_DATED
    assert len(ALL_DATED) == 38
    assert pages == -(-38 // limit)


def test_timeline_actor_with_affiliates_takes_the_ambassador_and_ministries(seeded_client: TestClient) -> None:
    own = _ids(seeded_client.get("/timeline?actor=actor:russia&include=statements&start=2020-02"))
    assert own == [
        "stmt:russia-accuses-turkey-of-violating-agreement",
        "stmt:turkey-accuses-russia-of-violating-agreement",
        "stmt:turkey-warns-russia-military-action",
        "stmt:cutts-ariha-accusation",
        "stmt:russia-proposals-moscow-talks",
        "stmt:erdogan-final-warnings",
    ]
    wider = _ids(
        seeded_client.get(
            "/timeline?actor=actor:russia&include_affiliates=true&include=statements&start=2020-02"
        )
    )
    assert wider == [
        "stmt:russia-accuses-turkey-of-violating-agreement",
        "stmt:turkey-accuses-russia-of-violating-agreement",
        "stmt:erkhov-accusations-baseless",
        "stmt:erkhov-blames-turkey",
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
        "stmt:russian-foreign-ministry-specialists-died",
        "stmt:turkey-warns-russia-military-action",
        "stmt:cutts-ariha-accusation",
        "stmt:russia-proposals-moscow-talks",
        "stmt:kremlin-worst-case-scenario",
        "stmt:erdogan-final-warnings",
    ]


def test_timeline_filters_by_type_stance_place_and_text(seeded_client: TestClient) -> None:
    assert _ids(seeded_client.get("/timeline?type=agreement&type=ceasefire")) == [
        "event:2018-de-escalation-agreement",
        "event:2018-idlib-ceasefire",
        "event:2020-02-18-agreement-to-continue-talks",
    ]
    assert _ids(seeded_client.get("/timeline?stance=threat&stance=warning")) == [
        "stmt:turkey-warns-russia-military-action",
        "stmt:kremlin-worst-case-scenario",
        "stmt:erdogan-final-warnings",
    ]
    assert _ids(seeded_client.get("/timeline?place=place:ariha")) == [
        "event:2020-02-ariha-strikes",
        "stmt:cutts-ariha-accusation",
    ]
    assert _ids(seeded_client.get("/timeline?q=horrifying")) == ["stmt:lowcock-horrifying-new-level"]
    # Quotes are searched too: these events quote Cutts' tweet.
    assert _ids(seeded_client.get("/timeline?q=carnage&include=events")) == [
        "event:2019-2020-civilian-deaths-nw-syria",
        "event:2020-02-ariha-strikes",
    ]
    assert _ids(seeded_client.get("/timeline?q=stop carnage&include=statements")) == [
        "stmt:cutts-1700-civilians-killed",
        "stmt:cutts-ariha-accusation",
        "stmt:cutts-stop-the-carnage",
    ]


def test_timeline_timelinejs_document_has_the_shape_timelinejs_reads(seeded_client: TestClient) -> None:
    response = seeded_client.get("/timeline?start=2020-02&end=2020-02&format=timelinejs")
    assert response.status_code == 200
    document = TJSDocument.model_validate(response.json())
    assert document.scale == "human"
    assert [event.unique_id for event in document.events] == [i.replace(":", "-") for i in FEBRUARY_2020]
    assert document.title is not None and document.title.text is not None
    assert document.title.text.headline == "Events and statements, February 2020"
    month, talks, day = (response.json()["events"][i] for i in (9, 20, 30))
    assert month == {
        "start_date": {"year": 2020, "month": 2, "day": 1},
        "end_date": {"year": 2020, "month": 2, "day": 29},
        "text": {
            "headline": "Erkhov blames Turkey for the escalation in northwest Syria",
            "text": "<p>Turkey is to blame for escalating tensions between Russia and Turkey in northwest Syria.</p>"
            "<blockquote>In an interview with the state-owned news outlet Sputnik, Russian Ambassador to "
            "Turkey Aleksei Erkhov blamed Turkey for escalating tensions between the two countries in "
            "northwest Syria.</blockquote>"
            "<p>Rated Misleading by Polygraph.info</p>"
            '<p class="tl-credit">Sources: Disputing Turkey, Russian Ambassador Dodges Blame Over Deadly '
            "Airstrikes in Northwest Syria (Polygraph.info, 19–29 February 2020); Sputnik interview with "
            "Russian Ambassador to Turkey Aleksei Erkhov (Sputnik, February 2020)</p>",
        },
        "group": "Statements",
        "display_date": "February 2020",
        "unique_id": "stmt-erkhov-blames-turkey",
    }
    assert (talks["display_date"], talks["end_date"]) == ("17–18 February 2020", {"year": 2020, "month": 2, "day": 18})
    assert talks["group"] == "Events"
    assert (day["start_date"], day["display_date"]) == ({"year": 2020, "month": 2, "day": 19}, "19 February 2020")
    assert "end_date" not in day


def test_timeline_timelinejs_gives_every_range_its_end_words_and_credit(seeded_client: TestClient) -> None:
    events = seeded_client.get("/timeline?format=timelinejs&limit=1000").json()["events"]
    by_id = {event["unique_id"]: event for event in events}
    escalation = by_id["event-2019-2020-idlib-escalation"]
    assert escalation["display_date"] == "April 2019 – February 2020"
    assert escalation["end_date"] == {"year": 2020, "month": 2, "day": 29}
    assert by_id["event-russian-military-bases-syria"]["display_date"] == "2000 – February 2020"
    assert by_id["event-2018-idlib-ceasefire"]["display_date"] == "17 September 2018"
    assert by_id["event-2019-04-syrian-offensive"]["display_date"] == "April 2019"
    assert by_id["event-2019-2020-civilian-deaths-nw-syria"]["display_date"] == "15 May 2019 – 15 February 2020"
    items = seeded_client.get("/timeline?limit=1000").json()["items"]
    assert len(items) == len(events)
    for item, event in zip(items, events, strict=True):
        credit = event["text"]["text"].split('<p class="tl-credit">')[1]
        assert all(html.escape(source["title"]) in credit for source in item["sources"]), item["id"]
        ranged = item["date"]["start"] != item["date"]["end"]
        assert ("end_date" in event) == ranged, item["id"]
    # A source with a URL is linked from the credit line.
    agreement = by_id["event-2018-de-escalation-agreement"]["text"]["text"]
    assert '<a href="https://undocs.org/S/2018/852" target="_blank" rel="noopener">Letter dated' in agreement


def test_timeline_timelinejs_opens_at_the_window_not_at_background(seeded_client: TestClient) -> None:
    february = seeded_client.get("/timeline?start=2020-02&end=2020-02&format=timelinejs").json()
    # Slide 0 is the title; the bases (2000–2020) and the escalation (from April 2019) start
    # before the window: the view opens at the first item of February 2020.
    start = february["options"]["start_at_slide"]
    assert february["events"][start - 1]["unique_id"] == "event-2020-02-russian-specialists-killed"
    everything = seeded_client.get("/timeline?format=timelinejs&limit=1000").json()
    start = everything["options"]["start_at_slide"]
    # No window: the first item that is not decades long (Russia's bases, 2000–2020, is).
    assert everything["events"][start - 1]["unique_id"] == "event-2015-09-russian-airstrikes"
    assert everything["title"]["text"]["headline"] == "Events and statements"


def test_timeline_vis_items_are_points_or_ranges_with_groups(seeded_client: TestClient) -> None:
    body = seeded_client.get("/timeline?start=2020-02-15&end=2020-02-15&format=vis&include=statements").json()
    assert body["groups"] == [{"id": "statement", "content": "Statements"}]
    by_id = {item["id"]: item for item in body["items"]}
    assert list(by_id) == [
        "stmt:russia-accuses-turkey-of-violating-agreement",
        "stmt:turkey-accuses-russia-of-violating-agreement",
        "stmt:cit-specialists-were-fsb-officers",
        "stmt:erkhov-accusations-baseless",
        "stmt:erkhov-blames-turkey",
        "stmt:erkhov-blames-turkey-for-officers-deaths",
        "stmt:erkhov-russia-responds-to-turkish-violations",
        "stmt:media-rare-admission-of-casualties",
        "stmt:russian-foreign-ministry-specialists-died",
        "stmt:turkey-warns-russia-military-action",
        "stmt:cutts-1700-civilians-killed",
        "stmt:cutts-ariha-accusation",
        "stmt:cutts-stop-the-carnage",
    ]
    assert by_id["stmt:erkhov-blames-turkey"] == {
        "id": "stmt:erkhov-blames-turkey",
        "content": "Erkhov blames Turkey for the escalation in northwest Syria",
        "start": "2020-02-01",
        "end": "2020-03-01",
        "type": "range",
        "group": "statement",
        "title": "<b>Erkhov blames Turkey for the escalation in northwest Syria</b><br>February 2020<br>"
        "Turkey is to blame for escalating tensions between Russia and Turkey in northwest Syria.<br>"
        "Actors: Aleksei Erkhov (speaker), Turkey (accused)<br>"
        "Rated Misleading by Polygraph.info<br>"
        "Sources: Disputing Turkey, Russian Ambassador Dodges Blame Over Deadly Airstrikes in Northwest "
        "Syria (Polygraph.info, 19–29 February 2020); Sputnik interview with Russian Ambassador to Turkey "
        "Aleksei Erkhov (Sputnik, February 2020)",
        "className": "statement precision-month approximate",
    }
    tweet = by_id["stmt:cutts-stop-the-carnage"]
    assert (tweet["type"], tweet["className"]) == ("point", "statement precision-day")
    assert "end" not in tweet
    assert tweet["title"].startswith("<b>Cutts: ") and "<br>15 February 2020<br>" in tweet["title"]


def test_timeline_format_pages_carry_the_cursor_in_a_header(seeded_client: TestClient) -> None:
    response = seeded_client.get("/timeline?format=vis&limit=30")
    assert len(response.json()["items"]) == 30
    rest = seeded_client.get("/timeline", params={"cursor": response.headers["x-next-cursor"]})
    assert _ids(rest) == ALL_DATED[30:]


@pytest.mark.parametrize("q", ["AND", 'OR NOT ( " : \\', "*", "title:x~2", '""'])
def test_timeline_q_treats_lucene_syntax_as_plain_words(seeded_client: TestClient, q: str) -> None:
    response = seeded_client.get("/timeline", params={"q": q, "include": "statements", "limit": 1000})
    assert response.status_code == 200
    expected = 13 if q == "AND" else 0  # "and" occurs in 13 dated statements' text, summary or quote
    assert len(response.json()["items"]) == expected
