"""opening: who entered a summary read from the documents, and who checked it;
the statement and certificate of a confirmation signed on a USB key

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 23:58:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('opening_bid', schema=None) as batch_op:
        batch_op.add_column(sa.Column('summary_entered_by', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('summary_checked_by', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            'fk_opening_bid_summary_entered_by', 'app_user', ['summary_entered_by'], ['id']
        )
        batch_op.create_foreign_key(
            'fk_opening_bid_summary_checked_by', 'app_user', ['summary_checked_by'], ['id']
        )


    with op.batch_alter_table('opening_confirmation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('signed_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('certificate_pem', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('opening_confirmation', schema=None) as batch_op:
        batch_op.drop_column('certificate_pem')
        batch_op.drop_column('signed_text')
    with op.batch_alter_table('opening_bid', schema=None) as batch_op:
        batch_op.drop_constraint('fk_opening_bid_summary_checked_by', type_='foreignkey')
        batch_op.drop_constraint('fk_opening_bid_summary_entered_by', type_='foreignkey')
        batch_op.drop_column('summary_checked_by')
        batch_op.drop_column('summary_entered_by')
