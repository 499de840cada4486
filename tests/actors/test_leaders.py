"""The leaders table (actors/data/leaders.tsv): its loader, the shape of every row, terms of one
office that do not overlap, its coverage, and names resolved by the article's date."""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from diplograph.actors import gazetteer as gazetteer_module
from diplograph.actors.gazetteer import LEADER_COLUMNS, Gazetteer, Leader, period_bounds, read_leader

ROOT = Path(__file__).resolve().parents[2]
PHOENIX_SOURCE = "PETRARCH2 Phoenix.Countries.actors.txt"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("leaders_coverage", ROOT / "tools" / "leaders_coverage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


coverage = _tool()


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def raw_rows() -> list[list[str]]:
    """The rows as written (partial dates kept), in file order."""
    return [fields for _number, fields in gazetteer_module._numbered_rows("leaders.tsv")]


# ----------------------------------------------------------------------------- the loader
def test_full_and_partial_dates() -> None:
    assert period_bounds("2024-12-05") == (dt.date(2024, 12, 5), dt.date(2024, 12, 5))
    assert period_bounds("2019-03") == (dt.date(2019, 3, 1), dt.date(2019, 3, 31))
    assert period_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period_bounds("2023-12") == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert period_bounds("2016") == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert period_bounds(" ") is None
    for bad in ("2019-3", "19-03", "2019-13", "March 2019", "2019-03-04-05", "2019/03", "2019-02-30"):
        with pytest.raises(ValueError):
            period_bounds(bad)


def test_a_partial_from_counts_from_the_first_day_and_a_partial_to_until_the_last() -> None:
    leader = read_leader(["Ana Example", "Example", "ARG", "Defence Minister", "military", "2013-06", "2015",
                          "https://example.org/list"])
    assert (leader.valid_from, leader.valid_to) == (dt.date(2013, 6, 1), dt.date(2015, 12, 31))
    assert leader.holds_on(dt.date(2013, 6, 1)) and leader.holds_on(dt.date(2015, 12, 31))
    assert not leader.holds_on(dt.date(2013, 5, 31)) and not leader.holds_on(dt.date(2016, 1, 1))
    assert leader.keys == ("Example",) and leader.source == "https://example.org/list"
    open_ended = read_leader(["Ana Example", "", "ARG", "President", "head of state", "2023", "", "x"])
    assert open_ended.valid_to is None and open_ended.holds_on(dt.date(2099, 1, 1))


def test_a_malformed_row_is_refused_with_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="7 columns"):
        read_leader(["A B", "", "ARG", "President", "head of state", "2001", ""])
    with pytest.raises(ValueError, match="source"):
        read_leader(["A B", "", "ARG", "President", "head of state", "2001", "", " "])
    data = tmp_path / "data"
    shutil.copytree(gazetteer_module.DATA_DIR, data)
    table = data / "leaders.tsv"
    lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
    first_row = next(i for i, line in enumerate(lines) if line.startswith("name\t")) + 1
    lines[first_row] = lines[first_row].replace("\t1992-06-28\t", "\t28 June 1992\t")
    table.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(gazetteer_module, "DATA_DIR", data)
    with pytest.raises(ValueError, match=f"leaders.tsv line {first_row + 1}: not a date"):
        Gazetteer()._load_context_tables()


