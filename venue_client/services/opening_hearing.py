"""What the representatives say at the opening: confirmations of the record (确认, on
screen or by signature) and objections (异议) answered on the spot."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import (
    OBJECTION_STATES,
    ConfirmMethod,
    OpeningError,
    OpeningState,
)
from venue_client.services.context import Tx
from venue_client.services.opening_common import Locked, OpeningBase, id_facts
from venue_client.services.users import UserInfo
from venue_client.store.models import Bidder, CheckIn
from venue_client.store.opening_models import OpeningConfirmation, OpeningObjection

E_NOT_CONFIRMATION = QT_TRANSLATE_NOOP("opening", "开标记录尚未进入确认阶段")
E_CONFIRMED = QT_TRANSLATE_NOOP("opening", "{name} 已确认过开标记录")
E_NO_OBJECTIONS_NOW = QT_TRANSLATE_NOOP("opening", "当前阶段不受理异议")
E_EMPTY_TEXT = QT_TRANSLATE_NOOP("opening", "请填写内容")
E_NO_OBJECTION = QT_TRANSLATE_NOOP("opening", "本场开标没有这条异议")
E_ANSWERED = QT_TRANSLATE_NOOP("opening", "这条异议已答复")
MAX_TEXT = 2000


@dataclass(frozen=True)
class SignedProof:
    """A confirmation signed on the representative's USB key: the statement signed
    (a challenge naming this venue, the session and the record's digest), the
    signature and the certificate, kept so anyone can verify it later."""

    statement: bytes
    signature: bytes
    certificate: x509.Certificate
    record_sha256: str

    @property
    def certificate_pem(self) -> str:
        return self.certificate.public_bytes(serialization.Encoding.PEM).decode()

    def facts(self) -> dict[str, object]:
        der = self.certificate.public_bytes(serialization.Encoding.DER)
        return {
            "signature_sha256": hashlib.sha256(self.signature).hexdigest(),
            "record_sha256": self.record_sha256,
            "certificate_sha256": hashlib.sha256(der).hexdigest(),
        }


def _text(value: str) -> str:
    text = value.strip()
    if not text:
        raise OpeningError(E_EMPTY_TEXT)
    return text[:MAX_TEXT]


class HearingMixin(OpeningBase):
    def confirm(self, ref: int | str, checkin_id: int, *, operator: UserInfo) -> int:
        """A present representative confirms the opening record on screen; returns the
        row id. (By their USB key's signature: ``confirm_signed``.)"""
        with self._changing(ref, operator) as (tx, locked):
            person, bidder = self._confirming(tx.session, locked, checkin_id)
            return self._add_confirmation(tx, locked, person, bidder, operator)

    def _confirming(self, s: Session, locked: Locked, checkin_id: int) -> tuple[CheckIn, Bidder]:
        """The representative about to confirm, and their bidder; refused outside the
        confirmation stage, for someone not present, or for a second confirmation."""
        if locked.state is not OpeningState.CONFIRMATION:
            raise OpeningError(E_NOT_CONFIRMATION)
        sid = locked.opening.id
        person = self._representative(s, sid, checkin_id)
        done = s.execute(
            select(func.count())
            .select_from(OpeningConfirmation)
            .where(
                OpeningConfirmation.session_id == sid,
                OpeningConfirmation.checkin_id == checkin_id,
            )
        ).scalar_one()
        if done:
            raise OpeningError(E_CONFIRMED, name=person.person_name)
        bidder = s.get(Bidder, person.bidder_id)
        assert bidder is not None
        return person, bidder

    def _add_confirmation(
        self,
        tx: Tx,
        locked: Locked,
        person: CheckIn,
        bidder: Bidder,
        operator: UserInfo,
        signed: SignedProof | None = None,
    ) -> int:
        method = ConfirmMethod.SIGNATURE if signed is not None else ConfirmMethod.SCREEN
        row = OpeningConfirmation(
            session_id=locked.opening.id,
            checkin_id=person.id,
            bidder_id=bidder.id,
            person_name=person.person_name,
            method=str(method),
            signature_b64=base64.b64encode(signed.signature).decode() if signed else None,
            signed_text=signed.statement.decode() if signed else None,
            certificate_pem=signed.certificate_pem if signed else None,
            confirmed_at=self.ctx.clock.now(),
            operator_id=operator.id,
        )
        tx.session.add(row)
        tx.session.flush()
        tx.record(
            "opening.confirmed",
            locked.payload(
                ORG_CODE=bidder.org_code,
                name=person.person_name,
                **id_facts(person.id_number),
                method=str(method),
                **(signed.facts() if signed else {"signature_sha256": ""}),
            ),
        )
        return row.id

    def raise_objection(
        self, ref: int | str, checkin_id: int, text: str, *, operator: UserInfo
    ) -> int:
        """A bidder's representative raises an objection (异议); returns its id."""
        content = _text(text)
        with self._changing(ref, operator) as (tx, locked):
            if locked.state not in OBJECTION_STATES:
                raise OpeningError(E_NO_OBJECTIONS_NOW)
            s, sid = tx.session, locked.opening.id
            person = self._representative(s, sid, checkin_id)
            bidder = s.get(Bidder, person.bidder_id)
            assert bidder is not None
            row = OpeningObjection(
                session_id=sid,
                bidder_id=bidder.id,
                checkin_id=checkin_id,
                raised_by_name=person.person_name,
                text=content,
                raised_at=self.ctx.clock.now(),
                recorded_by=operator.id,
            )
            s.add(row)
            s.flush()
            tx.record(
                "opening.objection_raised",
                locked.payload(
                    objection=row.id,
                    ORG_CODE=bidder.org_code,
                    name=person.person_name,
                    **id_facts(person.id_number),
                    text=content,
                ),
            )
            return row.id

    def answer_objection(
        self, ref: int | str, objection_id: int, answer: str, *, operator: UserInfo
    ) -> None:
        """The host's answer given on the spot."""
        content = _text(answer)
        with self._changing(ref, operator) as (tx, locked):
            if locked.state not in OBJECTION_STATES:
                raise OpeningError(E_NO_OBJECTIONS_NOW)
            row = tx.session.get(OpeningObjection, objection_id)
            if row is None or row.session_id != locked.opening.id:
                raise OpeningError(E_NO_OBJECTION)
            if row.answer is not None:
                raise OpeningError(E_ANSWERED)
            row.answer, row.answered_by, row.answered_at = (
                content,
                operator.id,
                self.ctx.clock.now(),
            )
            tx.record(
                "opening.objection_answered",
                locked.payload(objection=row.id, answer=content, answered_by=operator.username),
            )
