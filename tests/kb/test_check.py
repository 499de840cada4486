"""The claim checker against a hand-made knowledge base: confirmed, contradicted, incomplete."""

from __future__ import annotations

import json

import pytest
from kb_helpers import obs

from diplograph.errors import InputError
from diplograph.kb.check import check, check_article, extract_claims, read_article
from diplograph.store import Store


@pytest.fixture
def kb(store: Store, add_article) -> Store:
    """Vietnam's top tier in late 2023 as hand-made news observations."""
    dated = [("CHN", "2008-05"), ("RUS", "2012-07"), ("IND", "2016-09-03"), ("KOR", "2022-12-05"),
             ("USA", "2023-09-10"), ("JPN", "2023-11-27")]
    for i, (code, date) in enumerate(dated):
        add_article(f"Report {i}: {code} and Vietnam set up their highest-level partnership.", "2023-12-01",
                    [obs(code, "VNM", "CSP", date=date)])
    add_article("Australia and Vietnam are strategic partners.", "2023-12-01", [obs("AUS", "VNM", "SP", date="2018-03-15")])
    return store


def _verdicts(store: Store, title: str, text: str, published: str) -> list[tuple[str, str]]:
    from diplograph.kb.check import Article

    report = check_article(store, Article(title=title, text=text, published=published))
    return [(c["kind"], c["verdict"]) for c in report["claims"]]


def test_headline_list_missing_partners_is_incomplete(kb: Store) -> None:
    from diplograph.kb.check import Article

    report = check_article(kb, Article(title="Japan joins China, US, India as top-tier partners of Vietnam",
                                       text="Tokyo and Hanoi signed a new framework.", published="2023-11-28"))
    assert report["verdict"] == "incomplete"
    (claim,) = report["claims"]
    assert claim["subject"] == "JPN" and sorted(claim["listed"]) == ["CHN", "IND", "USA"]
    assert sorted(claim["missing"]) == ["KOR", "RUS"]


def test_complete_list_is_confirmed(kb: Store) -> None:
    text = ("Japan has now gained the status of Vietnam's top-tier partners, along with China, Russia, India, "
            "South Korea and the United States.")
    assert _verdicts(kb, "Tokyo summit", text, "2023-11-28") == [("members", "confirmed")]


def test_naming_a_partner_at_the_wrong_tier_is_contradicted(kb: Store) -> None:
    text = "Japan joins China, Australia and India as top-tier partners of Vietnam, officials said."
    from diplograph.kb.check import Article

    report = check_article(kb, Article(title=None, text=text, published="2023-11-28"))
    assert report["verdict"] == "contradicted"
    (claim,) = report["claims"]
    assert claim["unexpected"] == ["AUS"]
    assert claim["unexpected_kb"][0]["tier"] == "SP"


def test_claims_are_judged_as_of_the_article_date(kb: Store) -> None:
    # before the Japan upgrade, Japan was not a top-tier partner
    text = "Japan joins China, the US, India, Russia and South Korea as top-tier partners of Vietnam."
    assert _verdicts(kb, "", text, "2023-11-28") == [("members", "confirmed")]
    assert _verdicts(kb, "", text, "2023-11-20") == [("members", "contradicted")]


def test_ordinal_claims(kb: Store) -> None:
    right = "Japan became the sixth country to reach the highest level of partnership with Vietnam."
    wrong = "Japan became the fifth country to reach the highest level of partnership with Vietnam."
    assert _verdicts(kb, "", right, "2023-11-28") == [("count", "confirmed")]
    assert _verdicts(kb, "", wrong, "2023-11-28") == [("count", "contradicted")]


def test_inclusion_and_pair_claims(kb: Store) -> None:
    includes = "Vietnam's comprehensive strategic partners include Russia and India."
    assert _verdicts(kb, "", includes, "2023-11-28") == [("includes", "confirmed")]
    pair_right = ("The two leaders said the Japan-Vietnam relationship would become a comprehensive strategic "
                  "partnership, according to their joint statement.")
    pair_wrong = "Australia and Vietnam upgraded their ties to a comprehensive strategic partnership."
    assert _verdicts(kb, "", pair_right, "2023-11-28") == [("pair", "confirmed")]
    assert _verdicts(kb, "", pair_wrong, "2023-11-28") == [("pair", "contradicted")]


def test_no_claims_and_unknown(kb: Store, store: Store) -> None:
    assert extract_claims("Leaders meet in Hanoi", "The two leaders discussed trade and climate.") == []
    assert _verdicts(kb, "", "Chile joins Peru as top-tier partners of Brazil, along with Mexico.", "2023-11-28") \
        == [("members", "unknown")]


