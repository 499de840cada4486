"""Scale-out: the Ray Data engine (``ingest --engine ray``) and loading its Parquet output.

Ray is an optional extra (``pip install 'diplograph[ray]'``); nothing here imports it until a
Ray run starts, and then :class:`~diplograph.errors.MissingExtraError` says how to install it."""

from __future__ import annotations

from .outcomes import load_outcomes
from .ray_engine import ingest_ray

__all__ = ["ingest_ray", "load_outcomes"]
