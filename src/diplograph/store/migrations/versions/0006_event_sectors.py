"""Event sectors: actor_sectors and recipient_sectors on events, the CAMEO agent codes (GOV, MIL,
COP, JUD, ...) parallel to the actor and recipient codes, "-" where the whole state acts.

Rows coded before this revision keep NULL (no sectors known); `diplograph recode` refreshes them,
since the coder that gives sectors has a new extractor version (events-3).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a nullable column is a plain ALTER TABLE ... ADD COLUMN on both SQLite and PostgreSQL
    op.add_column("events", sa.Column("actor_sectors", sa.String(128), nullable=True))
    op.add_column("events", sa.Column("recipient_sectors", sa.String(128), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("recipient_sectors")
        batch.drop_column("actor_sectors")
