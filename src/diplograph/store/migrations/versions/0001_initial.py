"""Initial schema: documents and their sources, rejects, mentions, events, framework
observations, runs.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("doc_id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("published", sa.String(10)),
        sa.Column("url", sa.Text),
        sa.Column("removed", sa.Text, nullable=False),
        sa.Column("title_end", sa.Integer),
        sa.Column("chars", sa.Integer, nullable=False),
        sa.Column("extractor", sa.String(64)),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_documents"),
    )
    op.create_index("ix_documents_published", "documents", ["published"])
    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("record_id", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("source_key", sa.String(64), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_sources"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_document_sources_doc_id_documents"),
        sa.UniqueConstraint("doc_id", "source_key", name="uq_document_sources_doc_id_source_key"),
    )
    op.create_index("ix_document_sources_doc_id", "document_sources", ["doc_id"])
    op.create_table(
        "rejects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("input", sa.Text, nullable=False),
        sa.Column("record_id", sa.Text),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("reject_key", sa.String(64), nullable=False),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_rejects"),
        sa.UniqueConstraint("reject_key", name="uq_rejects_reject_key"),
    )
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("codes", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("via", sa.String(16)),
        sa.Column("sector", sa.String(32)),
        sa.Column("person", sa.Text),
        sa.Column("role", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_mentions_doc_id_documents"),
    )
    op.create_index("ix_mentions_doc_id", "mentions", ["doc_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("recipient", sa.String(128), nullable=False),
        sa.Column("event", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("contexts", sa.String(256), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("date_end", sa.String(10)),
        sa.Column("intensity", sa.Float),
        sa.Column("quad_class", sa.Integer),
        sa.Column("cameo_root", sa.String(4)),
        sa.Column("goldstein", sa.Float),
        sa.Column("trigger", sa.Text),
        sa.Column("confidence", sa.Float),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_events_doc_id_documents"),
    )
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.create_index("ix_events_date", "events", ["date"])
    op.create_index("ix_events_event_date", "events", ["event", "date"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(1), nullable=False),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE",
                                name="fk_event_actors_event_id_events"),
    )
    op.create_index("ix_event_actors_code_role_date", "event_actors", ["code", "role", "date"])
    op.create_index("ix_event_actors_event_id", "event_actors", ["event_id"])
    op.create_table(
        "framework_observations",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String(64)),
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("tier", sa.String(8), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(8), nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("sentence_start", sa.Integer),
        sa.Column("in_title", sa.Boolean, nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("source_url", sa.Text),
        sa.Column("note", sa.Text),
        sa.Column("extractor", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_framework_observations"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_framework_observations_doc_id_documents"),
    )
    op.create_index("ix_framework_observations_pair", "framework_observations", ["a", "b"])
    op.create_index("ix_framework_observations_b", "framework_observations", ["b"])
    op.create_index("ix_framework_observations_doc_id", "framework_observations", ["doc_id"])
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("command", sa.Text, nullable=False),
        sa.Column("report", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_runs"),
    )


def downgrade() -> None:
    for table in ("runs", "framework_observations", "event_actors", "events", "mentions", "rejects",
                  "document_sources", "documents"):
        op.drop_table(table)
