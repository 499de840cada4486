"""The shipped reference table of known frameworks (``data/reference/frameworks.csv``).

It is data with its sources (see the README beside it and docs/reference.md). ``diplograph
ingest`` and ``diplograph reference load`` load it into a database through :func:`load_reference_table`,
as observations with source ``reference``; queries can leave those rows out. Extraction never
reads it. :mod:`.reference_check` validates the file; :mod:`.reference_coverage` summarises it."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..model import STATUSES, TIERS, DateValue, FrameworkObservation
from ..store import Store
from .materialize import refresh_stale

logger = logging.getLogger(__name__)

REFERENCE_SOURCE = "reference"
REFERENCE_FILE = ("data", "reference", "frameworks.csv")
COLUMNS = ("a", "b", "label", "tier", "status", "date", "date_precision", "source_url", "note")


@dataclass(frozen=True)
class ReferenceRow:
    """One row of the table as written (nothing validated yet); ``line`` is its line in the file."""

    line: int
    a: str
    b: str
    label: str
    tier: str
    status: str
    date: str
    date_precision: str
    source_url: str
    note: str

    @property
    def pair(self) -> tuple[str, str]:
        return (self.a, self.b)

    def to_dict(self) -> dict[str, str | int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class ReferenceTable:
    """The rows of one reference file with its version (a hash of its content)."""

    rows: list[ReferenceRow]
    version: str
    path: str


@dataclass(frozen=True)
class ReferenceLoad:
    """What loading the table into a database did: rows written, and how they differ from the
    reference rows the database held before (a corrected row counts once removed, once added)."""

    rows: int
    added: int
    removed: int
    version: str

    def to_dict(self) -> dict[str, int | str]:
        return {"rows": self.rows, "added": self.added, "removed": self.removed, "version": self.version}


def shipped_path() -> str:
    return "/".join(REFERENCE_FILE)


def read_reference_text(path: str | Path | None = None) -> str:
    """The CSV text of ``path``, or of the shipped table when None."""
    try:
        if path is not None:
            return Path(path).read_text(encoding="utf-8")
        return resources.files("diplograph").joinpath(*REFERENCE_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        where = str(path) if path is not None else shipped_path()
        raise ConfigError(f"cannot read the reference table {where}: {exc}") from exc


def table_version(text: str) -> str:
    """The table's version: the first 12 hex digits of the SHA-256 of its text. It changes with
    every edit, so a report about a row can name the exact table it was read from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def read_rows(text: str) -> list[ReferenceRow]:
    """Every row of the CSV text, as written; only a missing column is an error here (the other
    problems are for :func:`.reference_check.check_rows` to report, all at once)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"reference table lacks columns {missing}")
    return [ReferenceRow(line=reader.line_num, **{c: (row.get(c) or "").strip() for c in COLUMNS})
            for row in reader]


def read_table(path: str | Path | None = None) -> ReferenceTable:
    """The rows and version of ``path`` (default: the shipped table)."""
    text = read_reference_text(path)
    return ReferenceTable(rows=read_rows(text), version=table_version(text),
                          path=str(path) if path is not None else shipped_path())


def row_observation(row: ReferenceRow) -> FrameworkObservation:
    """The observation a row stands for; ValueError when its tier, status or date is malformed."""
    if row.tier not in TIERS or row.status not in STATUSES:
        raise ValueError(f"tier {row.tier!r} / status {row.status!r}")
    date = DateValue.parse(row.date or None, row.date_precision or None)
    return FrameworkObservation(
        a=row.a,
        b=row.b,
        label=row.label,
        tier=row.tier,
        status=row.status,
        date=date,
        evidence="",
        source=REFERENCE_SOURCE,
        source_url=row.source_url or None,
        note=row.note or None,
        extractor=REFERENCE_SOURCE,
    )


def parse_reference(text: str) -> list[FrameworkObservation]:
    """Observations from the reference CSV text; a malformed row is a data error (ConfigError)."""
    observations = []
    for row in read_rows(text):
        try:
            observations.append(row_observation(row))
        except ValueError as exc:
            raise ConfigError(f"reference table line {row.line}: {exc}") from None
    return observations


def reference_observations() -> list[FrameworkObservation]:
    """The shipped reference table as observations (source 'reference')."""
    return parse_reference(read_reference_text())


def load_reference_table(store: Store, path: str | Path | None = None) -> ReferenceLoad:
    """Load the table at ``path`` (default: the shipped one) into ``store`` as the reference rows,
    replacing whatever reference rows the store held: a corrected row replaces the old one, none
    is duplicated, and loading the same table again changes nothing. The one loader of the
    reference table: ``ingest`` and ``reference load`` both call it."""
    text = read_reference_text(path)
    written = store.write_reference(parse_reference(text), extractor=REFERENCE_SOURCE)
    result = ReferenceLoad(rows=written.rows, added=written.added, removed=written.removed,
                           version=table_version(text))
    logger.info("loaded %d reference framework rows (table %s: %d added, %d removed)",
                result.rows, result.version, result.added, result.removed)
    return result


def load_reference(store: Store) -> int:
    """Load (or reload) the shipped reference rows into ``store``; idempotent. Returns the row count."""
    return load_reference_table(store).rows


def load_reference_database(db: str, path: str | Path | None = None) -> ReferenceLoad:
    """``diplograph reference load``: load the table into the database at ``db`` (created when
    there is none), then rebuild the stored facts of the pairs it changed so that the next
    question is answered at once."""
    with Store(db) as store:
        result = load_reference_table(store, path)
        refresh_stale(store)
    return result
