"""Database URLs, engines and migrations. SQLite (a file, WAL mode) by default; PostgreSQL
through ``postgresql://`` URLs with psycopg 3."""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import time
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from ..errors import MissingExtraError, NotFoundError, StoreError

logger = logging.getLogger(__name__)

HEAD_REVISION_HINT = "run `diplograph ingest` or any command with --db to migrate"
# the PostgreSQL advisory lock a migration holds ("dipl"): two first runs on one new database
# migrate one after the other instead of both creating the tables
MIGRATION_LOCK = 0x6469706C


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


def sqlite_file(db: str) -> Path | None:
    """The file a SQLite ``--db`` value names; None for PostgreSQL and in-memory databases."""
    db = db.strip()
    if db.startswith(("postgres", )) or ("://" in db and not db.startswith("sqlite:")):
        return None
    if db.startswith("sqlite:"):
        rest = db.split(":", 1)[1]
        if not rest.startswith("///"):
            return None  # sqlite:// (in memory)
        name = rest[3:].split("?", 1)[0]
        return Path(name) if name and name != ":memory:" else None
    return Path(db).expanduser() if db != ":memory:" else None


def check_location(db: str, *, create: bool) -> None:
    """Refuse, before any connection, a SQLite location that cannot be a database: a folder, and
    (unless ``create``) a file that does not exist. Connecting would create an empty file there,
    and a command that only reads must never leave one behind."""
    path = sqlite_file(db)
    if path is None:
        return
    if path.is_dir():
        raise StoreError(f"{db} is a folder, not a database file: give the path of a .sqlite file")
    if not create and not path.exists():
        raise NotFoundError(f"no diplograph database at {db} (run `diplograph ingest` first)")


def _shown(db: str) -> str:
    """The database location for a message, without a password."""
    path = sqlite_file(db)
    if path is not None:
        return str(path) if db.startswith("sqlite:") else db
    return re.sub(r"^([a-z0-9+]+://[^:/@]*):[^@]*@", r"\1:***@", db.strip())


def database_error(db: str, exc: SQLAlchemyError) -> StoreError:
    """One readable line for a database that cannot be used (the driver's first line of
    explanation, without SQLAlchemy's traceback and background link)."""
    original = getattr(exc, "orig", None) or exc
    reason = " ".join(str(original).split("\n", 1)[0].split())
    if reason.startswith("connection failed: "):
        reason = reason[len("connection failed: "):]
    if not db:
        return StoreError(f"database error: {reason}")
    where = _shown(db)
    if "file is not a database" in reason:
        return StoreError(f"{where} is not a SQLite database (the file holds something else)")
    if "unable to open database file" in reason:
        return StoreError(f"cannot open the SQLite database {where}: the file cannot be opened or created "
                          "(check the path and its permissions)")
    if "database disk image is malformed" in reason:
        return StoreError(f"the SQLite database {where} is damaged (database disk image is malformed)")
    if "readonly database" in reason:
        return StoreError(f"the SQLite database {where} is read-only: it cannot be updated")
    if where.startswith("postgresql"):
        return StoreError(f"cannot use the PostgreSQL database {where}: {reason}")
    return StoreError(f"cannot use the database {where}: {reason}")


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets `serve` read while an ingest writes; busy_timeout waits for the writer's lock
    _set_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _set_wal(cursor) -> None:  # type: ignore[no-untyped-def]
    # switching a new file to WAL needs an exclusive lock and SQLite answers "database is locked"
    # at once, without its busy handler, when another process holds one (two first runs on one
    # new file): wait for it here, as busy_timeout would
    deadline = time.monotonic() + 30
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


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
            # an unreachable server is reported after 10 s, not after the system's TCP timeout
            engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except SQLAlchemyError as exc:
        raise database_error(db, exc) from None
    return engine


def _alembic_config(connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    script_location = str(resources.files("diplograph.store").joinpath("migrations"))
    config = Config()
    config.set_main_option("script_location", script_location)
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (one linear Alembic history).

    Migrations run under a lock (SQLite: a ``BEGIN IMMEDIATE`` transaction around the whole
    upgrade; PostgreSQL: an advisory lock), so that two processes opening one new database at once
    migrate it one after the other: the second finds the schema made. A database already at the
    head is not locked at all (readers never wait for a writer here)."""
    try:
        if revision == "head" and current_revision(engine) == head_revision():
            return
        if engine.dialect.name == "sqlite":
            _migrate_sqlite(engine, revision)
            return
        with engine.begin() as connection:
            if engine.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            _upgrade(connection, revision)
    except SQLAlchemyError as exc:
        raise database_error(engine.url.render_as_string(hide_password=False), exc) from None


def _migrate_sqlite(engine: Engine, revision: str) -> None:
    # Python's sqlite3 runs DDL outside any transaction unless one is opened by hand; a connection
    # in autocommit mode (isolation_level None) lets the whole upgrade run in one IMMEDIATE
    # transaction, which a second migrator waits for (busy_timeout) and then finds done
    locked = create_engine(engine.url, poolclass=NullPool,
                           connect_args={"timeout": 30, "check_same_thread": False, "isolation_level": None})
    event.listen(locked, "connect", _sqlite_pragmas)
    try:
        with locked.connect() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            _upgrade(connection, revision)
            connection.commit()
    finally:
        locked.dispose()


def _upgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    command.upgrade(_alembic_config(connection), revision)


def database_problem(exc: SQLAlchemyError) -> str:
    """What went wrong, in the driver's words, without the SQL statement or its parameters
    (which may hold article text, and which an error body or message must never show)."""
    original = getattr(exc, "orig", None)
    text = str(original) if original is not None else str(exc)
    first = text.strip().splitlines()[0] if text.strip() else type(exc).__name__
    return first[:300]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@functools.cache
def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(resources.files("diplograph.store").joinpath("migrations")))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def has_schema(engine: Engine) -> bool:
    return inspect(engine).has_table("documents")
