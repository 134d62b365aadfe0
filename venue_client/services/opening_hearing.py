"""What the representatives say at the opening: confirmations of the record (确认, on
screen or by signature) and objections (异议) answered on the spot."""

from __future__ import annotations

import base64
import hashlib

from sqlalchemy import func, select

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import (
    OBJECTION_STATES,
    ConfirmMethod,
    OpeningError,
    OpeningState,
)
from venue_client.services.opening_common import OpeningBase, id_facts
from venue_client.services.users import UserInfo
from venue_client.store.models import Bidder
from venue_client.store.opening_models import OpeningConfirmation, OpeningObjection

E_NOT_CONFIRMATION = QT_TRANSLATE_NOOP("opening", "开标记录尚未进入确认阶段")
E_CONFIRMED = QT_TRANSLATE_NOOP("opening", "{name} 已确认过开标记录")
E_NO_SIGNATURE = QT_TRANSLATE_NOOP("opening", "签名确认须附签名")
E_NO_OBJECTIONS_NOW = QT_TRANSLATE_NOOP("opening", "当前阶段不受理异议")
E_EMPTY_TEXT = QT_TRANSLATE_NOOP("opening", "请填写内容")
E_NO_OBJECTION = QT_TRANSLATE_NOOP("opening", "本场开标没有这条异议")
E_ANSWERED = QT_TRANSLATE_NOOP("opening", "这条异议已答复")
MAX_TEXT = 2000


def _text(value: str) -> str:
    text = value.strip()
    if not text:
        raise OpeningError(E_EMPTY_TEXT)
    return text[:MAX_TEXT]


class HearingMixin(OpeningBase):
    def confirm(
        self,
        ref: int | str,
        checkin_id: int,
        *,
        operator: UserInfo,
        method: ConfirmMethod | str = ConfirmMethod.SCREEN,
        signature: bytes | None = None,
    ) -> int:
        """A present representative confirms the opening record; returns the row id."""
        method = ConfirmMethod(method)
        if method is ConfirmMethod.SIGNATURE and not signature:
            raise OpeningError(E_NO_SIGNATURE)
        with self._changing(ref, operator) as (tx, locked):
            if locked.state is not OpeningState.CONFIRMATION:
                raise OpeningError(E_NOT_CONFIRMATION)
            s, sid = tx.session, locked.opening.id
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
            row = OpeningConfirmation(
                session_id=sid,
                checkin_id=checkin_id,
                bidder_id=bidder.id,
                person_name=person.person_name,
                method=str(method),
                signature_b64=base64.b64encode(signature).decode() if signature else None,
                confirmed_at=self.ctx.clock.now(),
                operator_id=operator.id,
            )
            s.add(row)
            s.flush()
            tx.record(
                "opening.confirmed",
                locked.payload(
                    ORG_CODE=bidder.org_code,
                    name=person.person_name,
                    **id_facts(person.id_number),
                    method=str(method),
                    signature_sha256=hashlib.sha256(signature).hexdigest() if signature else "",
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
