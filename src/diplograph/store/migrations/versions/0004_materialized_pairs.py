"""Derived tables that make the knowledge base's questions indexed reads at scale: event_pairs
(a pair's events by day), event_months (their counts per month), pair_status (which pairs' facts are stale), pair_facts (consolidated
facts per pair) and pair_states (as-of states per pair as date segments).

Measured by bench/bench_queries.py at 1M events and 100k framework observations: `partners`
consolidated every observation of the country per request (p95 1.3 s SQLite, 1.5 s PostgreSQL) and a
pair timeline returned every event of the pair (USA-CHN: 22k entries, p95 3.2 s); see docs/benchmarks.md
for the figures with these tables.

The upgrade fills event_pairs from the stored events and marks every pair with framework
observations stale, so their facts are built on first use (or by the next ingest).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "event_pairs",
        sa.Column("event_id", sa.Integer, nullable=False),
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("quad_class", sa.Integer),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE", name="fk_event_pairs_event_id_events"),
    )
    op.create_index("ix_event_pairs_a_b_day_event_id_quad_class", "event_pairs",
                    ["a", "b", "day", "event_id", "quad_class"])
    op.create_index("ix_event_pairs_event_id", "event_pairs", ["event_id"])
    op.create_table(
        "event_months",
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("month", sa.String(7), nullable=False),
        sa.Column("quad_class", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("a", "b", "month", "quad_class", name="pk_event_months"),
    )
    op.create_table(
        "pair_status",
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("changed", sa.Integer, nullable=False),
        sa.Column("built", sa.Integer, nullable=False),
        sa.Column("built_at", sa.String(32)),
        sa.PrimaryKeyConstraint("a", "b", name="pk_pair_status"),
    )
    op.create_index("ix_pair_status_b", "pair_status", ["b"])
    op.create_table(
        "pair_facts",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("fact_id", sa.String(16), nullable=False),
        sa.Column("change", sa.String(16), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pair_facts"),
    )
    op.create_index("ix_pair_facts_a_b_scope_day", "pair_facts", ["a", "b", "scope", "day"])
    op.create_index("ix_pair_facts_b_scope", "pair_facts", ["b", "scope"])
    op.create_index("ix_pair_facts_scope_day", "pair_facts", ["scope", "day"])
    op.create_table(
        "pair_states",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("a", sa.String(16), nullable=False),
        sa.Column("b", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(8), nullable=False),
        sa.Column("country", sa.String(16), nullable=False),
        sa.Column("valid_from", sa.String(10), nullable=False),
        sa.Column("valid_to", sa.String(10), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_pair_states"),
    )
    op.create_index("ix_pair_states_a_scope_valid_from", "pair_states", ["a", "scope", "valid_from", "valid_to"])
    op.create_index("ix_pair_states_b_scope_valid_from", "pair_states", ["b", "scope", "valid_from", "valid_to"])

    op.execute(
        "INSERT INTO event_pairs (event_id, a, b, day, quad_class) "
        "SELECT DISTINCT e.id, x.code, y.code, COALESCE(e.date, d.published, 'undated'), e.quad_class "
        "FROM event_actors x JOIN event_actors y ON y.event_id = x.event_id AND x.code < y.code "
        "JOIN events e ON e.id = x.event_id JOIN documents d ON d.doc_id = e.doc_id"
    )
    # the statement store.derived.rebuild_event_months runs (copied: a migration must not change
    # when the code does)
    op.execute(
        "INSERT INTO event_months (a, b, month, quad_class, events) "
        "SELECT a, b, substr(day, 1, 7), CASE WHEN quad_class IN (1, 2, 3, 4) THEN quad_class ELSE 0 END, count(*) "
        "FROM event_pairs WHERE day <> 'undated' "
        "GROUP BY a, b, substr(day, 1, 7), CASE WHEN quad_class IN (1, 2, 3, 4) THEN quad_class ELSE 0 END"
    )
    op.execute(
        "INSERT INTO pair_status (a, b, changed, built) "
        "SELECT DISTINCT a, b, 1, 0 FROM framework_observations"
    )


def downgrade() -> None:
    for table in ("pair_states", "pair_facts", "pair_status", "event_months", "event_pairs"):
        op.drop_table(table)
