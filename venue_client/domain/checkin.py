"""签到 rules (DOMAIN.md "Check-in"): from a proof of identity and what the session
expects, decide whether the person checks in, needs a supervisor, or is refused.

Pure: no I/O, no clock of its own. The service gathers the facts (the expected
list, credit restrictions, the face decision, the opening time) and records what
this module decides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, UserFacingError
from venue_client.domain.identity import normalise_id_number, parse_citizen_id


class Method(StrEnum):
    CARD = "card"  # second-generation ID card on the reader
    MANUAL = "manual"  # number typed in after a failed read (needs a supervisor)
    CERTIFICATE = "certificate"  # company CA certificate on a USB key
    QR = "qr"  # QR code issued by the platform


class FaceResult(StrEnum):
    PASS = "pass"  # noqa: S105 - a verdict, not a password
    REVIEW = "review"
    FAIL = "fail"
    UNAVAILABLE = "unavailable"  # no ID photo or no camera: a person must compare
    NOT_REQUIRED = "not_required"  # the proof does not involve a face (certificate)


class Outcome(StrEnum):
    PASSED = "passed"  # 通过
    NEEDS_SUPERVISOR = "needs_supervisor"  # 需人工复核
    REFUSED = "refused"  # 不通过
    ALREADY = "already"  # checked in before: show that record


class Approval(StrEnum):
    """What a supervisor's credentials on the spot may override."""

    MANUAL_ENTRY = "manual_entry"
    FACE = "face"
    CREDIT_WARNING = "credit_warning"
    LATE = "late"


METHOD_LABELS = {
    Method.CARD: QT_TRANSLATE_NOOP("checkin", "身份证"),
    Method.MANUAL: QT_TRANSLATE_NOOP("checkin", "手工录入"),
    Method.CERTIFICATE: QT_TRANSLATE_NOOP("checkin", "CA 证书"),
    Method.QR: QT_TRANSLATE_NOOP("checkin", "二维码"),
}
ROLE_LABELS = {
    "representative": QT_TRANSLATE_NOOP("checkin", "投标人代表"),
    "expert": QT_TRANSLATE_NOOP("checkin", "评标专家"),
}
STATUS_CHECKED_IN = QT_TRANSLATE_NOOP("checkin", "已签到")
STATUS_ABSENT = QT_TRANSLATE_NOOP("checkin", "未签到")

R_INVALID_ID = QT_TRANSLATE_NOOP("checkin", "证件号码无效：{detail}")
R_EXPIRED = QT_TRANSLATE_NOOP("checkin", "身份证已过有效期（{valid_to}）")
R_UNKNOWN = QT_TRANSLATE_NOOP("checkin", "不在本场次名单中，请核对场次")
R_CHOOSE_PERSON = QT_TRANSLATE_NOOP("checkin", "该投标人有多名代表，请选择签到的代表")
R_WRONG_COMPANY = QT_TRANSLATE_NOOP("checkin", "证书单位与名单中的投标人不符")
R_BANNED = QT_TRANSLATE_NOOP("checkin", "{subject}被列入失信惩戒名单（{reason}），不得签到")
R_WARNING = QT_TRANSLATE_NOOP("checkin", "{subject}有信用警示（{reason}），需监标人确认")
R_MANUAL = QT_TRANSLATE_NOOP("checkin", "手工录入证件号码，需监标人核验")
R_FACE_REVIEW = QT_TRANSLATE_NOOP("checkin", "人脸比对相似度不足（{score}），需人工复核")
R_FACE_FAIL = QT_TRANSLATE_NOOP("checkin", "人脸比对不通过（{score}），需监标人当场核验")
R_FACE_NONE = QT_TRANSLATE_NOOP("checkin", "无法进行人脸比对，需人工核对证件照片")
R_LATE = QT_TRANSLATE_NOOP("checkin", "开标时间已过，迟到签到需监标人确认")
S_PERSON = QT_TRANSLATE_NOOP("checkin", "本人")
S_COMPANY = QT_TRANSLATE_NOOP("checkin", "所在单位")


@dataclass(frozen=True)
class ExpectedPerson:
    """Someone the session expects: a bidder's representative or a drawn expert."""

    id_number: str
    name: str
    role: str  # "representative" | "expert"
    company_code: str = ""  # BIDDER_ORG_CODE (representative) or employer (expert)
    company_name: str = ""
    ref: int = 0  # the store's row id (Representative or Expert)


@dataclass(frozen=True)
class Restriction:
    subject_code: str
    kind: str  # MARKET_BAN | WARNING
    reason: str


