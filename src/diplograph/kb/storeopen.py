"""Opening an existing database for queries: a missing database is an error (not a new empty
one), and an older schema is brought up to date first (the kb's own tables)."""

from __future__ import annotations

from ..store import Store, migrate


def open_store(db: str) -> Store:
    store = Store(db, create=False)  # NotFoundError when there is no diplograph database
    migrate(store.engine)
    return store
