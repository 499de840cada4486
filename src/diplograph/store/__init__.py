"""Storage: one schema (SQLAlchemy Core) on SQLite or PostgreSQL, migrated by Alembic."""

from __future__ import annotations

from .engine import current_revision, database_url, head_revision, make_engine, migrate
from .store import Store, WriteResult, split_codes, split_sectors

__all__ = ["Store", "WriteResult", "current_revision", "database_url", "head_revision", "make_engine",
           "migrate", "split_codes", "split_sectors"]