def test_article_files(kb: Store, tmp_path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("Japan joins China, US, India as top-tier partners of Vietnam\n\nBody text.\n", encoding="utf-8")
    (report,) = check(kb, txt, published="2023-11-28")
    assert report["verdict"] == "incomplete"
    record = tmp_path / "a.jsonl"
    record.write_text(json.dumps({"title": txt.read_text().splitlines()[0], "text": "x", "published": "2023-11-28"})
                      + "\n", encoding="utf-8")
    assert check(kb, record)[0]["as_of"] == "2023-11-28"
    assert read_article("-", stdin_text='{"text": "hello"}')[0].text == "hello"
    with pytest.raises(InputError):
        read_article(tmp_path / "missing.txt")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    with pytest.raises(InputError):
        read_article(bad)


def test_hard_wrapped_sentences_are_joined_but_headlines_stand_alone() -> None:
    from diplograph.kb.check import split_sentences

    text = ("Short teaser headline\n"
            "With the upgrade, Japan has reached the status of Vietnam's top-tier partners, along with China,\n"
            "the United States and India. Another sentence follows.\n")
    assert split_sentences(text) == [
        "Short teaser headline",
        "With the upgrade, Japan has reached the status of Vietnam's top-tier partners, along with China, "
        "the United States and India.",
        "Another sentence follows.",
    ]


def _standing(store: Store, title: str | None, text: str, published: str) -> list[dict]:
    from diplograph.kb.check import Article

    report = check_article(store, Article(title=title, text=text, published=published))
    return [c for c in report["claims"] if c["kind"] in ("standing", "pair")]


def test_a_standing_tier_is_confirmed_with_its_sources(kb: Store) -> None:
    (claim,) = _standing(kb, None, "Vietnam and Japan are comprehensive strategic partners.", "2023-12-05")
    assert (claim["country"], claim["subject"], claim["tier"], claim["verdict"]) == ("JPN", "VNM", "CSP", "confirmed")
    assert claim["kb"]["tier"] == "CSP" and claim["kb"]["sources"] == 1
    (source,) = claim["kb"]["evidence"]
    assert source["url"].startswith("https://news.example/") and "JPN and VNM" in source["sentence"]
    # the same sentence before the upgrade: the knowledge base knew nothing of the pair then
    (early,) = _standing(kb, None, "Vietnam and Japan are comprehensive strategic partners.", "2023-11-20")
    assert early["verdict"] == "unknown"


def test_a_standing_tier_the_knowledge_base_has_otherwise_is_contradicted(kb: Store) -> None:
    (claim,) = _standing(kb, None, "Australia and Vietnam are comprehensive strategic partners.", "2023-12-05")
    assert claim["verdict"] == "contradicted" and claim["kb"]["tier"] == "SP"
    assert "SP on 2023-12-05, not CSP" in claim["reason"]
    (right,) = _standing(kb, None, "Vietnam's prime minister met the leaders of its strategic partner Australia.",
                         "2023-12-05")
    assert (right["tier"], right["verdict"]) == ("SP", "confirmed")


def test_standing_tiers_in_other_grammar(kb: Store) -> None:
    (pair,) = _standing(kb, "Vietnam and South Korea hold talks", "The two CSP partners discussed trade.", "2023-12-05")
    assert (pair["country"], pair["subject"], pair["verdict"]) == ("KOR", "VNM", "confirmed")
    assert not pair["in_title"]


def test_a_dated_standing_tier_is_judged_as_of_its_own_date(kb: Store) -> None:
    text = "Relations between Australia and Vietnam, which were raised to a strategic partnership in 2018, grew fast."
    (claim,) = _standing(kb, None, text, "2024-01-10")
    assert (claim["date"], claim["as_of"], claim["verdict"]) == ("2018", "2018-12-31", "confirmed")
    wrong = "Relations between India and Vietnam, which were raised to a strategic partnership in 2017, grew fast."
    (claim,) = _standing(kb, None, wrong, "2024-01-10")
    assert (claim["as_of"], claim["verdict"], claim["kb"]["tier"]) == ("2017-12-31", "contradicted", "CSP")


def test_an_intention_is_no_standing_claim(kb: Store) -> None:
    assert _standing(kb, None, "Australia and Vietnam are expected to upgrade ties to a comprehensive strategic "
                               "partnership next week.", "2024-03-01") == []


def test_an_article_with_standing_tiers_in_several_grammars_is_confirmed_and_contradicted_pair_by_pair(kb: Store) -> None:
    # an article written for this test: an appositive with its own "since", a relative clause of
    # "counts ... as", a possessive; each judged against the knowledge base as of its own date
    title = "Vietnam hosts delegations from Japan, Australia and South Korea"
    text = ("HANOI, Dec 20 (Wire) - Vietnam welcomed ministers from three partners on Wednesday.\n\n"
            "Japan, a comprehensive strategic partner of Vietnam since November, sent its foreign minister.\n\n"
            "Australia, which Hanoi counts as a comprehensive strategic partner, sent its trade minister.\n\n"
            "Seoul's envoy spoke for South Korea, Vietnam's strategic partner since 2009.")
    claims = {(c["country"], c["subject"]): c for c in _standing(kb, title, text, "2023-12-20")}
    japan, australia, korea = claims[("JPN", "VNM")], claims[("AUS", "VNM")], claims[("KOR", "VNM")]
    # "since November": established then, judged at the end of that month (the KB has it from 2023-11-27)
    assert (japan["kind"], japan["tier"], japan["as_of"], japan["verdict"]) == ("pair", "CSP", "2023-11-30", "confirmed")
    assert japan["kb"]["evidence"] and japan["kb"]["sources"] == 1
    # Australia is a strategic partner in the knowledge base: the article's CSP is contradicted, with the KB's tier
    assert (australia["kind"], australia["verdict"], australia["kb"]["tier"]) == ("standing", "contradicted", "SP")
    assert "not CSP" in australia["reason"]
    # an SP of 2009 for a pair the KB first records as a CSP in 2022: nothing to compare as of 2009
    assert (korea["tier"], korea["as_of"], korea["verdict"]) == ("SP", "2009-12-31", "unknown")
