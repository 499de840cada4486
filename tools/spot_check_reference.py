"""Draw the rows of the reference table for a spot check (docs/reference.md, "Spot check").

    python tools/spot_check_reference.py                    # round 1: 30 rows, seed 15, as Markdown
    python tools/spot_check_reference.py --round 2          # the next 30 rows (after an error was found)
    python tools/spot_check_reference.py --format csv       # the same rows as CSV

The draw is fixed by the seed: every row gets the SHA-256 of the seed and the row's own fields
(pair, label, tier, status, date, source), and the rows are taken in the order of those hashes,
30 per round. A row's place does not depend on the other rows, so adding rows elsewhere in the
table leaves the earlier draw's rows drawn, and round N+1 never repeats a row of rounds 1..N.
A row corrected after a check gets a new hash (and may be drawn again later: it is a new row); so
that a correction does not move unchecked rows into an earlier round's places, every round of one
spot check is drawn from the table version of its round 1 (`--table` on that version, e.g.
`git show REV:src/diplograph/data/reference/frameworks.csv > /tmp/t.csv`), as docs/reference.md
records. The output names the table version (a hash of the file) the rows were drawn from."""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

from diplograph.kb.reference import ReferenceRow, read_table

SEED = "15"  # issue 15; record it with the list in docs/reference.md
PER_ROUND = 30


def draw_key(seed: str, row: ReferenceRow) -> str:
    fields = (row.a, row.b, row.label, row.tier, row.status, row.date, row.source_url)
    return hashlib.sha256("\x1f".join((seed, *fields)).encode("utf-8")).hexdigest()


def draw(rows: list[ReferenceRow], seed: str = SEED, round_number: int = 1,
         per_round: int = PER_ROUND) -> list[ReferenceRow]:
    """The rows of one round of the spot check, in draw order."""
    if round_number < 1:
        raise ValueError("rounds are numbered from 1")
    ordered = sorted(rows, key=lambda r: (draw_key(seed, r), r.line))
    return ordered[(round_number - 1) * per_round:round_number * per_round]


def markdown(rows: list[ReferenceRow], start: int) -> str:
    lines = ["| # | line | pair | label | tier | status | date | source | the fact, in the checker's words | verdict |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for n, row in enumerate(rows, start=start):
        lines.append(f"| {n} | {row.line} | {row.a}–{row.b} | {row.label} | {row.tier} | {row.status} | {row.date} "
                     f"| {row.source_url} | | |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", default=SEED, help=f"The seed (default {SEED}).")
    parser.add_argument("--round", type=int, default=1, dest="round_number", help="Which round of 30 (default 1).")
    parser.add_argument("--per-round", type=int, default=PER_ROUND, help=f"Rows a round (default {PER_ROUND}).")
    parser.add_argument("--table", type=Path, default=None, help="A table CSV (default: the shipped one).")
    parser.add_argument("--format", choices=("markdown", "csv"), default="markdown")
    args = parser.parse_args(argv)
    table = read_table(args.table)
    rows = draw(table.rows, args.seed, args.round_number, args.per_round)
    out = sys.stdout
    if args.format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["n", "line", "a", "b", "label", "tier", "status", "date", "date_precision", "source_url"])
        for n, row in enumerate(rows, start=(args.round_number - 1) * args.per_round + 1):
            writer.writerow([n, row.line, row.a, row.b, row.label, row.tier, row.status, row.date,
                             row.date_precision, row.source_url])
        return 0
    out.write(f"Round {args.round_number}: seed {args.seed}, table version {table.version} "
              f"({len(table.rows)} rows), drawn by tools/spot_check_reference.py\n\n")
    out.write(markdown(rows, (args.round_number - 1) * args.per_round + 1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
