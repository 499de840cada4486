"""The database schema (SQLAlchemy Core). Alembic migrations under ``migrations/`` create and
evolve it; a test checks that the migrated database matches these tables."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

# One row per distinct text (doc_id = hash of the normalized text).
documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(64), primary_key=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("language", String(16)),
    # the earliest publication date among the records that carried this text: relative dates resolve against it
    Column("published", String(10)),
    Column("url", Text),  # the first URL seen; every URL is in document_sources
    Column("removed", Text, nullable=False, default="[]"),  # JSON list of boilerplate removed
    Column("title_end", Integer),
    Column("chars", Integer, nullable=False, default=0),
    Column("extractor", String(64)),  # the coder version whose observations are stored; NULL: not coded
    Column("added_at", String(32), nullable=False),
)
Index("ix_documents_published", documents.c.published)

# Every record that carried a document's text: its own id, URL, date and input.
document_sources = Table(
    "document_sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("record_id", Text),
    Column("url", Text),
    Column("published", String(10)),
    Column("input", Text, nullable=False, default=""),
    Column("source_key", String(64), nullable=False),  # hash of (record_id, url, published, input)
    Column("added_at", String(32), nullable=False),
    UniqueConstraint("doc_id", "source_key"),
)
Index("ix_document_sources_doc_id", document_sources.c.doc_id)

# Inputs that could not become documents, with the reason.
rejects = Table(
    "rejects",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("input", Text, nullable=False),
    Column("record_id", Text),
    Column("reason", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
    Column("reject_key", String(64), nullable=False, unique=True),
    Column("added_at", String(32), nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("codes", String(64), nullable=False),  # space-separated actor codes
    Column("kind", String(16), nullable=False),
    Column("via", String(16)),
    Column("sector", String(32)),
    Column("person", Text),
    Column("role", Text),
)
Index("ix_mentions_doc_id", mentions.c.doc_id)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), nullable=False),
    Column("sentence_index", Integer),
    Column("sentence_start", Integer),
    Column("sentence", Text, nullable=False),
    Column("actor", String(128), nullable=False, default=""),  # space-separated codes
    Column("recipient", String(128), nullable=False, default=""),
    Column("event", String(16), nullable=False),
    Column("mode", String(32)),
    Column("contexts", String(256), nullable=False, default=""),  # space-separated
    Column("modality", String(16), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8), nullable=False, default="none"),
    Column("date_end", String(10)),
    Column("intensity", Float),
    Column("quad_class", Integer),
    Column("cameo_root", String(4)),
    Column("goldstein", Float),
    Column("trigger", Text),
    Column("confidence", Float),
    Column("extractor", String(64), nullable=False, default=""),
)
Index("ix_events_doc_id", events.c.doc_id)
Index("ix_events_date", events.c.date)
Index("ix_events_event_date", events.c.event, events.c.date)

# One row per (event, party): what makes actor/recipient searches fast.
event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("role", String(1), nullable=False),  # 'a' actor, 'r' recipient
    Column("code", String(16), nullable=False),
    Column("date", String(10)),
)
Index("ix_event_actors_code_role_date", event_actors.c.code, event_actors.c.role, event_actors.c.date)
Index("ix_event_actors_event_id", event_actors.c.event_id)
Index("ix_event_actors_code_role_event_id", event_actors.c.code, event_actors.c.role, event_actors.c.event_id)

framework_observations = Table(
    "framework_observations",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    # NULL for reference rows, which come from the shipped table rather than a document
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE")),
    Column("a", String(16), nullable=False),
    Column("b", String(16), nullable=False),
    Column("label", Text, nullable=False),
    Column("tier", String(8), nullable=False),
    Column("status", String(16), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(8), nullable=False, default="none"),
    Column("evidence", Text, nullable=False, default=""),
    Column("sentence_index", Integer),
    Column("sentence_start", Integer),
    Column("in_title", Boolean, nullable=False, default=False),
    Column("source", String(16), nullable=False, default="news"),
    Column("source_url", Text),
    Column("note", Text),
    Column("extractor", String(64), nullable=False, default=""),
)
Index("ix_framework_observations_pair", framework_observations.c.a, framework_observations.c.b)
Index("ix_framework_observations_b", framework_observations.c.b)
Index("ix_framework_observations_doc_id", framework_observations.c.doc_id)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("command", Text, nullable=False, default=""),
    Column("report", Text),  # JSON account of the run
)

# Knowledge base (diplograph.kb): one MinHash signature per document, computed once, so that
# syndicated copies of a story count as one source when observations become facts.
doc_signatures = Table(
    "doc_signatures",
    metadata,
    Column("doc_id", String(64), ForeignKey("documents.doc_id", ondelete="CASCADE"), primary_key=True),
    Column("scheme", String(32), nullable=False),  # shingling and permutation settings
    Column("signature", LargeBinary, nullable=False),
)
