"""The opening desk's step bar (UI.md): 签到 → 解密 → 唱标/签名 → 结束, with the
current stage as a coloured pill (red), finished stages teal, later ones grey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.ui.i18n import tr_text
from venue_client.ui.theme import ACTIVE_RED, DONE_TEAL

STAGES = (
    QT_TRANSLATE_NOOP("StepBar", "签到"),
    QT_TRANSLATE_NOOP("StepBar", "解密"),
    QT_TRANSLATE_NOOP("StepBar", "唱标/签名"),
    QT_TRANSLATE_NOOP("StepBar", "结束"),
)
PAUSED_DECRYPTION = QT_TRANSLATE_NOOP("StepBar", "解密（暂停）")

_STAGE_OF_STATE = {
    "scheduled": 0,
    "checking_in": 0,
    "opening": 1,
    "decrypting": 1,
    "paused": 1,
    "record": 2,
    "confirmation": 2,
    "closed": 3,
    "failed": 3,
}


def stage_of(state: str) -> int:
    """The index of the stage an opening session in ``state`` is at."""
    return _STAGE_OF_STATE.get(state, 0)


class StepBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._steps: list[QLabel] = []
        for i, _stage in enumerate(STAGES):
            if i:
                arrow = QLabel("→")
                arrow.setObjectName("stepArrow")
                layout.addWidget(arrow)
            step = QLabel()
            step.setAlignment(Qt.AlignmentFlag.AlignCenter)
            step.setMinimumWidth(96)
            layout.addWidget(step)
            self._steps.append(step)
        layout.addStretch(1)
        self.set_state("scheduled")

    def set_state(self, state: str) -> None:
        current = stage_of(state)
        finished = state in ("closed", "failed")
        for i, step in enumerate(self._steps):
            text = tr_text(STAGES[i])
            if i == 1 and state == "paused":
                text = tr_text(PAUSED_DECRYPTION)
            step.setText(text)
            if i < current or (finished and i == current):
                style = f"background:{DONE_TEAL};color:white;"
            elif i == current:
                style = f"background:{ACTIVE_RED};color:white;font-weight:bold;"
            else:
                style = "background:#E3E8F0;color:#6B7A90;"
            step.setStyleSheet(f"{style}border-radius:13px;padding:4px 14px;")
            step.setProperty("current", i == current)

    def current_text(self) -> str:
        for step in self._steps:
            if step.property("current"):
                return step.text()
        return ""
