"""Consolidation: duplicates, syndication, conflicts, order independence (issue 5, item 1)."""

from __future__ import annotations

from kb_helpers import obs

from diplograph.kb.queries import build_facts
from diplograph.store import Store

WIRE = (
    "Tokyo and Hanoi raised their relationship to the highest rung of Vietnam's diplomatic ladder on Monday. "
    "Prime Minister Fumio Kishida received President Vo Van Thuong at his official residence, where the two men "
    "signed a joint statement that names the relationship a comprehensive strategic partnership. Officials said "
    "the leaders agreed to widen cooperation on maritime security, semiconductors and clean energy, and to start "
    "talks on transferring defence equipment. The visit marks fifty years of diplomatic ties between the two "
    "countries, and Thuong is scheduled to meet the emperor and address parliament before flying to Fukuoka."
)
# a lightly edited wire copy: new first words, a reworded sentence, a dropped ending, another credit
WIRE_COPY = (
    "TOKYO (Agency) - Tokyo and Hanoi raised their relationship to the highest rung of Vietnam's diplomatic ladder "
    "on Monday. Prime Minister Fumio Kishida received President Vo Van Thuong at his official residence, where the "
    "two men signed a joint statement that names the relationship a comprehensive strategic partnership. Officials "
    "said the two leaders agreed to widen cooperation on maritime security, chips and clean energy, and to begin "
    "talks on transferring defence equipment. The visit marks fifty years of diplomatic ties."
)
OTHER_OUTLET = (
    "Vietnam has made Japan one of its closest partners. Meeting in the Japanese capital, the two governments "
    "lifted their ties by a full level, to the status Hanoi already gives Beijing, Moscow, New Delhi, Seoul and "
    "Washington. Analysts in Hanoi said the step reflects Japan's long record as a donor of development aid."
)
THIRD_OUTLET = (
    "A summit in Tokyo ended with a new framework for Japanese-Vietnamese relations. Under the agreement the "
    "partners will hold annual talks between their defence ministers and expand a programme for Vietnamese "
    "workers in Japan. Business groups welcomed the upgrade."
)


def test_one_change_from_many_articles_is_one_fact(store: Store, add_article) -> None:
    for text, published in ((WIRE, "2023-11-27"), (OTHER_OUTLET, "2023-11-28"), (THIRD_OUTLET, "2023-11-29")):
        add_article(text, published, [obs("VNM", "JPN", "CSP", date="2023-11-27")])
    facts = build_facts(store)
    assert len(facts) == 1
    fact = facts[0]
    assert (fact.a, fact.b, fact.tier, fact.status, fact.date) == ("JPN", "VNM", "CSP", "established", "2023-11-27")
    assert fact.sources == 3 and fact.articles == 3
    assert (fact.first_reported, fact.last_reported) == ("2023-11-27", "2023-11-29")
    assert len(fact.evidence) == 3


