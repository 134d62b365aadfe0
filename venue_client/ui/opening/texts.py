"""The words of the opening desk and the large screen (UI.md: per bidder exactly
未解密, 解密中, 解密成功, 解密失败)."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.services.opening_record import CAUSE_LABELS, RESULT_LABELS

BID_STATES: dict[str, Text] = {str(k): v for k, v in RESULT_LABELS.items()}
CAUSES: dict[str, Text] = {str(k): v for k, v in CAUSE_LABELS.items()}
METHODS: dict[str, Text] = {
    "token": QT_TRANSLATE_NOOP("OpeningDesk", "CA 锁"),
    "backup": QT_TRANSLATE_NOOP("OpeningDesk", "备用密钥"),
}
NEXT_STEP: dict[str, Text] = {
    "scheduled": QT_TRANSLATE_NOOP("OpeningDesk", "开始签到"),
    "checking_in": QT_TRANSLATE_NOOP("OpeningDesk", "宣布开标"),
    "opening": QT_TRANSLATE_NOOP("OpeningDesk", "开始解密"),
    "decrypting": QT_TRANSLATE_NOOP("OpeningDesk", "结束解密"),
    "record": QT_TRANSLATE_NOOP("OpeningDesk", "唱标完毕，进入签名确认"),
    "confirmation": QT_TRANSLATE_NOOP("OpeningDesk", "结束开标会并生成开标记录"),
}
T_COUNTS = QT_TRANSLATE_NOOP("OpeningDesk", "已解密 {done} · 解密中 {running} · 未解密 {waiting}")
T_DEADLINE = QT_TRANSLATE_NOOP("OpeningDesk", "距离解密截止还剩")
T_TO_OPENING = QT_TRANSLATE_NOOP("OpeningDesk", "距离开标还剩")
T_WAITING_START = QT_TRANSLATE_NOOP("OpeningDesk", "开标时间已到")
T_DECRYPTING_PCT = QT_TRANSLATE_NOOP("OpeningDesk", "解密中 {pct}%")
T_FAILED_CAUSE = QT_TRANSLATE_NOOP("OpeningDesk", "解密失败：{cause}")
T_PDF_SAVED = QT_TRANSLATE_NOOP("OpeningDesk", "开标记录表已生成：{path}")
