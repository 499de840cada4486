"""Stored facts and states per pair (diplograph.kb.materialize): equal to computing them from the
observations, rebuilt when observations change, correct when they cannot be stored."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from kb_helpers import event, obs
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from diplograph.kb import materialize, partners, state_of_pair
from diplograph.kb.asof import pair_state, reference_disagreement
from diplograph.kb.consolidate import consolidate
from diplograph.kb.observations import load_observations
from diplograph.kb.reference import load_reference
from diplograph.kb.syndication import story_groups
from diplograph.kb.timeline import timeline
from diplograph.model import FrameworkObservation
from diplograph.store import Store
from diplograph.store import schema as t

PAIRS = [("JPN", "VNM"), ("CHN", "VNM"), ("USA", "VNM"), ("DEU", "KEN"), ("FRA", "IND")]
TIERS = ["CSP", "SP", "CP", "OTHER"]
STATUSES = ["established", "established", "existing", "intended", "ended"]
WORDS = ["summit", "ministers", "visit", "energy", "maritime", "trade", "agreed", "statement", "leaders", "port"]


def _random_corpus(add_article, seed: int, articles: int = 40) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    for n in range(articles):
        published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
        frameworks = []
        for _ in range(rng.randint(1, 3)):
            a, b = rng.choice(PAIRS)
            status = rng.choice(STATUSES)
            dated = status != "existing" or rng.random() < 0.3
            day = (published - dt.timedelta(days=rng.randrange(400))).isoformat() if dated else None
            frameworks.append(obs(a, b, rng.choice(TIERS), status, day, in_title=rng.random() < 0.2))
        text = f"Report {n}: " + " ".join(f"{rng.choice(WORDS)}{rng.randrange(1000)}" for _ in range(30))
        add_article(text, published.isoformat(), frameworks)


def _computed_state(store: Store, a: str, b: str, day: dt.date, country: str | None,
                    include_reference: bool) -> dict | None:  # type: ignore[type-arg]
    """The state as the knowledge base computed it before it stored anything."""
    observations = load_observations(store, pair=(a, b), include_reference=include_reference)
    doc_ids = {o.doc_id for o in observations if o.doc_id}
    stories = story_groups(store, doc_ids) if len(doc_ids) > 1 else {}
    state = pair_state(consolidate(observations, stories), day, country)
    if state is None:
        return None
    news = [o for o in observations if not o.is_reference]
    reference = [o for o in observations if o.is_reference]
    if include_reference and news and reference:
        disagreement = reference_disagreement(pair_state(consolidate(news, stories), day, country),
                                              pair_state(consolidate(reference, stories), day, country))
        if disagreement:
            state.conflicts_with_reference.insert(0, disagreement)
    return materialize.state_to_record(state)


@pytest.mark.parametrize("include_reference", [True, False])
def test_stored_states_equal_states_computed_from_observations(store: Store, add_article,  # type: ignore[no-untyped-def]
                                                               include_reference: bool) -> None:
    load_reference(store)
    _random_corpus(add_article, seed=11)
    days = [dt.date(2014, 6, 1) + dt.timedelta(days=97 * k) for k in range(40)]
    compared = 0
    for a, b in PAIRS:
        for day in days:
            stored = state_of_pair(store, a, b, day, include_reference=include_reference)
            expected = _computed_state(store, a, b, day, None, include_reference)
            assert (materialize.state_to_record(stored) if stored else None) == expected, (a, b, day)
            compared += expected is not None
        # a country's partners use that country's ladder
        for country in (a, b):
            for day in days[::5]:
                rows = {r["partner"]: r for r in partners(store, country, day, include_reference=include_reference)}
                other = b if country == a else a
                expected = _computed_state(store, a, b, day, country, include_reference)
                if expected is None or expected["tier"] is None:
                    assert other not in rows
                else:
                    assert (rows[other]["tier"], rows[other]["since"]) == (expected["tier"], expected["since"])
    assert compared > 50  # the corpus gives most pairs a state on most days


def test_new_observations_are_answered_without_an_explicit_rebuild(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    add_article("Tokyo and Hanoi set up a strategic partnership in 2014.", "2014-03-20",
                [obs("JPN", "VNM", "SP", "established", "2014-03-18")])
    assert [(r["partner"], r["tier"]) for r in partners(store, "VNM", "2020-01-01")] == [("JPN", "SP")]
    assert materialize.stale_pairs(store) == []
    add_article("Japan and Vietnam upgraded ties to the top level in 2023.", "2023-11-28",
                [obs("JPN", "VNM", "CSP", "established", "2023-11-27")])
    assert [(a, b) for a, b, _ in materialize.stale_pairs(store)] == [("JPN", "VNM")]
    (row,) = partners(store, "VNM", "2024-01-01")
    assert (row["tier"], row["since"]) == ("CSP", "2023-11-27")
    (row,) = partners(store, "JPN", "2020-01-01")  # the earlier state is still answered for earlier dates
    assert (row["tier"], row["since"]) == ("SP", "2014-03-18")
    assert materialize.stale_pairs(store) == []


def test_replaced_observations_rebuild_the_pair(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    from diplograph.model import Analysis

    doc_id = add_article("India and France named their ties a strategic partnership.", "2019-05-02",
                         [obs("FRA", "IND", "SP", "established", "2019-05-01")])
    assert partners(store, "IND", "2020-01-01")[0]["partner"] == "FRA"
    store.replace_analysis(doc_id, Analysis(extractor="test-2"))  # recoded: the sentence is no longer read so
    assert partners(store, "IND", "2020-01-01") == []


def test_reloading_the_same_reference_table_rebuilds_nothing(store: Store) -> None:
    load_reference(store)
    assert materialize.refresh_stale(store) > 30  # every pair of the shipped table
    assert materialize.stale_pairs(store) == []
    load_reference(store)
    assert materialize.stale_pairs(store) == []
    store.write_reference([FrameworkObservation("KEN", "VNM", "strategic partnership", "SP", "established",
                                                source="reference")])
    stale = {(a, b) for a, b, _ in materialize.stale_pairs(store)}
    assert ("KEN", "VNM") in stale and ("JPN", "VNM") in stale  # added, and every removed reference pair


def test_answers_from_memory_when_the_rebuilt_rows_cannot_be_stored(store: Store, add_article,  # type: ignore[no-untyped-def]
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    add_article("Kenya and Germany agreed a strategic partnership.", "2022-02-10",
                [obs("DEU", "KEN", "SP", "established", "2022-02-09")])

    def locked(*_: object) -> None:
        raise OperationalError("UPDATE pair_status", {}, Exception("database is locked"))

    monkeypatch.setattr(materialize, "_save", locked)
    (row,) = partners(store, "KEN", "2023-01-01")
    assert (row["partner"], row["tier"]) == ("DEU", "SP")
    assert state_of_pair(store, "DEU", "KEN", "2023-01-01").tier == "SP"  # type: ignore[union-attr]
    assert [f.tier for f in materialize.load_facts(store, code="KEN")] == ["SP"]
    assert materialize.stale_pairs(store)  # nothing was written
    monkeypatch.undo()
    partners(store, "KEN", "2023-01-01")  # the next reader stores them
    assert materialize.stale_pairs(store) == []
    with store.engine.connect() as c:
        assert c.execute(select(t.pair_facts.c.fact_id).where(t.pair_facts.c.a == "DEU")).all()


def test_an_older_build_never_replaces_a_newer_one(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    add_article("Chile and Vietnam: a comprehensive partnership.", "2021-01-05",
                [obs("CHL", "VNM", "CP", "established", "2021-01-04")])
    ((a, b, version),) = materialize.stale_pairs(store)
    old_build = materialize.build_pair(a, b, version, load_observations(store, pair=(a, b)), {})
    add_article("Chile and Vietnam raise ties to a strategic partnership.", "2024-06-01",
                [obs("CHL", "VNM", "SP", "established", "2024-05-30")])
    partners(store, "VNM", "2024-07-01")  # builds the newer version
    materialize._save(store, old_build)  # a slow concurrent rebuild of the older version arrives late
    (row,) = partners(store, "VNM", "2024-07-01")
    assert row["tier"] == "SP"


def _timeline_corpus(add_article) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    kinds = ["CONSULT", "AGREE", "ACCUSE", "AID", "SANCTION"]
    for n in range(30):
        published = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(60))
        events = [event(rng.choice(kinds), ["USA"], ["CHN"],
                        None if rng.random() < 0.2 else (published - dt.timedelta(days=rng.randrange(3))).isoformat())
                  for _ in range(rng.randint(1, 3))]
        frameworks = [obs("CHN", "USA", "OTHER", "existing")] if n % 10 == 0 else []
        text = f"Dispatch {n}: " + " ".join(f"{rng.choice(WORDS)}{rng.randrange(1000)}" for _ in range(25))
        add_article(text, published.isoformat(), frameworks, events)


@pytest.mark.parametrize("limit", [1, 4, 17])
def test_timeline_pages_add_up_to_the_whole_timeline(store: Store, add_article, limit: int) -> None:  # type: ignore[no-untyped-def]
    _timeline_corpus(add_article)
    whole = timeline(store, "USA", "CHN", limit=None)
    assert whole["next_after"] is None
    pages, after = [], None
    while True:
        page = timeline(store, "CHN", "USA", limit=limit, after=after)
        pages.append(page)
        after = page["next_after"]
        if after is None:
            break
        assert page["entries"], "a page before the last is never empty"
    seen = [e for page in pages for e in page["entries"]]
    key = [(e["kind"], e["date"], e.get("event_id") or e.get("fact_id")) for e in seen]
    assert key == [(e["kind"], e["date"], e.get("event_id") or e.get("fact_id")) for e in whole["entries"]]
    assert len(set(key)) == len(key)
    # a day is never split across pages: one event's reports merge on one page
    for first, second in zip(pages, pages[1:], strict=False):
        if first["entries"] and second["entries"]:
            assert max(e["date"] or "9999" for e in first["entries"]) < min(e["date"] or "9999" for e in second["entries"])
    assert "months" in pages[0] and all("months" not in p for p in pages[1:])


def test_timeline_months_count_every_event_report(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    _timeline_corpus(add_article)
    whole = timeline(store, "USA", "CHN", limit=None)
    months = whole["months"]
    assert [m["month"] for m in months] == sorted({e["date"][:7] for e in whole["entries"] if e["kind"] == "event"})
    # every stored event report links USA and CHN and is dated (undated ones by their article)
    assert sum(m["events"] for m in months) == store.counts()["events"]
    assert all(m["events"] == sum(m["quad"]) for m in months)
    within = timeline(store, "USA", "CHN", limit=None, since="2020-02-01", until="2020-02-10")
    assert within["entries"]
    assert all("2020-02-01" <= e["date"] <= "2020-02-10" for e in within["entries"] if e["kind"] == "event")


def test_a_window_keeps_the_partial_dates_whose_period_overlaps_it(store: Store, add_article) -> None:  # type: ignore[no-untyped-def]
    add_article("Oman and Qatar agreed in November to expand shipping links.", "2023-12-05",
                [], [event("AGREE", ["OMN"], ["QAT"], "2023-11"), event("CONSULT", ["OMN"], ["QAT"], "2023-10-30")])
    add_article("Oman and Qatar set up a strategic partnership in 2023.", "2024-01-10",
                [obs("OMN", "QAT", "SP", "established", "2023")])
    within = timeline(store, "OMN", "QAT", limit=None, since="2023-11-15", until="2023-11-30")
    assert {(e["kind"], e["date"]) for e in within["entries"]} == {("event", "2023-11"), ("framework", "2023")}
    paged = timeline(store, "OMN", "QAT", limit=1, since="2023-11-15", until="2023-11-30")
    assert paged["entries"] and paged["entries"][0]["date"] == "2023"
