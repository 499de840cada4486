"""An index to find one stored fact by its id: pair_facts(fact_id, scope).

/api/facts gives each fact's first evidence records and a cursor for the rest, which
/api/facts/{fact_id}/evidence pages through: that endpoint looks a fact up by its id.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_pair_facts_fact_id_scope", "pair_facts", ["fact_id", "scope"])


def downgrade() -> None:
    op.drop_index("ix_pair_facts_fact_id_scope", table_name="pair_facts")