# ----------------------------------------------------------------------------- every row
def test_every_row_is_well_formed(gaz: Gazetteer, raw_rows: list[list[str]]) -> None:
    roles = {role for role, _country in gaz.titles.values()}
    assert len(gaz.leaders) == len(raw_rows) > 1000
    seen: set[tuple[str, str, str, str]] = set()
    for leader, fields in zip(gaz.leaders, raw_rows, strict=True):
        assert len(fields) == len(LEADER_COLUMNS)
        where = f"{leader.name} ({leader.code}, {leader.title})"
        assert leader.code in gaz.actors, where
        assert leader.role in roles, where
        assert leader.valid_from is not None, where
        assert leader.valid_to is None or leader.valid_from <= leader.valid_to, where
        assert leader.source == PHOENIX_SOURCE or (
            leader.source.startswith("https://") and " " not in leader.source), where
        key = (leader.name, leader.code, leader.title, fields[5])
        assert key not in seen, f"duplicate row {key}"
        seen.add(key)
        for form in (leader.name, *leader.keys):
            assert form == form.strip() and "  " not in form, where
            # a key that is also a state's name, capital or demonym would take its place
            assert form not in gaz.forms, f"{where}: {form!r} is an actor form"
        assert leader.name not in leader.keys and len(set(leader.keys)) == len(leader.keys), where


