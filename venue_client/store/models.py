"""The venue's business rows: rooms, devices, the schedule, sessions and check-ins.

Names follow DOMAIN.md; platform field names (``TENDER_PROJECT_CODE`` ...) are
kept in comments where a column carries one. Audit, outbox and user rows live in
``log_models``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from venue_client.store.types import UtcDateTime


class Base(DeclarativeBase):
    # SQLAlchemy reads this mapping as a plain class attribute.
    type_annotation_map = {  # noqa: RUF012
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class RoomKind(StrEnum):
    OPENING = "opening"  # 开标室
    EVALUATION = "evaluation"  # 评标室


class RoomState(StrEnum):
    FREE = "free"
    RESERVED = "reserved"
    IN_SESSION = "in_session"
    SEALED = "sealed"
    RELEASED = "released"


class SectionStatus(StrEnum):
    SCHEDULED = "SCHEDULED"
    CANCELLED = "CANCELLED"
    POSTPONED = "POSTPONED"


class SessionState(StrEnum):
    SCHEDULED = "scheduled"
    CHECKING_IN = "checking_in"
    OPENING = "opening"
    DECRYPTING = "decrypting"
    RECORD = "record"
    CONFIRMATION = "confirmation"
    IN_SESSION = "in_session"
    PAUSED = "paused"
    CLOSED = "closed"
    FAILED = "failed"


class Venue(Base):
    __tablename__ = "venue"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # VENUE_CODE
    name: Mapped[str] = mapped_column(String(200))
    rooms: Mapped[list[Room]] = relationship(back_populates="venue", order_by="Room.code")


class Room(Base):
    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("venue_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    venue_id: Mapped[int] = mapped_column(ForeignKey("venue.id"))
    code: Mapped[str] = mapped_column(String(32))  # BID_OPENING_ROOM / evaluation room
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[RoomKind] = mapped_column(String(16))
    state: Mapped[RoomState] = mapped_column(String(16), default=RoomState.FREE)
    venue: Mapped[Venue] = relationship(back_populates="rooms")
    cameras: Mapped[list[Camera]] = relationship(back_populates="room", order_by="Camera.name")


class Camera(Base):
    __tablename__ = "camera"
    __table_args__ = (UniqueConstraint("room_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    name: Mapped[str] = mapped_column(String(100))
    source_url: Mapped[str] = mapped_column(
        String(500)
    )  # credentials live in the key store, not here
    room: Mapped[Room] = relationship(back_populates="cameras")


class Device(Base):
    __tablename__ = "device"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(32))  # idcard, token, camera, scanner
    url: Mapped[str] = mapped_column(String(500))
    workstation: Mapped[str] = mapped_column(String(64), default="")


class Project(Base):
    __tablename__ = "project"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)  # TENDER_PROJECT_CODE
    name: Mapped[str] = mapped_column(String(300))  # TENDER_PROJECT_NAME
    tenderer: Mapped[str] = mapped_column(String(200))  # TENDERER_NAME
    agency: Mapped[str] = mapped_column(String(200))  # TENDER_AGENCY_NAME
    project_type: Mapped[str] = mapped_column(String(8))  # TENDER_PROJECT_TYPE
    sections: Mapped[list[Section]] = relationship(
        back_populates="project", order_by="Section.code"
    )


class Section(Base):
    """A section/lot (标段/包) with its opening schedule."""

    __tablename__ = "section"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    code: Mapped[str] = mapped_column(String(64), unique=True)  # BID_SECTION_CODE
    name: Mapped[str] = mapped_column(String(300))  # BID_SECTION_NAME
    opening_time: Mapped[datetime]  # BID_OPENING_TIME
    opening_room: Mapped[str] = mapped_column(String(32))  # BID_OPENING_ROOM
    decrypt_minutes: Mapped[int] = mapped_column(Integer, default=30)  # DECRYPT_MINUTES
    evaluation_method: Mapped[str] = mapped_column(String(32))  # EVALUATION_METHOD
    price_unit: Mapped[str] = mapped_column(String(8), default="元")  # PRICE_UNIT
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[SectionStatus] = mapped_column(String(16), default=SectionStatus.SCHEDULED)
    project: Mapped[Project] = relationship(back_populates="sections")
    bidders: Mapped[list[Bidder]] = relationship(back_populates="section", order_by="Bidder.id")


class Bidder(Base):
    __tablename__ = "bidder"
    __table_args__ = (UniqueConstraint("section_id", "org_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id"))
    name: Mapped[str] = mapped_column(String(200))  # BIDDER_NAME
    org_code: Mapped[str] = mapped_column(String(18))  # BIDDER_ORG_CODE (USCC)
    section: Mapped[Section] = relationship(back_populates="bidders")
    representatives: Mapped[list[Representative]] = relationship(back_populates="bidder")
    bid: Mapped[Bid | None] = relationship(back_populates="bidder")


class Representative(Base):
    __tablename__ = "representative"
    __table_args__ = (UniqueConstraint("bidder_id", "id_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bidder_id: Mapped[int] = mapped_column(ForeignKey("bidder.id"))
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str] = mapped_column(String(18), index=True)  # ID_CARD
    bidder: Mapped[Bidder] = relationship(back_populates="representatives")


class Bid(Base):
    __tablename__ = "bid"
    id: Mapped[int] = mapped_column(primary_key=True)
    bidder_id: Mapped[int] = mapped_column(ForeignKey("bidder.id"), unique=True)
    platform_id: Mapped[str] = mapped_column(String(64), unique=True)  # bid_id
    size: Mapped[int]
    receipt_sha256: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime]
    format: Mapped[str] = mapped_column(String(16))  # VBE1 | CMS | GMT0010
    recipients: Mapped[list[str]]
    local_path: Mapped[str | None] = mapped_column(String(500))
    state: Mapped[str] = mapped_column(String(16), default="pending")
    bidder: Mapped[Bidder] = relationship(back_populates="bid")


class OpeningSession(Base):
    """开标会: one section opened at one time in one room."""

    __tablename__ = "opening_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id"), unique=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    scheduled_at: Mapped[datetime]
    state: Mapped[SessionState] = mapped_column(String(16), default=SessionState.SCHEDULED)
    started_at: Mapped[datetime | None]
    section: Mapped[Section] = relationship()
    room: Mapped[Room] = relationship()


class EvaluationSession(Base):
    """评标会: one section evaluated in one room by drawn experts."""

    __tablename__ = "evaluation_session"
    id: Mapped[int] = mapped_column(primary_key=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("section.id"), unique=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    scheduled_at: Mapped[datetime]
    state: Mapped[SessionState] = mapped_column(String(16), default=SessionState.SCHEDULED)
    started_at: Mapped[datetime | None]
    section: Mapped[Section] = relationship()
    room: Mapped[Room] = relationship()
    experts: Mapped[list[Expert]] = relationship(back_populates="session", order_by="Expert.id")


class Expert(Base):
    """A drawn expert (评标专家). The list is confidential until the session starts."""

    __tablename__ = "expert"
    __table_args__ = (UniqueConstraint("session_id", "id_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("evaluation_session.id"))
    name: Mapped[str] = mapped_column(String(50))  # EXPERT_NAME
    id_number: Mapped[str] = mapped_column(String(18))  # ID_CARD
    expert_type: Mapped[str] = mapped_column(String(20))  # EXPERT_TYPE
    employer_code: Mapped[str] = mapped_column(String(18))
    is_chairman: Mapped[bool] = mapped_column(default=False)
    backup: Mapped[bool] = mapped_column(default=False)
    session: Mapped[EvaluationSession] = relationship(back_populates="experts")


class CheckIn(Base):
    """签到: one person checked in to one session, once."""

    __tablename__ = "checkin"
    __table_args__ = (UniqueConstraint("session_kind", "session_id", "id_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_kind: Mapped[str] = mapped_column(String(16))  # opening | evaluation
    session_id: Mapped[int]
    id_number: Mapped[str] = mapped_column(String(18))
    person_name: Mapped[str] = mapped_column(String(50))
    bidder_id: Mapped[int | None] = mapped_column(ForeignKey("bidder.id"))
    expert_id: Mapped[int | None] = mapped_column(ForeignKey("expert.id"))
    checked_in_at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(16))  # card | manual | certificate | qr
    face_score: Mapped[float | None]
    late: Mapped[bool] = mapped_column(default=False)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=False)
    role: Mapped[str] = mapped_column(String(16), default="representative")  # or "expert"
    face_decision: Mapped[str] = mapped_column(String(16), default="")  # pass|review|fail|...
    face_backend: Mapped[str] = mapped_column(String(64), default="")
    approvals: Mapped[list[str]] = mapped_column(default=list)  # what a supervisor overrode
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))
    snapshot_id: Mapped[int | None] = mapped_column(ForeignKey("personal_blob.id"))


class CheckInRefusal(Base):
    """A refused check-in: who was turned away from which session, and why."""

    __tablename__ = "checkin_refusal"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_kind: Mapped[str] = mapped_column(String(16))
    session_id: Mapped[int] = mapped_column(index=True)
    id_number_masked: Mapped[str] = mapped_column(String(18))
    code: Mapped[str] = mapped_column(String(32))  # invalid_id | expired | unknown | banned ...
    reason: Mapped[str] = mapped_column(String(300))  # the Chinese reason as shown
    refused_at: Mapped[datetime]
    desk: Mapped[str] = mapped_column(String(64))
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))


class PersonalBlob(Base):
    """Personal data at rest (snapshots, ID photos): AES-256-GCM with the venue's data key."""

    __tablename__ = "personal_blob"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # snapshot | id_photo
    nonce: Mapped[bytes] = mapped_column(LargeBinary(12))
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class CreditRestriction(Base):
    """失信惩戒: MARKET_BAN blocks check-in, WARNING needs a supervisor's acknowledgement."""

    __tablename__ = "credit_restriction"
    __table_args__ = (UniqueConstraint("subject_code", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    subject_code: Mapped[str] = mapped_column(String(18), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(String(300))
    until: Mapped[str | None] = mapped_column(String(10))  # YYYY-MM-DD as published
