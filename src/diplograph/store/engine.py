"""Database URLs, engines and migrations. SQLite (a file, WAL mode) by default; PostgreSQL
through ``postgresql://`` URLs with psycopg 3."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError

from ..errors import MissingExtraError, StoreError

logger = logging.getLogger(__name__)

HEAD_REVISION_HINT = "run `diplograph ingest` or any command with --db to migrate"


def database_url(db: str) -> str:
    """A SQLAlchemy URL from a ``--db`` value: a path, ``sqlite:///...`` or ``postgresql://...``."""
    db = db.strip()
    if not db:
        raise StoreError("empty database location")
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if db.startswith("postgresql+"):
        return db
    if db.startswith("sqlite:"):
        return db
    if "://" in db:
        raise StoreError(f"unsupported database URL {db!r}: use a file path or postgresql://")
    path = Path(db).expanduser()
    if path.parent and not path.parent.exists():
        raise StoreError(f"cannot create database {path}: folder {path.parent} does not exist")
    return f"sqlite:///{path}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets `serve` read while an ingest writes; busy_timeout waits for the writer's lock
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(db: str) -> Engine:
    url = database_url(db)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
            event.listen(engine, "connect", _sqlite_pragmas)
        else:
            try:
                import psycopg  # noqa: F401
            except ImportError:
                raise MissingExtraError("the PostgreSQL driver psycopg", "postgres") from None
            engine = create_engine(url, pool_pre_ping=True)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open database {db}: {exc}") from None
    return engine


def _alembic_config(connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    script_location = str(resources.files("diplograph.store").joinpath("migrations"))
    config = Config()
    config.set_main_option("script_location", script_location)
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (one linear Alembic history)."""
    from alembic import command

    try:
        with engine.begin() as connection:
            command.upgrade(_alembic_config(connection), revision)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate database {engine.url!r}: {exc}") from None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    with make_engine("sqlite://").connect() as connection:
        script = ScriptDirectory.from_config(_alembic_config(connection))
        head = script.get_current_head()
    assert head is not None
    return head


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("documents")