def test_one_person_is_written_the_same_way_in_all_rows(gaz: Gazetteer) -> None:
    """A key names one person; the same key for two persons is allowed only where their terms
    tell them apart (Nawaz and Shehbaz Sharif, George H. W. and George W. Bush)."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for leader in gaz.leaders:
        for key in leader.keys:
            by_key[key].add(leader.name)
    for key in [key for key, names in by_key.items() if len(names) > 1]:
        rows = [leader for leader in gaz.leaders if key in leader.keys]
        for a in rows:
            for b in rows:
                if a.name != b.name:
                    assert not _overlap(a, b), f"{key!r} names {a.name} and {b.name} at the same time"


def _overlap(a: Leader, b: Leader) -> bool:
    """Whether two terms share more than a handover day."""
    a_end = a.valid_to or dt.date.max
    b_end = b.valid_to or dt.date.max
    assert a.valid_from is not None and b.valid_from is not None
    return a.valid_from < b_end and b.valid_from < a_end


# ----------------------------------------------------------------------------- terms
# (code, names): two holders of one office at once, and why (docs/actors.md, "leaders table")
ALLOWED_OVERLAPS = {
    ("BRA", frozenset({"Dilma Rousseff", "Michel Temer"})): "acting president while Rousseff was suspended, 2016",
    ("NGA", frozenset({"Umaru Musa Yar'Adua", "Goodluck Jonathan"})): "acting president during Yar'Adua's illness, 2010",
    ("ISR", frozenset({"Ariel Sharon", "Ehud Olmert"})): "acting prime minister after Sharon's stroke, 2006",
    ("VEN", frozenset({"Hugo Chavez", "Pedro Carmona"})): "the two-day coup of April 2002",
    ("AFG", frozenset({"Burhanuddin Rabbani", "Mullah Mohammed Omar"})): "Taliban and the recognised government, 1996-2001",
    ("AFG", frozenset({"Ahmad Shah Massoud", "Obaidullah Akhund"})): "Taliban and the recognised government, 1996-2001",
    ("AFG", frozenset({"Obaidullah Akhund", "Mohammed Fahim"})): "Taliban and the recognised government, 2001",
    ("PSE", frozenset({"Ismail Haniyeh", "Salam Fayyad"})): "rival governments in Gaza and Ramallah, 2007-2014",
    ("PSE", frozenset({"Ismail Haniyeh", "Rami Hamdallah"})): "rival governments in Gaza and Ramallah, 2007-2014",
}


def _latest_start(text: str) -> dt.date:
    bounds = period_bounds(text)
    assert bounds is not None
    return bounds[1]


def _earliest_end(text: str) -> dt.date:
    bounds = period_bounds(text)
    return bounds[0] if bounds else dt.date.max


def test_terms_of_one_office_do_not_overlap(gaz: Gazetteer, raw_rows: list[list[str]]) -> None:
    """Offices with one holder at a time: head of state, head of government, foreign and defence
    minister of a state (secondary offices of the same role class apart), and each office of an
    organisation. A term known only to the month or year is taken as short as it can be (from
    the last day of its start, to the first day of its end), so a handover known to the month
    ("2001-09-09" and "2001-09") is no overlap; an overlap found is certain."""
    offices: dict[tuple[str, str], list[tuple[str, dt.date, dt.date]]] = defaultdict(list)
    for leader, fields in zip(gaz.leaders, raw_rows, strict=True):
        name = coverage.office(leader)
        if name is None:
            if leader.role != "government":
                continue
            name = leader.title.removeprefix("Interim ")
        name = coverage.SEPARATE_TITLES.get((leader.code, leader.title), name)
        offices[leader.code, name].append((leader.name, _latest_start(fields[5]), _earliest_end(fields[6])))
    clashes = []
    for (code, name), terms in offices.items():
        for i, (a, a_from, a_to) in enumerate(terms):
            for b, b_from, b_to in terms[i + 1:]:
                if a_from < b_to and b_from < a_to and (code, frozenset({a, b})) not in ALLOWED_OVERLAPS:
                    clashes.append((code, name, a, b))
    assert clashes == []
    assert len(offices) > 150


# holes longer than 90 days since 2000 in an office of a covered state, and why
ALLOWED_GAPS = {
    ("AFG", "HG"): "no such office before the Chief Executive (2014) and between 2020 and the Taliban's",
    ("ARG", "DM"): "Julio Martinez (2015-2017) left out: a common name",
    ("AUS", "DM"): "John Moore (to 2001) and David Johnston (2013-2014) left out: common names",
    ("ETH", "DM"): "holders before 2001 not known; Aisha Mohammed (2018, 2024-) left out: a common name",
    ("KOR", "DM"): "the vice minister acted between Kim Yong-hyun's resignation (December 2024) and July 2025",
    ("MMR", "HG"): "no prime minister between 2011 and the State Counsellor (2016)",
    ("NGA", "DM"): "ministers of state supervised the ministry (2012-2014); no cabinet until November 2015",
    ("NGA", "FM"): "vacancy (late 2013 to 2014); no cabinet until November 2015",
    ("PAK", "DM"): "the head of government held the portfolio or caretakers are not known (2000-2002, 2007-2008, 2013)",
    ("PAK", "FM"): "Abdul Sattar (to 2002) left out: a common name; a minister of state acted in 2011",
    ("PHL", "DM"): "holders between late 2005 and mid 2007 not known to the compilers",
    ("PRK", "FM"): "vacancy after Paek Nam-sun's death (January-May 2007)",
    ("PSE", "FM"): "no foreign minister before the first Palestinian cabinet of 2003",
    ("PSE", "HG"): "no prime minister before 2003",
    ("SYR", "HG"): "office abolished in March 2025",
    ("THA", "DM"): "military junta, May-August 2014",
    ("THA", "FM"): "military junta, May-August 2014",
    ("TUR", "HG"): "office abolished in July 2018",
    ("UKR", "FM"): "vacancy, March-October 2009",
}


def test_every_covered_office_has_a_holder_since_2000(gaz: Gazetteer) -> None:
    table = coverage.counts(gaz.leaders)
    for code in coverage.COVERED:
        for name in coverage.OFFICES.values():
            if (code, name) not in coverage.NOT_AN_OFFICE:
                assert table[code, name] >= 1, (code, name)
    holes = coverage.gaps(gaz.leaders, dt.date(2000, 1, 1), dt.date(2025, 6, 30), 90)
    unexplained = [hole for hole in holes if hole[:2] not in ALLOWED_GAPS]
    assert unexplained == []


def test_coverage_report_prints_counts_per_country_and_office(gaz: Gazetteer) -> None:
    text = coverage.report(gaz.leaders, dt.date(2000, 1, 1), 90)
    assert text.startswith(f"{len(gaz.leaders)} rows")
    table = coverage.counts(gaz.leaders)
    line = next(line for line in text.splitlines() if line.startswith("  JPN "))
    assert f"FM={table['JPN', 'FM']:>2}" in line and table["JPN", "FM"] >= 15
    assert "EU=" in text and "ASEAN=" in text and "AU=" in text


# ----------------------------------------------------------------------------- resolution
def persons(mentions):  # type: ignore[no-untyped-def]
    return [(m.text, m.codes, m.sector, m.person) for m in mentions if m.kind == "person"]


def test_a_surname_alone_resolves_by_the_article_date(find) -> None:  # type: ignore[no-untyped-def]
    assert persons(find("Albanese said on Monday that the talks went well.", published=dt.date(2023, 5, 15))) == [
        ("Albanese", ("AUS",), "head of government", "Anthony Albanese")]
    assert persons(find("Prabowo's visit to Tokyo was postponed.", published=dt.date(2025, 3, 10))) == [
        ("Prabowo", ("IDN",), "head of state", "Prabowo Subianto")]
    # the same person in the office he held before
    assert persons(find("Prabowo's visit to Tokyo was postponed.", published=dt.date(2021, 3, 10))) == [
        ("Prabowo", ("IDN",), "military", "Prabowo Subianto")]
    for text in ("Zelenskyy thanked the donors.", "Erdoğan thanked the donors."):
        assert [m.codes for m in find(text, published=dt.date(2024, 2, 1)) if m.kind == "person"] in (
            [("UKR",)], [("TUR",)])


def test_a_former_holder_surname_outside_the_term_is_not_an_office_holder(find) -> None:  # type: ignore[no-untyped-def]
    assert find("Merkel said the talks went well.", published=dt.date(2023, 5, 15)) == []
    assert find("Albanese said the talks went well.", published=dt.date(2019, 5, 15)) == []
    # the full name keeps the country, but not an office: every term over, a former holder is the
    # opposition (sector); before the first term, nothing
    found = persons(find("Angela Merkel said the talks went well.", published=dt.date(2023, 5, 15)))
    assert found == [("Angela Merkel", ("DEU",), "opposition", "Angela Merkel")]
    found = persons(find("Anthony Albanese said the talks went well.", published=dt.date(2019, 5, 15)))
    assert found == [("Anthony Albanese", ("AUS",), None, "Anthony Albanese")]


def test_a_shared_surname_picks_the_holder_of_the_day(find) -> None:  # type: ignore[no-untyped-def]
    def holder(day: dt.date) -> list[str | None]:
        return [m.person for m in find("Sharif met army chiefs in Islamabad.", published=day) if m.kind == "person"]

    assert holder(dt.date(2015, 6, 1)) == ["Nawaz Sharif"]
    assert holder(dt.date(2023, 6, 1)) == ["Shehbaz Sharif"]
    assert holder(dt.date(2019, 6, 1)) == []


def test_a_term_known_to_the_month_starts_on_its_first_day(find) -> None:  # type: ignore[no-untyped-def]
    # Horacio Jaunarena: defence minister of Argentina from March 2001 (leaders.tsv "2001-03")
    text = "Jaunarena inspected the troops."
    assert [m.codes for m in find(text, published=dt.date(2001, 3, 1)) if m.kind == "person"] == [("ARG",)]
    assert find(text, published=dt.date(2001, 2, 28)) == []


def test_common_words_near_a_key_are_not_taken_for_leaders(find) -> None:  # type: ignore[no-untyped-def]
    """One edit from a key is a misspelling of it only when no other form is that close:
    capitalised words at the start of a sentence stay words."""
    for text, day in (("Partly because of the rain, the talks were delayed.", dt.date(2020, 6, 1)),
                      ("Sharia law was debated in the assembly.", dt.date(2025, 3, 1)),
                      ("Patriot batteries were deployed near the border.", dt.date(2012, 12, 1)),
                      ("Pandora's box was opened, critics warned.", dt.date(2021, 6, 1))):
        assert persons(find(text, published=day)) == [], text