def test_syndicated_copies_count_once(store: Store, add_article) -> None:
    add_article(WIRE, "2023-11-27", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    add_article(WIRE_COPY, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    add_article(OTHER_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    (fact,) = build_facts(store)
    assert fact.articles == 3
    assert fact.sources == 2  # the wire story and its copy are one source


def test_headline_disagreement_is_kept_and_body_wins(store: Store, add_article) -> None:
    add_article(WIRE, "2023-11-27", [
        obs("JPN", "VNM", "SP", date="2023-11-27", in_title=True, evidence="Japan, Vietnam seal strategic partnership"),
        obs("JPN", "VNM", "CSP", date="2023-11-27"),
    ])
    (fact,) = build_facts(store)
    assert fact.tier == "CSP"
    (conflict,) = [c for c in fact.conflicts if c["kind"] == "tier"]
    assert conflict["tier"] == "SP" and conflict["headline_only"] is True
    assert "Japan, Vietnam seal strategic partnership" in conflict["evidence"]


def test_more_independent_sources_win_and_minority_is_kept(store: Store, add_article) -> None:
    add_article(WIRE, "2023-11-27", [obs("JPN", "VNM", "SP", date="2023-11-27")])
    add_article(OTHER_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    add_article(THIRD_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    (fact,) = build_facts(store)
    assert fact.tier == "CSP" and fact.sources == 2
    assert [c["tier"] for c in fact.conflicts if c["kind"] == "tier"] == ["SP"]


def test_syndicated_majority_does_not_outvote_independent_sources(store: Store, add_article) -> None:
    # two copies of one wire story say SP; two independent outlets say CSP -> CSP (2 sources vs 1)
    add_article(WIRE, "2023-11-27", [obs("JPN", "VNM", "SP", date="2023-11-27")])
    add_article(WIRE_COPY, "2023-11-27", [obs("JPN", "VNM", "SP", date="2023-11-27")])
    add_article(OTHER_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    add_article(THIRD_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    (fact,) = build_facts(store)
    assert fact.tier == "CSP"


def test_explicit_date_beats_publication_date(store: Store, add_article) -> None:
    add_article(OTHER_OUTLET, "2023-11-29", [obs("JPN", "VNM", "CSP")])  # undated report of the upgrade
    add_article(WIRE, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    (fact,) = build_facts(store)
    assert fact.date == "2023-11-27" and not fact.date_from_publication
    assert fact.sources == 2


def test_undated_report_alone_is_dated_by_publication(store: Store, add_article) -> None:
    add_article(OTHER_OUTLET, "2023-11-29", [obs("JPN", "VNM", "CSP")])
    (fact,) = build_facts(store)
    assert fact.date == "2023-11-29" and fact.date_from_publication


def test_coarse_dates_join_the_precise_change(store: Store, add_article) -> None:
    add_article(WIRE, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    add_article(OTHER_OUTLET, "2024-02-01", [obs("JPN", "VNM", "CSP", date="2023-11")])
    add_article(THIRD_OUTLET, "2024-06-01", [obs("JPN", "VNM", "CSP", date="2023")])
    (fact,) = build_facts(store)
    assert fact.date == "2023-11-27" and fact.sources == 3


def test_separate_changes_stay_separate(store: Store, add_article) -> None:
    add_article(WIRE, "2023-11-28", [
        obs("JPN", "VNM", "SP", date="2009-04-20"),
        obs("JPN", "VNM", "CSP", date="2023-11-27"),
        obs("JPN", "VNM", "CSP", "intended", date="2023-09"),
    ])
    facts = build_facts(store)
    assert sorted((f.status, f.tier, f.date) for f in facts) == [
        ("established", "CSP", "2023-11-27"), ("established", "SP", "2009-04-20"), ("intended", "CSP", "2023-09"),
    ]


def test_existing_is_in_force_by_earliest_report(store: Store, add_article) -> None:
    add_article(OTHER_OUTLET, "2023-11-28", [obs("CHN", "VNM", "CSP", "existing")])
    add_article(THIRD_OUTLET, "2023-10-02", [obs("CHN", "VNM", "CSP", "existing")])
    (fact,) = build_facts(store)
    assert fact.status == "existing" and fact.date is None
    assert fact.in_force_by == "2023-10-02" and fact.sources == 2


ARTICLES = [
    (WIRE, "2023-11-27", [obs("JPN", "VNM", "CSP", date="2023-11-27"),
                          obs("JPN", "VNM", "SP", date="2023-11-27", in_title=True)]),
    (WIRE_COPY, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27"), obs("CHN", "VNM", "CSP", "existing")]),
    (OTHER_OUTLET, "2023-11-28", [obs("JPN", "VNM", "CSP"), obs("USA", "VNM", "CSP", "existing")]),
    (THIRD_OUTLET, "2023-11-30", [obs("JPN", "VNM", "CSP", date="2023-11"), obs("AUS", "VNM", "CSP", "intended")]),
]


def _facts_after(tmp_path, name: str, order: list[int], add_article, *, checkpoints: bool = False) -> list[dict]:
    target = Store(str(tmp_path / f"{name}.sqlite"))
    for i in order:
        text, published, frameworks = ARTICLES[i]
        add_article(text, published, frameworks, target=target)
        if checkpoints:  # facts built (and signatures cached) while documents arrive
            build_facts(target)
    result = [f.to_record() for f in build_facts(target)]
    target.close()
    return result


def test_facts_do_not_depend_on_ingest_order(tmp_path, add_article) -> None:
    forward = _facts_after(tmp_path, "forward", [0, 1, 2, 3], add_article)
    backward = _facts_after(tmp_path, "backward", [3, 2, 1, 0], add_article)
    shuffled = _facts_after(tmp_path, "shuffled", [2, 0, 3, 1], add_article, checkpoints=True)
    assert forward == backward == shuffled
    assert len(forward) == 4


def test_reference_rows_can_be_left_out(store: Store, add_article) -> None:
    from diplograph.kb.reference import load_reference

    add_article(WIRE, "2023-11-28", [obs("JPN", "VNM", "CSP", date="2023-11-27")])
    load_reference(store)
    with_reference = [f for f in build_facts(store) if f.pair == ("JPN", "VNM")]
    news_only = build_facts(store, include_reference=False)
    assert len(news_only) == 1 and not news_only[0].reference
    upgrade = next(f for f in with_reference if f.date == "2023-11-27")
    assert upgrade.reference and upgrade.sources == 2  # the reference row and the news report
