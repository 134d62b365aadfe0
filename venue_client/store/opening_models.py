"""Rows of a bid opening (开标会) beyond ``OpeningSession``'s state: how it was run,
each bid's decryption with its attempts and opening summary, the representatives'
confirmations and the objections heard on the spot.

Money is kept as a decimal string (never a float); ID numbers are not stored here
(people are referred to by their check-in row).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from venue_client.store.models import Base, Bid, Bidder


class OpeningRun(Base):
    """How one opening session was run: host, supervisor, the decryption window, policy."""

    __tablename__ = "opening_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("opening_session.id", name="fk_opening_run_session"), unique=True
    )
    host_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_run_host")
    )
    supervisor_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_run_supervisor")
    )
    checkin_started_at: Mapped[datetime]
    allow_late_decrypt: Mapped[bool] = mapped_column(default=True)
    bid_count: Mapped[int] = mapped_column(default=0)
    outcome: Mapped[str] = mapped_column(String(16), default="")  # opened | no_opening
    outcome_reason: Mapped[str] = mapped_column(String(32), default="")  # too_few_bids
    decrypt_minutes: Mapped[int] = mapped_column(default=30)  # DECRYPT_MINUTES in force
    deadline: Mapped[datetime | None]  # end of the decryption window
    decryption_started_at: Mapped[datetime | None]
    decryption_closed_at: Mapped[datetime | None]
    decryption_close_reason: Mapped[str] = mapped_column(String(16), default="")
    confirmation_started_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]


class OpeningBid(Base):
    """One bid at one opening: decryption state, the result when not decrypted, and the
    opening summary (开标一览表) once decrypted."""

    __tablename__ = "opening_bid"
    __table_args__ = (UniqueConstraint("session_id", "bid_id", name="uq_opening_bid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("opening_session.id", name="fk_opening_bid_session"), index=True
    )
    bid_id: Mapped[int] = mapped_column(ForeignKey("bid.id", name="fk_opening_bid_bid"))
    bidder_id: Mapped[int] = mapped_column(ForeignKey("bidder.id", name="fk_opening_bid_bidder"))
    state: Mapped[str] = mapped_column(String(16), default="not_started")  # BidState
    result: Mapped[str] = mapped_column(String(16), default="")  # "" | withdrawn | retracted
    cause: Mapped[str] = mapped_column(String(32), default="")  # Cause, when not decrypted
    method: Mapped[str] = mapped_column(String(16), default="")  # token | backup, on success
    decrypted_at: Mapped[datetime | None]
    price: Mapped[str | None] = mapped_column(String(40))  # decimal string, PRICE_UNIT
    duration: Mapped[str] = mapped_column(String(100), default="")  # 工期 as declared
    quality: Mapped[str] = mapped_column(String(200), default="")
    other_items: Mapped[dict[str, Any]] = mapped_column(default=dict)
    plaintext_path: Mapped[str | None] = mapped_column(String(500))
    plaintext_size: Mapped[int | None] = mapped_column(BigInteger)
    plaintext_sha256: Mapped[str | None] = mapped_column(String(64))
    # When the envelope declared no summary (CMS): who entered it from the documents,
    # and the supervisor who checked it (唱标录入). None for a declared summary.
    summary_entered_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_bid_summary_entered_by")
    )
    summary_checked_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_bid_summary_checked_by")
    )
    attempts: Mapped[list[DecryptionAttempt]] = relationship(
        back_populates="opening_bid", order_by="DecryptionAttempt.id"
    )
    bid: Mapped[Bid] = relationship()
    bidder: Mapped[Bidder] = relationship()


class DecryptionAttempt(Base):
    """One try at decrypting a bid: who, when, how, and how it ended."""

    __tablename__ = "decryption_attempt"
    id: Mapped[int] = mapped_column(primary_key=True)
    opening_bid_id: Mapped[int] = mapped_column(
        ForeignKey("opening_bid.id", name="fk_decryption_attempt_bid"), index=True
    )
    method: Mapped[str] = mapped_column(String(16))  # token | backup
    operator_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_decryption_attempt_operator")
    )
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", name="fk_decryption_attempt_checkin")
    )  # the representative at the desk
    approved_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_decryption_attempt_approver")
    )  # the supervisor, for the backup key
    late: Mapped[bool] = mapped_column(default=False)
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    outcome: Mapped[str] = mapped_column(
        String(16), default="running"
    )  # running|success|failed|refused
    cause: Mapped[str] = mapped_column(String(32), default="")
    detail: Mapped[str] = mapped_column(String(300), default="")  # the message as shown
    opening_bid: Mapped[OpeningBid] = relationship(back_populates="attempts")


class OpeningConfirmation(Base):
    """确认: a present representative confirms the opening record."""

    __tablename__ = "opening_confirmation"
    __table_args__ = (UniqueConstraint("session_id", "checkin_id", name="uq_opening_confirmation"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("opening_session.id", name="fk_opening_confirmation_session")
    )
    checkin_id: Mapped[int] = mapped_column(
        ForeignKey("checkin.id", name="fk_opening_confirmation_checkin")
    )
    bidder_id: Mapped[int | None] = mapped_column(
        ForeignKey("bidder.id", name="fk_opening_confirmation_bidder")
    )
    person_name: Mapped[str] = mapped_column(String(50))
    method: Mapped[str] = mapped_column(String(16))  # screen | signature
    signature_b64: Mapped[str | None] = mapped_column(Text)
    signed_text: Mapped[str | None] = mapped_column(Text)  # the statement the key signed
    certificate_pem: Mapped[str | None] = mapped_column(Text)  # the signer's certificate
    confirmed_at: Mapped[datetime]
    operator_id: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_confirmation_operator")
    )


class OpeningObjection(Base):
    """异议: raised by a bidder's representative, answered on the spot."""

    __tablename__ = "opening_objection"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("opening_session.id", name="fk_opening_objection_session"), index=True
    )
    bidder_id: Mapped[int] = mapped_column(
        ForeignKey("bidder.id", name="fk_opening_objection_bidder")
    )
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", name="fk_opening_objection_checkin")
    )
    raised_by_name: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime]
    recorded_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_objection_recorder")
    )
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(
        ForeignKey("app_user.id", name="fk_opening_objection_answerer")
    )
    answered_at: Mapped[datetime | None]