@dataclass(frozen=True)
class Proof:
    """What the desk learned about the person in front of it."""

    method: Method
    id_number: str = ""
    name: str = ""
    valid_to: date | None = None  # None: long-term (长期) or not on this proof
    company_code: str = ""  # from a company certificate


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    person: ExpectedPerson | None = None
    id_number: str = ""  # normalised, when valid
    reasons: tuple[Message, ...] = ()
    approvals: frozenset[Approval] = field(default_factory=frozenset)
    late: bool = False
    refusal_code: str = ""


def _identify_company(
    proof: Proof, expected: list[ExpectedPerson]
) -> tuple[ExpectedPerson, str] | Verdict:
    """A company certificate names the bidder; the desk names the representative
    when the bidder sent more than one."""
    matches = [p for p in expected if p.company_code and p.company_code == proof.company_code]
    if proof.id_number:  # the representative the desk chose for this company
        matches = [p for p in matches if p.id_number == normalise_id_number(proof.id_number)]
    if len(matches) > 1:
        return Verdict(
            Outcome.REFUSED, reasons=(Message(R_CHOOSE_PERSON),), refusal_code="ambiguous"
        )
    if not matches:
        reason = R_WRONG_COMPANY if proof.company_code else R_UNKNOWN
        return Verdict(Outcome.REFUSED, reasons=(Message(reason),), refusal_code="unknown")
    return matches[0], matches[0].id_number


def _identify(
    proof: Proof, expected: list[ExpectedPerson], today: date
) -> tuple[ExpectedPerson, str] | Verdict:
    """The expected person this proof names, or the refusal."""
    if proof.method is Method.CERTIFICATE:
        return _identify_company(proof, expected)
    try:
        number = parse_citizen_id(proof.id_number, today=today).number
    except UserFacingError as exc:
        return Verdict(
            Outcome.REFUSED,
            reasons=(Message(R_INVALID_ID, detail=exc.message),),
            refusal_code="invalid_id",
        )
    if proof.valid_to is not None and proof.valid_to < today:
        return Verdict(
            Outcome.REFUSED,
            id_number=number,
            reasons=(Message(R_EXPIRED, valid_to=proof.valid_to.isoformat()),),
            refusal_code="expired",
        )
    person = next((p for p in expected if p.id_number == number), None)
    if person is None:
        return Verdict(
            Outcome.REFUSED, id_number=number, reasons=(Message(R_UNKNOWN),), refusal_code="unknown"
        )
    return person, number


def assess(
    proof: Proof,
    expected: list[ExpectedPerson],
    restrictions: list[Restriction],
    *,
    face: FaceResult,
    face_score: str = "",
    opening_time: datetime | None,
    now: datetime,
    today: date,
    already: bool = False,
) -> Verdict:
    """Apply the check-in rules in DOMAIN.md's order: validity, match, credit, face, time."""
    found = _identify(proof, expected, today)
    if isinstance(found, Verdict):
        return found
    person, number = found
    if already:
        return Verdict(Outcome.ALREADY, person=person, id_number=number)

    reasons: list[Message] = []
    approvals: set[Approval] = set()
    for restriction in restrictions:
        if restriction.subject_code not in (number, person.company_code):
            continue
        subject = S_PERSON if restriction.subject_code == number else S_COMPANY
        if restriction.kind == "MARKET_BAN":
            message = Message(R_BANNED, subject=subject, reason=restriction.reason)
            return Verdict(
                Outcome.REFUSED,
                person=person,
                id_number=number,
                reasons=(message,),
                refusal_code="banned",
            )
        if restriction.kind == "WARNING":
            reasons.append(Message(R_WARNING, subject=subject, reason=restriction.reason))
            approvals.add(Approval.CREDIT_WARNING)
    if proof.method is Method.MANUAL:
        reasons.append(Message(R_MANUAL))
        approvals.add(Approval.MANUAL_ENTRY)
    face_reason = {
        FaceResult.REVIEW: R_FACE_REVIEW,
        FaceResult.FAIL: R_FACE_FAIL,
        FaceResult.UNAVAILABLE: R_FACE_NONE,
    }.get(face)
    if face_reason is not None:
        reasons.append(Message(face_reason, score=face_score or "-"))
        approvals.add(Approval.FACE)
    late = opening_time is not None and now > opening_time
    if late:
        reasons.append(Message(R_LATE))
        approvals.add(Approval.LATE)
    outcome = Outcome.NEEDS_SUPERVISOR if approvals else Outcome.PASSED
    return Verdict(
        outcome,
        person=person,
        id_number=number,
        reasons=tuple(reasons),
        approvals=frozenset(approvals),
        late=late,
    )
