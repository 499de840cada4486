"""The gazetteer pass on tokenizer output (spacy.blank("en"), no model)."""

from __future__ import annotations

import datetime as dt

import pytest

D1987 = dt.date(1987, 5, 4)
D2023 = dt.date(2023, 11, 28)


def codes(mentions, kinds=("state", "org", "person", "group")):  # type: ignore[no-untyped-def]
    return [m.codes for m in mentions if m.kind in kinds]


def flat(mentions, kinds=("state", "org", "person", "group")):  # type: ignore[no-untyped-def]
    return [c for m in mentions if m.kind in kinds for c in m.codes]


def test_names_aliases_and_spans(find) -> None:  # type: ignore[no-untyped-def]
    text = "The U.S. and Britain pressed Viet Nam, while America and the UK courted Việt Nam."
    found = find(text)
    assert flat(found) == ["USA", "GBR", "VNM", "USA", "GBR", "VNM"]
    for mention in found:
        assert text[mention.start:mention.end] == mention.text
    assert [m.via for m in found][:2] == ["alias", "alias"]


def test_case_matters_for_us_and_turkey(find) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("Officials told us the US will help.")) == ["USA"]
    assert flat(find("They roasted a turkey; Turkey objected.")) == ["TUR"]
    assert flat(find("JAPAN AND VIETNAM SIGN SECURITY PACT")) == ["JPN", "VNM"]


def test_demonyms(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Filipino, Emirati, Dutch and French diplomats joined Japanese and Chinese envoys.")
    assert flat(found) == ["PHL", "ARE", "NLD", "FRA", "JPN", "CHN"]
    assert found[0].via == "demonym"


def test_capitals_and_seats_as_metonyms(find) -> None:  # type: ignore[no-untyped-def]
    found = find("Tokyo and Hanoi agreed, the Kremlin said, while the White House and Downing Street "
                 "stayed silent and the Pentagon sent ships. Kyiv and Kiev are one.")
    assert flat(found) == ["JPN", "VNM", "RUS", "USA", "GBR", "USA", "UKR", "UKR"]
    by_text = {m.text: m for m in found}
    assert by_text["Tokyo"].via == "capital"
    assert by_text["Kremlin"].via == "seat"
    assert by_text["Pentagon"].sector == "military"
    assert by_text["Downing Street"].sector == "head of government"


def test_capital_after_locative_preposition_is_a_place(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The leaders held talks in Tokyo before a visit to Hanoi; Beijing protested.")
    assert [(m.text, m.kind) for m in found] == [("Tokyo", "place"), ("Hanoi", "place"), ("Beijing", "state")]
    assert found[0].codes == ("JPN",)


def test_country_with_compass_word_after_in_is_a_place(find) -> None:  # type: ignore[no-untyped-def]
    found = find("They toured a plant in southern Japan and met Japan's ministers.")
    assert [m.kind for m in found] == ["place", "state"]


def test_places_and_phrases_that_are_not_actors(find) -> None:  # type: ignore[no-untyped-def]
    text = ("Ships sailed the South China Sea and the East China Sea across the Indo-Pacific, from "
            "Southeast Asia to Latin America, under the Official Security Assistance scheme, near a "
            "hydrogen energy facility in Fukuoka, and Western nations watched.")
    assert find(text) == []


def test_person_name_collisions(find) -> None:  # type: ignore[no-untyped-def]
    assert find("Chad Smith and Michael Jordan played.") == []
    assert flat(find("Chad and Jordan signed a deal.")) == ["TCD", "JOR"]
    assert find("Georgia's governor spoke in Atlanta.") == []
    assert flat(find("Georgia and Armenia held talks.")) == ["GEO", "ARM"]


def test_historical_states_depend_on_the_date(find) -> None:  # type: ignore[no-untyped-def]
    old = find("Soviet troops left as Moscow and the Kremlin said West German and East German "
               "officials met in Bonn; Yugoslavia and Czechoslovakia abstained.", published=D1987)
    assert flat(old, ("state", "person", "group", "place")) == [
        "SUN", "SUN", "SUN", "DEU", "DDR", "DEU", "YUG", "CSK"]
    new = find("Moscow and the Kremlin recalled the Soviet Union's collapse.", published=D2023)
    assert flat(new) == ["RUS", "RUS", "SUN"]
    assert flat(find("Prague said", published=D1987)) == ["CSK"]
    assert flat(find("Prague said", published=D2023)) == ["CZE"]


def test_sectors_after_state_words(find) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Japan's Foreign Ministry said": "foreign ministry",
        "the Japanese Foreign Ministry said": "foreign ministry",
        "Vietnamese troops moved": "military",
        "the Vietnamese navy sailed": "military",
        "Vietnam's defence ministry said": "military",
        "Japan's lower house voted": "legislature",
        "Hungarian officials agreed": "government",
        "Japanese police arrested": "police",
        "Chinese companies invested": "business",
        "Russian state media said": "media",
        "Iranian protesters gathered": "civilians",
        "the army of Vietnam moved": "military",
        "the Thai opposition objected": "opposition",
    }
    for text, sector in cases.items():
        found = find(text)
        assert len(found) == 1, text
        assert found[0].sector == sector, text
        assert found[0].kind == "state", text


def test_organisations(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The EU, ASEAN, the UN, NATO, the AU, APEC, the G7, the G20, the Quad, the SCO, BRICS, "
                 "OPEC, the WTO, the IMF, the World Bank, the Arab League and the GCC met.")
    assert flat(found) == ["EU", "ASEAN", "UN", "NATO", "AU", "APEC", "G7", "G20", "QUAD", "SCO", "BRICS",
                           "OPEC", "WTO", "IMF", "WBG", "LAS", "GCC"]
    assert {m.kind for m in found} == {"org"}


def test_territories_with_own_codes(find) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("Taiwan, Hong Kong, the Palestinian Authority and Kosovo were named.")) == [
        "TWN", "HKG", "PSE", "XKX"]


def test_hyphenated_tokens(find) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("The U.S.-Japan alliance and Japan-Vietnam ties and US-led talks.")) == [
        "USA", "JPN", "JPN", "VNM", "USA"]


def test_longest_match_wins(find) -> None:  # type: ignore[no-untyped-def]
    found = find("The People's Republic of China and the Republic of China and South Korea and North Korean envoys.")
    assert flat(found) == ["CHN", "TWN", "KOR", "PRK"]
    assert found[0].text == "People's Republic of China"


def test_empty_and_blank_documents(find) -> None:  # type: ignore[no-untyped-def]
    assert find("") == []
    assert find("   \n\n  ") == []


@pytest.mark.parametrize("published", [None, D2023])
def test_works_without_a_date(find, published) -> None:  # type: ignore[no-untyped-def]
    assert flat(find("Moscow and Hanoi agreed.", published=published)) == ["RUS", "VNM"]
