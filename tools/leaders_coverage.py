"""Coverage of the leaders table (src/diplograph/actors/data/leaders.tsv): rows per country and
office, and the stretches since a date when an office has no holder in the table.

    python tools/leaders_coverage.py [--since 2000-01-01] [--gaps DAYS]

Prints one line per country: the number of rows for head of state (HS), head of government (HG),
foreign minister (FM) and defence minister (DM), then each gap longer than DAYS days (default
90) in an office of a covered country. Secondary offices that share a role class with the
main one (a vice president, a crown prince, North Korea's nominal head of state, Brunei's second
foreign minister) are not counted as the office."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter
from collections.abc import Iterable

from diplograph.actors.gazetteer import Gazetteer, Leader

OFFICES = {"head of state": "HS", "head of government": "HG", "foreign ministry": "FM", "military": "DM"}
# titles held beside the main office of the same role class
SECONDARY_TITLES = frozenset({
    "Vice President", "Crown Prince", "President of the Presidium of the Supreme People's Assembly",
    "Second Minister of Foreign Affairs"})
# Iran's Supreme Leader and President are both heads of state in the role classes of titles.tsv
SEPARATE_TITLES = {("IRN", "President"): "President", ("IRN", "Acting President"): "President"}
G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"]
ASEAN = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"]
OTHERS = ["UKR", "ISR", "PSE", "IRN", "PRK", "TWN", "SYR", "YEM", "AFG", "VEN", "PAK", "BGD", "NGA", "ETH", "EGY"]
COVERED = tuple(dict.fromkeys(G20 + ASEAN + OTHERS))
# offices a covered state does not have (or that the table lists elsewhere): docs/actors.md
NOT_AN_OFFICE = frozenset(
    [("AUS", "HS"), ("CAN", "HS"),  # the British monarch, listed under GBR
     ("PSE", "DM")]  # no defence ministry
    # presidential systems: the president heads the government
    + [(code, "HG") for code in ["USA", "MEX", "BRA", "ARG", "IDN", "PHL", "ZAF", "NGA", "VEN", "IRN"]])


def office(leader: Leader) -> str | None:
    """HS, HG, FM, DM (the main office of the role class), or None (organisation heads, general
    secretaries, opposition leaders, secondary offices)."""
    if leader.title in SECONDARY_TITLES:
        return None
    return OFFICES.get(leader.role)


def counts(leaders: Iterable[Leader]) -> Counter[tuple[str, str]]:
    """Rows per (code, office)."""
    found: Counter[tuple[str, str]] = Counter()
    for leader in leaders:
        name = office(leader)
        if name is not None:
            found[leader.code, name] += 1
    return found


def gaps(leaders: Iterable[Leader], since: dt.date, until: dt.date,
         min_days: int) -> list[tuple[str, str, dt.date, dt.date]]:
    """(code, office, first day, last day) of each stretch of more than ``min_days`` days between
    ``since`` and ``until`` when an office of a covered state has no holder in the table."""
    terms: dict[tuple[str, str], list[tuple[dt.date, dt.date]]] = {}
    for leader in leaders:
        name = office(leader)
        if (name is None or leader.code not in COVERED or (leader.code, leader.title) in SEPARATE_TITLES
                or (leader.code, name) in NOT_AN_OFFICE):
            continue
        terms.setdefault((leader.code, name), []).append(
            (leader.valid_from or dt.date.min, leader.valid_to or dt.date.max))
    found = []
    for (code, name), spans in sorted(terms.items()):
        covered_until = since - dt.timedelta(days=1)
        for start, end in sorted(spans):
            if start > covered_until + dt.timedelta(days=1) and start <= until:
                first, last = covered_until + dt.timedelta(days=1), start - dt.timedelta(days=1)
                if (last - first).days + 1 > min_days:
                    found.append((code, name, first, last))
            covered_until = max(covered_until, end)
        if covered_until < until and (until - covered_until).days > min_days:
            found.append((code, name, covered_until + dt.timedelta(days=1), until))
    return found


def report(leaders: list[Leader], since: dt.date, min_days: int) -> str:
    table = counts(leaders)
    lines = [f"{len(leaders)} rows; rows per covered country and office (HS HG FM DM):"]
    for code in COVERED:
        cells = " ".join(f"{name}={table[code, name]:>2}" for name in OFFICES.values())
        lines.append(f"  {code}  {cells}  total={sum(table[code, name] for name in OFFICES.values())}")
    others = Counter(leader.code for leader in leaders if leader.code not in COVERED)
    lines.append("other codes: " + ", ".join(f"{code}={count}" for code, count in sorted(others.items())))
    holes = gaps(leaders, since, dt.date.today(), min_days)
    lines.append(f"stretches of more than {min_days} days since {since} with no holder in the table: {len(holes)}")
    lines.extend(f"  {code} {name} {first} .. {last} ({(last - first).days + 1} days)"
                 for code, name, first, last in holes)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--since", type=dt.date.fromisoformat, default=dt.date(2000, 1, 1))
    parser.add_argument("--gaps", type=int, default=90, help="report gaps longer than this many days")
    args = parser.parse_args(argv)
    sys.stdout.write(report(Gazetteer.load().leaders, args.since, args.gaps))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
