"""Alembic environment: the connection is handed over by diplograph.store.migrate."""

from __future__ import annotations

from alembic import context

from diplograph.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through diplograph.store.migrate
    raise RuntimeError("run migrations through diplograph.store.migrate()")

context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
