"""How one check-in attempt reads on the result panel: the word, the name, the masked
ID number, every reason in plain words, and a line with the time, the method and
the face comparison."""

from __future__ import annotations

from venue_client.domain.checkin import Outcome
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message
from venue_client.domain.identity import mask_id_number
from venue_client.ui.checkin.flow import Attempt
from venue_client.ui.checkin.result_panel import ResultView
from venue_client.ui.checkin.texts import METHODS
from venue_client.ui.formatting import beijing
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.labels import label

W_PASSED = QT_TRANSLATE_NOOP("CheckInDesk", "通过")
W_REVIEW = QT_TRANSLATE_NOOP("CheckInDesk", "需人工复核")
W_REFUSED = QT_TRANSLATE_NOOP("CheckInDesk", "不通过")
W_ALREADY = QT_TRANSLATE_NOOP("CheckInDesk", "已签到")
T_ALREADY = QT_TRANSLATE_NOOP("CheckInDesk", "已于 {time} 签到，不重复记录")
T_APPROVED = QT_TRANSLATE_NOOP("CheckInDesk", "监标人 {name} 已当场核验并确认：")
T_REFUSAL_RECORDED = QT_TRANSLATE_NOOP("CheckInDesk", "已记录为拒绝签到")
T_TIME = QT_TRANSLATE_NOOP("CheckInDesk", "签到时间 {time}")
T_LATE = QT_TRANSLATE_NOOP("CheckInDesk", "迟到")
T_FACE = QT_TRANSLATE_NOOP("CheckInDesk", "人脸比对：{note}")
UNKNOWN_NAME = QT_TRANSLATE_NOOP("CheckInDesk", "（姓名未知）")

STATES = {
    Outcome.PASSED: ("passed", W_PASSED),
    Outcome.NEEDS_SUPERVISOR: ("review", W_REVIEW),
    Outcome.REFUSED: ("refused", W_REFUSED),
    Outcome.ALREADY: ("already", W_ALREADY),
}


def result_view(attempt: Attempt) -> ResultView:
    verdict = attempt.verdict
    state, word = STATES[verdict.outcome]
    reasons = [message_text(m) for m in verdict.reasons]
    approver = attempt.approver
    if approver is not None and verdict.outcome is Outcome.NEEDS_SUPERVISOR:
        # Approved and recorded: a pass, with what the supervisor confirmed.
        state, word = "passed", W_PASSED
        reasons = [message_text(Message(T_APPROVED, name=approver.display_name)), *reasons]
    at = beijing(attempt.checked_in_at) if attempt.checked_in_at else None
    when = at.strftime("%H:%M:%S") if at else ""
    if verdict.outcome is Outcome.ALREADY:
        full = at.strftime("%Y-%m-%d %H:%M:%S") if at else "-"
        reasons = [message_text(Message(T_ALREADY, time=full))]
    info: list[str] = []
    if when and verdict.outcome is not Outcome.ALREADY:
        info.append(message_text(Message(T_TIME, time=when)))
    if verdict.outcome is Outcome.REFUSED and attempt.recorded is not None:
        info.append(tr_text(T_REFUSAL_RECORDED))
    if verdict.outcome is not Outcome.ALREADY:
        info.append(label(METHODS, str(attempt.proof.method)))
    if verdict.late and attempt.recorded is not None:
        info.append(tr_text(T_LATE))
    if attempt.face.note is not None and verdict.outcome in (
        Outcome.PASSED,
        Outcome.NEEDS_SUPERVISOR,
    ):
        info.append(message_text(Message(T_FACE, note=attempt.face.note)))
    number = verdict.id_number or attempt.proof.id_number
    return ResultView(
        state=state,
        word=tr_text(word),
        name=attempt.name or tr_text(UNKNOWN_NAME),
        masked_id=mask_id_number(number) if number else "-",
        reasons=reasons,
        info=" · ".join(info),
    )
