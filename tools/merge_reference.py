"""Merge new rows into the shipped reference table (src/diplograph/data/reference/frameworks.csv).

    python tools/merge_reference.py NEW.csv [MORE.csv ...]      # merge, sort, write the table
    python tools/merge_reference.py NEW.csv --dry-run           # say what would change

Each input has the table's columns (a,b,label,tier,status,date,date_precision,source_url,note).
A row already in the table (same pair, label, status and date) is left out and listed; every
other row is added. The table is written back sorted by pair, then date, in the table's own
format (minimal quoting, LF line ends). Run `diplograph reference check` afterwards: merging
does not validate, the check does."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from diplograph.kb.reference import COLUMNS, ReferenceRow, read_rows

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "diplograph" / "data" / "reference" / "frameworks.csv"


def _say(text: str) -> None:
    sys.stdout.write(text + "\n")


def _key(row: ReferenceRow) -> tuple[str, ...]:
    return (row.a, row.b, row.label.lower(), row.status, row.date)


def sort_key(row: ReferenceRow) -> tuple[str, str, str, int, str]:
    # 'YYYY' < 'YYYY-MM' < 'YYYY-MM-DD' as strings: a vaguer date of one year sorts first
    return (row.a, row.b, row.date, 0 if row.status == "established" else 1, row.label)


def render(rows: list[ReferenceRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, c) for c in COLUMNS])
    return out.getvalue()


def merge(table: list[ReferenceRow], new: list[ReferenceRow]) -> tuple[list[ReferenceRow], list[ReferenceRow]]:
    """The merged rows (sorted) and the new rows left out as already present."""
    present = {_key(r) for r in table}
    added, skipped = [], []
    for row in new:
        if _key(row) in present:
            skipped.append(row)
            continue
        present.add(_key(row))
        added.append(row)
    return sorted([*table, *added], key=sort_key), skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path, help="CSV files of new rows.")
    parser.add_argument("--table", type=Path, default=TABLE, help="The table to merge into.")
    parser.add_argument("--dry-run", action="store_true", help="Report only; write nothing.")
    args = parser.parse_args(argv)
    table = read_rows(args.table.read_text(encoding="utf-8"))
    new = [row for path in args.inputs for row in read_rows(path.read_text(encoding="utf-8"))]
    merged, skipped = merge(table, new)
    for row in skipped:
        _say(f"already in the table: {row.a},{row.b},{row.label},{row.date} (input line {row.line})")
    _say(f"{len(table)} rows + {len(new) - len(skipped)} new = {len(merged)} rows, "
         f"{len({r.pair for r in merged})} pairs")
    if not args.dry_run:
        args.table.write_text(render(merged), encoding="utf-8")
        _say(f"wrote {args.table}; now run: diplograph reference check")
    return 0


if __name__ == "__main__":
    sys.exit(main())
