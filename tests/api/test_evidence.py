"""Cases the seed cannot show: honest counts at state level, ranking by evidence, escaped markup."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_network_counts_one_statement_naming_two_members_of_a_state_once(evidence_client: TestClient) -> None:
    body = evidence_client.get("/accusations/network?level=state").json()
    [edge] = body["edges"]
    assert (edge["source"], edge["target"]) == ("actor:monitor", "actor:statia")
    assert (edge["statement_count"], edge["accusation_count"]) == (1, 2)
    assert edge["first_date"]["text"] == edge["last_date"]["text"] == "2021-03"
    statia = next(node for node in body["nodes"] if node["id"] == "actor:statia")
    assert (statia["statements_received"], statia["accusations_received"]) == (1, 2)
    rows = evidence_client.get("/accusations?level=state").json()["items"]
    assert len(rows) == edge["accusation_count"]  # accusations are /accusations rows


def test_paths_rank_the_better_evidenced_path_first(evidence_client: TestClient) -> None:
    body = evidence_client.get("/paths?from=actor:alpha&to=actor:omega").json()
    assert [[n["id"] for n in p["nodes"]] for p in body["paths"]] == [
        ["actor:alpha", "actor:b-well-sourced", "actor:omega"],  # after a-thinly-sourced in id order
        ["actor:alpha", "actor:a-thinly-sourced", "actor:omega"],
    ]
    assert [p["evidence"] for p in body["paths"]] == [
        {"weakest_link_sources": 2, "quoted_relationships": 2, "distinct_sources": 3},
        {"weakest_link_sources": 1, "quoted_relationships": 0, "distinct_sources": 1},
    ]
    first = body["paths"][0]["relationships"][0]
    assert (first["type"], first["quote"]) == ("ALLIED_WITH", "Alpha and the ally fought side by side.")
    assert [s["id"] for s in first["sources"]] == ["src:report-a", "src:report-b"]
    [best] = evidence_client.get("/paths?from=actor:alpha&to=actor:omega&limit=1").json()["paths"]
    assert best == body["paths"][0]


def test_html_renderings_escape_markup_and_link_only_web_urls(evidence_client: TestClient) -> None:
    [slide] = evidence_client.get("/timeline?include=events&format=timelinejs").json()["events"]
    assert slide["text"]["headline"] == (
        "Shelling of the &lt;script&gt;alert(1)&lt;/script&gt; market &amp; &quot;bazaar&quot;"
    )
    assert slide["display_date"] == "1–2 March 2021"
    text = slide["text"]["text"]
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "javascript:" not in text and "Report &lt;C&gt;" in text
    assert '<a href="https://example.org/a" target="_blank" rel="noopener">Report A</a> (March 2021)' in text
    [item] = evidence_client.get("/timeline?include=events&format=vis").json()["items"]
    assert item["content"] == slide["text"]["headline"]
    assert "<script" not in item["title"] and "<img" not in item["title"] and "javascript:" not in item["title"]
    assert "Actors: Statian army (perpetrator)" in item["title"]
