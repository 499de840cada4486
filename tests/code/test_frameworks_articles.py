"""Frameworks from whole articles (issue 14), one test per category, on articles written for
these tests (facts of real upgrades, our own words) and run through the real stages before the
extractor: spaCy's tokenizer (spacy.blank), the sentence splitter, the ActorMatcher and the dates
stage. Each test says which rule it holds (docs/frameworks.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.code.frameworks import extract_frameworks
from diplograph.model import FrameworkObservation, Sentence

Row = tuple[str, str, str, str, str | None]


@pytest.fixture(scope="module")
def run():
    try:
        import spacy

        from diplograph.actors import ActorMatcher
        from diplograph.dates import assign_sentence_dates
        from diplograph.nlp.sentences import split_sentences
    except ImportError as exc:
        pytest.skip(f"needs diplograph.actors, diplograph.dates and diplograph.nlp: {exc}")
    nlp = spacy.blank("en")
    matcher = ActorMatcher(nlp)

    def extract(body: str, published: str, title: str | None = None) -> list[FrameworkObservation]:
        day = dt.date.fromisoformat(published)
        text = f"{title}\n\n{body}" if title else body
        doc = nlp(text)
        title_end = len(title) if title else None
        mentions = matcher.find_mentions(doc, day, title_end)
        sentences: list[Sentence] = []
        for span in split_sentences(doc, text):
            own = [m for m in mentions if span.start_char <= m.start and m.end <= span.end_char]
            sentences.append(Sentence(len(sentences), span.start_char, span.end_char,
                                      text[span.start_char:span.end_char], own,
                                      title_end is not None and span.end_char <= title_end))
        assign_sentence_dates(sentences, day)
        return extract_frameworks(sentences, day)

    return extract


def rows(obs: list[FrameworkObservation], *, title: bool | None = False) -> set[Row]:
    return {(o.a, o.b, o.tier, o.status, o.date.iso()) for o in obs if title is None or o.in_title == title}


# ------------------------------------------------------------------ enumerations and lists

def test_a_list_after_with_gives_one_existing_fact_per_pair(run) -> None:
    got = rows(run("Vietnam has comprehensive strategic partnerships with China, Russia, India, South Korea, "
                   "the United States and Japan.", "2024-01-10"))
    assert got == {(c, "VNM", "CSP", "existing", None) for c in ("CHN", "RUS", "IND", "KOR", "USA")} | {
        ("JPN", "VNM", "CSP", "existing", None)}


def test_companions_with_their_own_dates_are_established_then(run) -> None:
    got = rows(run("New Zealand became Vietnam's newest comprehensive strategic partner on Wednesday, following "
                   "Australia (March 2024), France (October 2024) and Malaysia (November 2024).", "2025-02-27"))
    assert ("NZL", "VNM", "CSP", "established", "2025-02-26") in got
    assert {("AUS", "VNM", "CSP", "established", "2024-03"), ("FRA", "VNM", "CSP", "established", "2024-10"),
            ("MYS", "VNM", "CSP", "established", "2024-11")} <= got


def test_joins_a_list_as_names_existing_companions_and_an_ordinal_is_established(run) -> None:
    got = rows(run("Malaysia becomes the ninth country to reach the top tier of Vietnam's partnerships. "
                   "It joins China, Russia and India as a comprehensive strategic partner of Vietnam.", "2024-11-22"))
    assert ("MYS", "VNM", "CSP", "established", "2024-11-22") in got
    assert {("CHN", "VNM", "CSP", "existing", None), ("IND", "VNM", "CSP", "existing", None)} <= got


def test_a_ranking_told_over_several_sentences(run) -> None:
    body = ("France becomes the eighth country to reach the top rung of Hanoi's ladder. "
            "China was the first, in 2008, followed by Russia in 2012 and India in 2016. "
            "South Korea joined the group in December 2022, and the United States and Japan followed in "
            "September and November 2023.")
    got = rows(run(body, "2024-10-08"))
    assert {("CHN", "VNM", "CSP", "established", "2008"), ("RUS", "VNM", "CSP", "established", "2012"),
            ("IND", "VNM", "CSP", "established", "2016"), ("KOR", "VNM", "CSP", "established", "2022-12"),
            ("USA", "VNM", "CSP", "established", "2023-09"),
            ("JPN", "VNM", "CSP", "established", "2023-11")} <= got


def test_bullet_rows_under_a_lead_in_pair_the_owner_with_each_party(run) -> None:
    body = ("Indonesia's comprehensive strategic partners so far:\n"
            "- China, since 2013\n- Australia, since 2018\n- Japan, since September 2023\n"
            "- Vietnam: talks on Monday, with an upgrade expected")
    got = rows(run(body, "2025-03-08"))
    assert {("CHN", "IDN", "CSP", "established", "2013"), ("AUS", "IDN", "CSP", "established", "2018"),
            ("IDN", "JPN", "CSP", "established", "2023-09")} <= got
    assert not any(r[:2] == ("IDN", "VNM") and r[3] == "established" for r in got)


def test_table_rows_take_the_owner_from_the_lead_in_and_their_dates_from_the_cells(run) -> None:
    body = ("China's partnership frameworks in South America:\n"
            "| Country | Framework | Year | Earlier level |\n|---|---|---|---|\n"
            "| Peru | comprehensive strategic partnership | 2013 | strategic partnership, 2008 |\n"
            "| Chile | comprehensive strategic partnership | 2016 | - |")
    got = rows(run(body, "2024-11-20"))
    assert {("CHN", "PER", "CSP", "established", "2013"), ("CHN", "PER", "SP", "established", "2008"),
            ("CHL", "CHN", "CSP", "established", "2016")} <= got


# ------------------------------------------------------------------ standing tiers

@pytest.mark.parametrize("sentence, pair", [
    ("Vietnam and Japan are comprehensive strategic partners.", ("JPN", "VNM")),
    ("Vietnam's prime minister met the leaders of its strategic partner Japan.", ("JPN", "VNM")),
    ("Seoul regards Canberra as a comprehensive strategic partner.", ("AUS", "KOR")),
    ("Cairo also counts China as a comprehensive strategic partner.", ("CHN", "EGY")),
])
def test_standing_tiers_in_any_grammar_are_existing(run, sentence: str, pair: tuple[str, str]) -> None:
    got = rows(run(sentence, "2024-05-02"))
    assert {(a, b, s) for a, b, _, s, _ in got} == {(*pair, "existing")}


def test_a_standing_tier_of_the_pair_in_focus(run) -> None:
    got = rows(run("The two CSP partners discussed trade.", "2024-05-02", title="Japan and Vietnam hold talks"))
    assert got == {("JPN", "VNM", "CSP", "existing", None)}


def test_relations_raised_in_a_year_are_established_in_that_year(run) -> None:
    got = rows(run("Relations, which were raised to a strategic partnership in 2009, have grown fast.",
                   "2024-05-02", title="Australia and India hold talks"))
    assert got == {("AUS", "IND", "SP", "established", "2009")}


# ------------------------------------------------------------------ intentions and previews

@pytest.mark.parametrize("sentence", [
    "Indonesia is set to elevate ties with Vietnam to a comprehensive strategic partnership.",
    "Indonesia and Vietnam are expected to upgrade ties to a comprehensive strategic partnership on Monday.",
    "Indonesia plans to lift its relationship with Vietnam to a comprehensive strategic partnership.",
    "Indonesia and Vietnam are likely to elevate ties to a comprehensive strategic partnership.",
    "Indonesia proposes to elevate its ties with Vietnam to a comprehensive strategic partnership.",
    "Vietnam is to be granted comprehensive strategic partnership status by Indonesia next week.",
    "Vietnam's To Lam arrived in Jakarta ahead of a visit that is expected to upgrade ties with Indonesia to a "
    "comprehensive strategic partnership.",
])
def test_intentions_are_never_established(run, sentence: str) -> None:
    got = rows(run(sentence, "2025-03-08"))
    assert ("IDN", "VNM", "CSP", "intended") in {r[:4] for r in got}
    assert not any(r[3] == "established" for r in got)


def test_a_headline_about_the_future_is_an_intention(run) -> None:
    got = rows(run("Lam begins a state visit to Jakarta on Sunday.", "2025-03-08",
                   title="Indonesia, Vietnam to upgrade ties to comprehensive strategic partnership"), title=True)
    assert {r[3] for r in got} == {"intended"}


def test_a_later_article_reporting_the_upgrade_dates_it_by_the_upgrade_day(run) -> None:
    got = rows(run("Malaysia and Vietnam elevated their ties to a comprehensive strategic partnership on "
                   "November 21 during To Lam's visit to Kuala Lumpur.", "2024-12-15"))
    assert got == {("MYS", "VNM", "CSP", "established", "2024-11-21")}


# ------------------------------------------------------------------ pairs

def test_an_organisations_partnership_is_not_its_chairs(run) -> None:
    got = rows(run("ASEAN and Australia elevated their relationship to a comprehensive strategic partnership, "
                   "Vietnam said as chair of the meeting.", "2021-10-27"))
    assert {(a, b) for a, b, *_ in got} == {("ASEAN", "AUS")}


def test_a_third_country_named_for_comparison_is_not_a_party(run) -> None:
    got = rows(run("Like China and India, Indonesia has raised ties with Vietnam to a comprehensive strategic "
                   "partnership.", "2025-03-11"))
    assert {(a, b) for a, b, *_ in got} == {("IDN", "VNM")}


def test_the_two_countries_and_both_sides_are_the_pair_in_focus(run) -> None:
    got = rows(run("Both sides agreed on Tuesday to elevate relations to a comprehensive strategic partnership.",
                   "2024-11-22", title="Vietnam and Malaysia leaders meet in Kuala Lumpur"), title=None)
    assert ("MYS", "VNM", "CSP", "established", "2024-11-19") in got


def test_a_region_stands_for_its_states(run) -> None:
    got = rows(run("The European Union and Central Asia agreed on Friday to elevate their relations to a "
                   "strategic partnership.", "2025-04-05"))
    assert {b for _, b, *_ in got} == {"KAZ", "KGZ", "TJK", "TKM", "UZB"}


# ------------------------------------------------------------------ dates

def test_an_earlier_tier_keeps_its_own_date_and_no_ended(run) -> None:
    got = rows(run("The two countries upgraded ties on Monday from the strategic partnership established in "
                   "2010 to a comprehensive strategic partnership.", "2024-11-12",
                   title="Vietnam and Malaysia upgrade ties"), title=False)
    assert got == {("MYS", "VNM", "SP", "established", "2010"), ("MYS", "VNM", "CSP", "established", "2024-11-11")}


def test_the_day_it_happened(run) -> None:
    got = rows(run("Australia and Vietnam on Saturday elevated ties to a comprehensive strategic partnership.",
                   "2024-03-10"))
    assert got == {("AUS", "VNM", "CSP", "established", "2024-03-09")}


def test_a_year_only_date_takes_the_finer_date_given_elsewhere(run) -> None:
    body = ("China's frameworks in South America:\n| Country | Framework | Year |\n|---|---|---|\n"
            "| Colombia | strategic partnership | 2023 |\n"
            "Colombia's upgrade came during a state visit to Beijing in October 2023.")
    assert ("CHN", "COL", "SP", "established", "2023-10") in rows(run(body, "2024-11-20"))


# ------------------------------------------------------------------ headlines

def test_a_headline_that_disagrees_with_its_body_is_kept_apart(run) -> None:
    obs = run("Australia and Vietnam upgraded their relations to a comprehensive strategic partnership on "
              "Thursday.", "2024-03-08", title="Australia, Vietnam lift ties to strategic partnership")
    assert ("AUS", "VNM", "SP", "established") in {r[:4] for r in rows(obs, title=True)}
    assert rows(obs, title=False) == {("AUS", "VNM", "CSP", "established", "2024-03-07")}
