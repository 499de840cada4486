"""More gazetteer rules: groups, misspellings, dated names, parsed docs, the candidate filter."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.tokens import Doc

D1987 = dt.date(1987, 5, 4)
D2023 = dt.date(2023, 11, 28)


def flat(mentions):  # type: ignore[no-untyped-def]
    return [c for m in mentions if m.kind != "place" for c in m.codes]


def test_seats_with_diacritics_and_apostrophes(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The Élysée, the Elysee, the Quai d'Orsay, Zhongnanhai, Whitehall and Foggy Bottom reacted.")
    assert flat(found) == ["FRA", "FRA", "FRA", "CHN", "GBR", "USA"]
    assert found[2].sector == "foreign ministry"


def test_non_state_groups_are_coded_to_their_state(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Hamas and Hezbollah fighters clashed as the Taliban watched.", published=dt.date(2019, 5, 1))
    assert [(m.codes, m.sector) for m in found] == [
        (("PSE",), "armed group"), (("LBN",), "armed group"), (("AFG",), "armed group")]
    # the Taliban govern Afghanistan since 2021-08-15
    assert [(m.codes, m.sector) for m in find("The Taliban said.", published=dt.date(2023, 11, 28))] == [
        (("AFG",), "government")]


def test_misspelled_state_names(find) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("Pakistan rejected an offer from Afganistan and the Phillippines.")) == ["PAK", "AFG", "PHL"]
    # a capitalised word inside a name is not taken for a misspelled state
    assert find("Officials met Greene Franco yesterday.") == []
    # a 5-letter name takes only the insertions misspellings make (a vowel, a doubled letter), not
    # an inserted consonant, which makes other words (a Kenyan town is not Nauru)
    assert find("Crowds marched in Nakuru and Eldoret.") == []
    assert flat(find("Marchers reached Nauru, and envoys met in Quatar and Chinna.")) == ["NRU", "QAT", "CHN"]


def test_congo_depends_on_the_date(find) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("Congo protested.", published=D1987)) == ["COG"]
    assert flat(find("Congo protested.", published=D2023)) == ["COD"]
    assert flat(find("Zaire protested.", published=D1987)) == ["COD"]


def test_organisation_seat_and_person(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Brussels warned, and NATO Secretary General Jens Stoltenberg agreed.", published=D2023)
    assert [(m.codes, m.kind) for m in found] == [(("EU",), "org"), (("NATO",), "person")]


def test_parsed_doc_sentences_are_used(nlp, matcher) -> None:  # type: ignore[no-untyped-def]
    words = ["Japan", "and", "Vietnam", "met", "the", "two", "countries", "agreed"]
    spaces = [True] * 7 + [False]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True, False, False, False, True, False, False, False])
    found = matcher.find_mentions(doc)
    assert [(m.text, m.codes) for m in found][-1] == ("the two countries", ("JPN", "VNM"))
    # the same words as one sentence after "China,": three actors before the phrase, no pair
    one = Doc(nlp.vocab, words=["China", ","] + words, spaces=[False, True] + spaces,
              sent_starts=[True] + [False] * 9)
    assert [m.via for m in matcher.find_mentions(one)] == ["name", "name", "name"]


def test_surface_forms_cover_every_mention_start(nlp, matcher, find) -> None:  # type: ignore[no-untyped-def]
    forms = matcher.surface_forms()
    assert {"japan", "u.s.", "tokyo", "kremlin", "president", "two", "bilateral"} <= forms
    assert "the" not in forms and "said" not in forms
    text = ("Japanese Prime Minister Fumio Kishida met Vietnamese President Vo Van Thuong in Tokyo. "
            "The two leaders praised the Quad, the EU and Hamas. The U.S.-Japan alliance held.")
    for mention in find(text):
        first = nlp.make_doc(mention.text)[0].text.lower()
        assert first in forms or first == "the" or first.split("-")[0] in forms, mention
    assert find("Prices rose sharply on heavy trading.") == []


def test_inputs_are_normalised_or_refused(matcher) -> None:  # type: ignore[no-untyped-def]
    assert [m.codes for m in matcher.find_mentions("Moscow said.", "1987-03-01")] == [("SUN",)]
    assert [m.codes for m in matcher.find_mentions("Moscow said.", dt.datetime(2020, 1, 1, 12))] == [("RUS",)]
    with pytest.raises(TypeError):
        matcher.find_mentions(42)
    with pytest.raises(ValueError):
        matcher.find_mentions("Moscow said.", "yesterday")


def test_has_candidate(nlp, matcher) -> None:  # type: ignore[no-untyped-def]
    def words(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    assert matcher.has_candidate(words("The U.S.-led coalition advanced."))
    assert matcher.has_candidate(words("Hanoi said so."))
    assert not matcher.has_candidate(words("Prices rose on heavy trading."))


def test_company_names_and_tickers_are_not_actors(find) -> None:  # type: ignore[no-untyped-def]
    assert find("Rockwell <ROK> and Columbia Gas rose; Korean Air and the American Enterprise "
                "Institute said.", published=D1987) == []
    found = find("The Chinese Communist Party and Korean officials met American President Reagan.",
                 published=D1987)
    assert [(m.codes, m.sector) for m in found] == [
        (("CHN",), "government"), (("KOR",), "government"), (("USA",), "head of state")]


def test_an_ethnic_group_living_in_another_state_is_coded_to_that_state(find) -> None:  # type: ignore[no-untyped-def]
    assert find("Ethnic Hungarians in Slovakia held a rally.")[0].codes == ("SVK",)
    assert find("The Greek minority in Albania asked for schools.")[0].codes == ("ALB",)
    assert find("The Armenians of southern Georgia want more autonomy.")[0].codes == ("GEO",)
    # no ethnic marker, minority noun or compass word: the nationality word keeps its own state
    assert find("Hungarian troops in Slovakia withdrew.")[0].codes == ("HUN",)
