"""The read endpoints, through FastAPI's TestClient, over the hand-made database (apidata.py)."""

from __future__ import annotations

from typing import Any

from apidata import DISPUTE_BODY, SUMMIT_BODY, SampleData

TOP_TIER_2023 = {"CHN", "RUS", "IND", "KOR", "USA", "JPN"}


def tier_members(body: dict[str, Any], tier: str) -> set[str]:
    return {row["partner"] for row in body["partners"] if row["tier"] == tier}


def test_partners_of_vietnam_as_of_two_dates(client) -> None:  # type: ignore[no-untyped-def]
    late = client.get("/api/countries/VNM/partners", params={"as_of": "2023-11-30"})
    assert late.status_code == 200
    assert late.json()["country"] == "VNM"
    assert tier_members(late.json(), "CSP") == TOP_TIER_2023
    early = client.get("/api/countries/VNM/partners", params={"as_of": "2022-12-31"}).json()
    assert tier_members(early, "CSP") == TOP_TIER_2023 - {"USA", "JPN"}
    # the US and Japan were still partners then, at lower tiers
    assert {row["partner"]: row["tier"] for row in early["partners"]}["JPN"] == "SP"


def test_partners_by_name_match_partners_by_code(client) -> None:  # type: ignore[no-untyped-def]
    by_name = client.get("/api/countries/Vietnam/partners", params={"as_of": "2023-11-30"}).json()
    by_code = client.get("/api/countries/vnm/partners", params={"as_of": "2023-11-30"}).json()
    assert by_name["partners"] == by_code["partners"]


def test_partners_from_news_alone(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/countries/VNM/partners",
                      params={"as_of": "2023-11-30", "include_reference": "false"}).json()
    # only the summit article speaks of a Vietnamese framework in force on that date
    assert [(row["partner"], row["tier"]) for row in body["partners"]] == [("JPN", "CSP")]
    assert body["partners"][0]["evidence"][0]["doc_id"]


