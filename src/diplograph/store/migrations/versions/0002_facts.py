"""Knowledge base: document signatures for near-duplicate (syndication) detection.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "doc_signatures",
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("scheme", sa.String(32), nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("doc_id", name="pk_doc_signatures"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_doc_signatures_doc_id_documents"),
    )


def downgrade() -> None:
    op.drop_table("doc_signatures")
