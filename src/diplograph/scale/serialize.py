"""Outcomes (a worker's account of one record) as JSON-ready dicts and back.

The Ray engine carries outcomes from its workers to the driver, and ``--output DIR`` keeps them
in Parquet files for ``diplograph load``; both use this one encoding, so what is loaded later is
exactly what the driver would have written at once. The encoding follows the dataclasses of
:mod:`diplograph.model` field by field (a field added there with a default is carried without a
change here); unknown keys in a row written by another version are ignored."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from ..errors import InputError
from ..ingest import Outcome
from ..model import Analysis, DateValue, Document, Event, FrameworkObservation, Mention, Rejected

FORMAT_VERSION = 1
_NESTED: tuple[type, ...] = (DateValue, Mention, Event, FrameworkObservation, Analysis, Document, Rejected)


def encode(value: Any) -> Any:
    """A dataclass tree as JSON-ready values (dates as ISO strings, tuples as lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def _tuple(value: Any) -> tuple[Any, ...] | None:
    return None if value is None else tuple(value)


def _identity(value: Any) -> Any:
    return value


def _field_decoder(annotation: str) -> Callable[[Any], Any]:
    """How to rebuild one field from its JSON value, read off the field's type annotation
    (``from __future__ import annotations`` makes it a string such as ``'dt.date | None'``)."""
    for cls in _NESTED:
        name = cls.__name__
        if annotation in (name, f"{name} | None"):
            return functools.partial(_decode_optional, cls)
        if annotation.startswith("list[") and annotation[5:-1] == name:
            return functools.partial(_decode_list, cls)
    if "dt.date" in annotation:
        return _date
    if annotation.startswith("tuple"):
        return _tuple
    return _identity


@functools.cache
def _decoders(cls: type) -> dict[str, Callable[[Any], Any]]:
    return {f.name: _field_decoder(str(f.type)) for f in dataclasses.fields(cls) if f.init}


def decode(cls: type, data: dict[str, Any]) -> Any:
    """The inverse of :func:`encode` for one of the model's dataclasses."""
    decoders = _decoders(cls)
    return cls(**{name: decoders[name](value) for name, value in data.items() if name in decoders})


def _decode_optional(cls: type, value: Any) -> Any:
    return None if value is None else decode(cls, value)


def _decode_list(cls: type, values: Any) -> list[Any]:
    return [decode(cls, v) for v in values or []]


def outcome_to_row(outcome: Outcome) -> dict[str, Any]:
    """One outcome as a flat row: a few columns to look at, and the whole outcome encoded."""
    document, rejected = outcome.document, outcome.rejected
    return {
        "kind": "rejected" if rejected is not None else "document",
        "input": rejected.input if rejected is not None else (document.input if document else ""),
        "doc_id": document.doc_id if document is not None else None,
        "format": FORMAT_VERSION,
        "outcome": {
            "document": encode(document) if document is not None else None,
            "analysis": encode(outcome.analysis) if outcome.analysis is not None else None,
            "rejected": encode(rejected) if rejected is not None else None,
            "already_coded": outcome.already_coded,
            "error": outcome.error,
        },
    }


def outcome_from_row(row: dict[str, Any]) -> Outcome:
    """The outcome of :func:`outcome_to_row`; a row that cannot be read raises InputError."""
    try:
        if int(row.get("format", 0)) > FORMAT_VERSION:
            raise InputError(f"an outcome row of format {row['format']} is newer than this diplograph "
                             f"(format {FORMAT_VERSION}): upgrade diplograph to load it", reason="bad-outcome")
        data = row["outcome"]
        return Outcome(
            document=_decode_optional(Document, data.get("document")),
            analysis=_decode_optional(Analysis, data.get("analysis")),
            rejected=_decode_optional(Rejected, data.get("rejected")),
            already_coded=bool(data.get("already_coded", False)),
            error=data.get("error"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"not a diplograph outcome row: {exc}", reason="bad-outcome") from None