def test_partner_tier_filter(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/countries/VNM/partners", params={"as_of": "2023-11-30", "tier": "SP"}).json()
    assert body["partners"] and {row["tier"] for row in body["partners"]} == {"SP"}


def test_partners_carry_their_rung_on_the_country_ladder(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/countries/CHN/partners", params={"as_of": "2023-11-30", "evidence": "false"}).json()
    assert body["own_ladder"] and body["ladder"][0]["rung"] == 1 and body["ladder"][0]["tier"] == "OTHER"
    rungs = [row["rung"] if row["rung"] is not None else 99 for row in body["partners"]]
    assert rungs == sorted(rungs) and rungs[0] == 1
    top = client.get("/api/countries/China/partners", params={"as_of": "2023-11-30", "rung": 1}).json()
    assert [r["partner"] for r in top["partners"]] == [r["partner"] for r in body["partners"] if r["rung"] == 1]
    assert {"PAK", "RUS"} <= {r["partner"] for r in top["partners"]}
    beyond = client.get("/api/countries/VNM/partners", params={"rung": 9})
    assert beyond.status_code == 422 and "between 1 and 3" in beyond.json()["message"]


def test_pair_state_has_the_evidence_sentence(client, sample: SampleData) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/pairs/VNM/Japan", params={"as_of": "2023-11-30"}).json()
    assert (body["a"], body["b"]) == ("JPN", "VNM")
    state = body["state"]
    assert state["tier"] == "CSP" and state["since"] == "2023-11-27"
    sentences = {(e["doc_id"], e["sentence"]) for e in state["evidence"]}
    assert (sample.summit_id, SUMMIT_BODY.split("\n")[0]) in sentences
    before = client.get("/api/pairs/JPN/VNM", params={"as_of": "2023-11-26"}).json()["state"]
    assert before["tier"] == "SP"


def test_pair_timeline_is_in_date_order(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/pairs/JPN/VNM/timeline").json()
    kinds = {entry["kind"] for entry in body["entries"]}
    assert kinds == {"framework", "event"}
    dates = [entry["date"] for entry in body["entries"] if entry["date"]]
    assert dates == sorted(dates)
    upgrade = [e for e in body["entries"] if e["kind"] == "framework" and e["date"] == "2023-11-27"]
    assert upgrade and upgrade[0]["change"] == "upgrade"


def test_pair_timeline_pages_follow_the_cursor(client) -> None:  # type: ignore[no-untyped-def]
    whole = client.get("/api/pairs/JPN/VNM/timeline", params={"limit": 1000}).json()
    assert whole["next_cursor"] is None and len(whole["entries"]) > 2
    seen, params, pages = [], {"limit": 1}, 0
    while True:
        body = client.get("/api/pairs/VNM/JPN/timeline", params=params).json()
        pages += 1
        assert ("months" in body) == (pages == 1)
        seen += body["entries"]
        if body["next_cursor"] is None:
            break
        params = {"limit": 1, "cursor": body["next_cursor"]}
    assert pages > 1
    assert [(e["kind"], e["date"]) for e in seen] == [(e["kind"], e["date"]) for e in whole["entries"]]
    months = whole["months"]
    assert months and sum(m["events"] for m in months) >= sum(1 for e in whole["entries"] if e["kind"] == "event")


def test_pair_timeline_refuses_a_foreign_cursor_and_an_empty_window(client) -> None:  # type: ignore[no-untyped-def]
    foreign = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]  # an events cursor (a row id)
    assert foreign
    assert client.get("/api/pairs/JPN/VNM/timeline", params={"cursor": foreign}).status_code == 422
    backwards = client.get("/api/pairs/JPN/VNM/timeline", params={"since": "2024-01-01", "until": "2023-01-01"})
    assert backwards.status_code == 422 and "before" in backwards.json()["message"]


def test_pair_of_one_party_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/api/pairs/VNM/Vietnam")
    assert response.status_code == 422
    assert "two different parties" in response.json()["message"]


def all_pages(client, params: dict[str, Any]) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(50):
        body = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


def test_event_pages_cover_every_event_once(client) -> None:  # type: ignore[no-untyped-def]
    everything = client.get("/api/events", params={"limit": 200}).json()
    assert everything["next_cursor"] is None
    paged = all_pages(client, {"limit": 2})
    assert [e["id"] for e in paged] == [e["id"] for e in everything["items"]]
    assert len({e["id"] for e in paged}) == len(paged) >= 9


def test_event_filters(client) -> None:  # type: ignore[no-untyped-def]
    def events(**params: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
        response = client.get("/api/events", params=params)
        assert response.status_code == 200, response.text
        return [(e["event"], tuple(e["actor"]), tuple(e["recipient"])) for e in response.json()["items"]]

    assert events(actor="Philippines") == [("PROTEST", ("PHL",), ("CHN",))]
    assert {e[0] for e in events(recipient="PHL")} == {"REJECT", "ACCUSE", "COERCE"}
    assert all("JPN" in a + r for _, a, r in events(party="Japan"))
    assert events(type="PROTEST") == [("PROTEST", ("PHL",), ("CHN",))]
    assert {e[0] for e in events(modality="planned")} == {"AID", "CONSULT"}
    assert [e[0] for e in events(context="military")] == ["CONSULT"]
    assert events(context="econ") == []  # a context is matched whole, not as a prefix
    assert {e[0] for e in events(since="2024-03-01")} == {"PROTEST", "REJECT", "ACCUSE", "COERCE"}
    assert {e[0] for e in events(until="2023-12-31")} == {"AGREE", "AID", "CONSULT"}
    assert events(since="2024-03-05", until="2024-03-05", actor="CHN", type="COERCE") == [("COERCE", ("CHN",), ("PHL",))]
    assert [e[0] for e in events(q="WATER CANNON")] == ["COERCE"]
    assert events(q="%") == []  # LIKE wildcards in the search text are literal


def test_event_filter_errors_are_clear(client) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "/api/events?type=agreement": "type",
        "/api/events?since=2024-13-01": "since",
        "/api/events?since=2024-03-01&until=2024-02-01": "before",
        "/api/events?cursor=not-a-cursor": "cursor",
        "/api/events?limit=0": "limit",
        "/api/events?actor=Atlantis": "Atlantis",
    }
    for url, word in cases.items():
        response = client.get(url)
        assert 400 <= response.status_code < 500, url
        assert word in response.json()["message"], (url, response.json())


def test_frameworks_and_facts_with_evidence(client, sample: SampleData) -> None:  # type: ignore[no-untyped-def]
    news = client.get("/api/frameworks", params={"a": "JPN", "b": "VNM", "include_reference": "false"}).json()
    assert {(f["tier"], f["status"]) for f in news["items"]} == {("CSP", "established"), ("OTHER", "intended")}
    assert all(f["source"] == "news" for f in news["items"])
    with_reference = client.get("/api/frameworks", params={"actor": "VNM", "limit": 200}).json()["items"]
    assert any(f["source"] == "reference" for f in with_reference)
    facts = client.get("/api/facts", params={"a": "JPN", "b": "VNM"}).json()["items"]
    upgrade = [f for f in facts if f["status"] == "established" and f["tier"] == "CSP"]
    assert len(upgrade) == 1
    assert sample.summit_id in {e["doc_id"] for e in upgrade[0]["evidence"]}
    assert client.get("/api/frameworks", params={"a": "JPN"}).status_code == 422


def test_facts_pages_cover_every_fact_once(client) -> None:  # type: ignore[no-untyped-def]
    whole = client.get("/api/facts", params={"actor": "VNM", "limit": 200}).json()
    assert whole["next_cursor"] is None and len(whole["items"]) > 3
    seen, params = [], {"actor": "Vietnam", "limit": 2}
    while True:
        body = client.get("/api/facts", params=params).json()
        seen += [f["fact_id"] for f in body["items"]]
        if body["next_cursor"] is None:
            break
        params = {"actor": "Vietnam", "limit": 2, "cursor": body["next_cursor"]}
    assert seen == [f["fact_id"] for f in whole["items"]]
    assert all("VNM" in (f["a"], f["b"]) for f in whole["items"])


def test_document_spans_point_at_the_text(client, sample: SampleData) -> None:  # type: ignore[no-untyped-def]
    doc = client.get(f"/api/documents/{sample.dispute_id}").json()
    text = doc["text"]
    assert doc["title"] and text.startswith(doc["title"])
    for mention in doc["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    highlighted = {text[e["start"]:e["end"]] for e in doc["evidence"]}
    assert highlighted == set(DISPUTE_BODY.split("\n"))
    assert {e["event"] for e in doc["events"]} == {"PROTEST", "REJECT", "ACCUSE", "COERCE"}


def test_document_list_pages(client, sample: SampleData) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/api/documents", params={"limit": 2}).json()
    second = client.get("/api/documents", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    ids = [d["doc_id"] for d in first["items"] + second["items"]]
    assert sorted(ids) == sorted([sample.summit_id, sample.dispute_id, sample.xss_id])
    assert second["next_cursor"] is None
    assert client.get("/api/documents/0000").status_code == 404


def test_changes_in_a_period(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/changes", params={"since": "2023-11-01", "until": "2023-11-30"}).json()
    pairs = {(f["a"], f["b"], f["change"]) for f in body["frameworks"]}
    assert ("JPN", "VNM", "upgrade") in pairs
    later = client.get("/api/changes", params={"since": "2024-03-01", "until": "2024-03-31"}).json()
    assert [e["event"] for e in later["events"]] == ["COERCE"]
    assert client.get("/api/changes", params={"since": "2024-03-01", "until": "2024-01-01"}).status_code == 422
    assert client.get("/api/changes").status_code == 422


def test_claim_check(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/check", json={
        "title": "Japan joins China, US, India as top-tier partners of Vietnam",
        "text": "Tokyo and Hanoi upgraded their ties at a summit on Monday.", "published": "2023-11-28"})
    assert response.status_code == 200
    body = response.json()
    assert body["verdict"] == "incomplete"
    assert set(body["claims"][0]["missing"]) == {"RUS", "KOR"}


def test_actor_lookup(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/actors/the US").json() == {"code": "USA", "name": client.get("/api/actors/USA").json()["name"]}
    assert client.get("/api/actors/Narnia").status_code == 404
