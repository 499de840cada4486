"""The shipped reference table of known frameworks (``data/reference/frameworks.csv``).

It is data with its sources (see the README beside it). ``diplograph ingest`` loads it into a
database as observations with source ``reference`` unless ``--no-reference`` is given; queries
can leave those rows out. Extraction never reads it."""

from __future__ import annotations

import csv
import io
import logging
from importlib import resources

from ..errors import ConfigError
from ..model import STATUSES, TIERS, DateValue, FrameworkObservation
from ..store import Store

logger = logging.getLogger(__name__)

REFERENCE_SOURCE = "reference"
REFERENCE_FILE = ("data", "reference", "frameworks.csv")
COLUMNS = ("a", "b", "label", "tier", "status", "date", "date_precision", "source_url", "note")


def read_reference_text() -> str:
    try:
        return resources.files("diplograph").joinpath(*REFERENCE_FILE).read_text(encoding="utf-8")
    except OSError as exc:  # a broken install, not bad user input
        raise ConfigError(f"cannot read the reference table {'/'.join(REFERENCE_FILE)}: {exc}") from exc


def parse_reference(text: str) -> list[FrameworkObservation]:
    """Observations from the reference CSV text; a malformed row is a data error (ConfigError)."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"reference table lacks columns {missing}")
    observations = []
    for line, row in enumerate(reader, start=2):
        try:
            if row["tier"] not in TIERS or row["status"] not in STATUSES:
                raise ValueError(f"tier {row['tier']!r} / status {row['status']!r}")
            date = DateValue.parse(row["date"] or None, row["date_precision"] or None)
        except ValueError as exc:
            raise ConfigError(f"reference table line {line}: {exc}") from None
        observations.append(
            FrameworkObservation(
                a=row["a"],
                b=row["b"],
                label=row["label"],
                tier=row["tier"],
                status=row["status"],
                date=date,
                evidence="",
                source=REFERENCE_SOURCE,
                source_url=row["source_url"] or None,
                note=row["note"] or None,
                extractor=REFERENCE_SOURCE,
            )
        )
    return observations


def reference_observations() -> list[FrameworkObservation]:
    """The shipped reference table as observations (source 'reference')."""
    return parse_reference(read_reference_text())


def load_reference(store: Store) -> int:
    """Load (or reload) the reference rows into ``store``; idempotent. Returns the row count."""
    observations = reference_observations()
    count = store.write_reference(observations, extractor=REFERENCE_SOURCE)
    logger.info("loaded %d reference framework rows", count)
    return count
