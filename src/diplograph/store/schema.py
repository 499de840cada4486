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
    # space-separated CAMEO agent codes parallel to actor/recipient, "-" where the whole state acts
    # (migration 0005); NULL on rows coded before sectors existed
    Column("actor_sectors", String(128)),
    Column("recipient_sectors", String(128)),
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

# ---------------------------------------------------------------- derived tables (migration 0004)
# They make the knowledge base's questions indexed reads at a million events; each is derived
# from the tables above and rebuilt from them (diplograph.kb.materialize), never edited by hand.

# One row per event and pair of its distinct parties (a < b), dated by the event's date or else its
# document's publication date ('undated' when neither): a pair's timeline pages through this index.
event_pairs = Table(
    "event_pairs",
    metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("a", String(16), nullable=False),
    Column("b", String(16), nullable=False),
    Column("day", String(10), nullable=False),
    Column("quad_class", Integer),
)
Index("ix_event_pairs_a_b_day_event_id_quad_class", event_pairs.c.a, event_pairs.c.b, event_pairs.c.day,
      event_pairs.c.event_id, event_pairs.c.quad_class)
Index("ix_event_pairs_event_id", event_pairs.c.event_id)

# Event reports per pair, month and QuadClass (0: unknown), counted as event_pairs rows come and go
# (store.derived): a timeline's month density without counting every event of the pair.
event_months = Table(
    "event_months",
    metadata,
    Column("a", String(16), primary_key=True),
    Column("b", String(16), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("quad_class", Integer, primary_key=True),
    Column("events", Integer, nullable=False),
)

# Per pair with framework observations: ``changed`` is bumped in the transaction that writes or
# removes any of the pair's observations; ``built`` is the ``changed`` value the stored facts and
# states were computed from. built < changed: the pair's facts are stale and are rebuilt on read.
pair_status = Table(
    "pair_status",
    metadata,
    Column("a", String(16), primary_key=True),
    Column("b", String(16), primary_key=True),
    Column("changed", Integer, nullable=False, default=1),
    Column("built", Integer, nullable=False, default=0),
    Column("built_at", String(32)),
)
Index("ix_pair_status_b", pair_status.c.b)

# A pair's consolidated facts (kb.consolidate) for each scope: 'all' (news and the reference table)
# and 'news' (news only), or 'both' when the pair has no reference rows. ``day`` orders a
# timeline (the fact's date, else in-force-by, else 'undated').
pair_facts = Table(
    "pair_facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("a", String(16), nullable=False),
    Column("b", String(16), nullable=False),
    Column("scope", String(8), nullable=False),
    Column("day", String(10), nullable=False),
    Column("fact_id", String(16), nullable=False),
    Column("change", String(16), nullable=False),
    Column("record", Text, nullable=False),  # JSON: the fact without its evidence
    Column("evidence", Text, nullable=False),  # JSON: every evidence record
)
Index("ix_pair_facts_a_b_scope_day", pair_facts.c.a, pair_facts.c.b, pair_facts.c.scope, pair_facts.c.day)
Index("ix_pair_facts_b_scope", pair_facts.c.b, pair_facts.c.scope)
Index("ix_pair_facts_scope_day", pair_facts.c.scope, pair_facts.c.day)
Index("ix_pair_facts_fact_id_scope", pair_facts.c.fact_id, pair_facts.c.scope)

# A pair's as-of state (kb.asof.pair_state) as date segments [valid_from, valid_to): the state is
# constant between two fact start dates, so "partners of X on D" is one indexed read. ``country``
# is the ladder the tiers were ranked by ('' when neither party has its own ladder).
pair_states = Table(
    "pair_states",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("a", String(16), nullable=False),
    Column("b", String(16), nullable=False),
    Column("scope", String(8), nullable=False),
    Column("country", String(16), nullable=False),
    Column("valid_from", String(10), nullable=False),
    Column("valid_to", String(10), nullable=False),  # exclusive; '9999-12-31' when open
    Column("record", Text, nullable=False),  # JSON: the state with its evidence capped
)
Index("ix_pair_states_a_scope_valid_from", pair_states.c.a, pair_states.c.scope, pair_states.c.valid_from,
      pair_states.c.valid_to)
Index("ix_pair_states_b_scope_valid_from", pair_states.c.b, pair_states.c.scope, pair_states.c.valid_from,
      pair_states.c.valid_to)
