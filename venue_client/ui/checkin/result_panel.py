"""The result of the last read, in type large enough to read across the desk: the
"place the ID card" prompt while waiting, then 通过 (green), 需人工复核 (amber, every
reason listed and the 监标人确认 button), 不通过 (red, the reason in plain words) or
已签到 (the existing record's time), with the name and the masked ID number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from venue_client.ui.theme import (
    DONE_TEAL,
    FAILURE_RED,
    NAVY,
    SUCCESS_GREEN,
    WARNING_ORANGE,
    ui_font,
)

SLOT_BORDER = "#9AB0D6"
MARGIN = 28
WORD_PX = 60  # larger text is drawn as paths, where Qt's synthetic bold does not apply
MIN_WORD_PX = 36
# state -> (accent colour, background tint)
TONES = {
    "passed": (SUCCESS_GREEN, "#EAF6EE"),
    "review": (WARNING_ORANGE, "#FDF4E8"),
    "refused": (FAILURE_RED, "#FCEBEA"),
    "already": (DONE_TEAL, "#E9F6F5"),
}


@dataclass(frozen=True)
class ResultView:
    """What the panel shows for one person (all texts already translated)."""

    state: str  # passed | review | refused | already
    word: str  # 通过 / 需人工复核 / 不通过 / 已签到
    name: str
    masked_id: str
    reasons: Sequence[str] = ()
    info: str = ""  # time, method, face comparison


class ResultPanel(QFrame):
    confirm_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultPanel")
        self.state = "idle"
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self._idle_page())
        self.stack.addWidget(self._result_page())
        self.show_idle()

    def _idle_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(14)
        layout.addStretch(1)
        icon = QLabel(self.tr("居民身份证"))
        icon.setObjectName("idCardIcon")
        icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        icon.setFixedSize(180, 112)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignHCenter)
        self.prompt = QLabel()
        self.prompt.setObjectName("readerPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size:30px;")
        layout.addWidget(self.prompt)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("font-size:15px;")
        layout.addWidget(self.hint)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(MARGIN, 20, MARGIN, 20)
        layout.setSpacing(8)
        self.word = QLabel()
        self.word.setObjectName("resultWord")
        layout.addWidget(self.word)
        self.name = QLabel()
        self.name.setObjectName("resultName")
        self.name.setWordWrap(True)
        layout.addWidget(self.name)
        self.id_number = QLabel()
        self.id_number.setObjectName("resultId")
        layout.addWidget(self.id_number)
        self.reasons = QLabel()
        self.reasons.setObjectName("resultReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.reasons)
        self.info = QLabel()
        self.info.setObjectName("resultInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("监标人确认 (F4)"))
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setMinimumHeight(40)
        self.confirm_button.clicked.connect(self.confirm_requested.emit)
        row.addWidget(self.confirm_button)
        self.next_hint = QLabel()
        self.next_hint.setObjectName("muted")
        self.next_hint.setWordWrap(True)
        row.addWidget(self.next_hint, 1)
        layout.addLayout(row)
        return page

    # -- states ----------------------------------------------------------------------

    def show_idle(self, notice: str = "") -> None:
        self.state = "idle"
        self._tint(SLOT_BORDER, "#F7F9FD", dashed=True)
        self.prompt.setText(self.tr("请将身份证放在读卡器上"))
        self.hint.setText(notice or self.tr("放卡即自动核验，无需点击；无法读卡时按 F2 手工录入"))
        self.stack.setCurrentIndex(0)

    def show_busy(self, name: str = "") -> None:
        self.state = "busy"
        self._tint(NAVY, "#F7F9FD", dashed=True)
        self.prompt.setText(self.tr("正在核验…"))
        self.hint.setText(name)
        self.stack.setCurrentIndex(0)

    def show_result(self, view: ResultView) -> None:
        self.state = view.state
        accent, background = TONES[view.state]
        self._tint(accent, background)
        self._fit(self.word, view.word)
        self.word.setStyleSheet(f"color:{accent};")
        self.name.setText(view.name)
        self.name.setStyleSheet("font-size:30px; font-weight:bold; color:#1F2A3D;")
        self.id_number.setText(view.masked_id)
        self.id_number.setStyleSheet(
            'font-size:18px; color:#33415C; font-family:"DejaVu Sans Mono", Consolas, monospace;'
        )
        self.reasons.setText("\n".join(f"• {r}" for r in view.reasons))
        self.reasons.setStyleSheet("font-size:18px; color:#1F2A3D;")
        self.reasons.setVisible(bool(view.reasons))
        self.info.setText(view.info)
        self.info.setStyleSheet("font-size:14px; color:#6B7A90;")
        self.info.setVisible(bool(view.info))
        review = view.state == "review"
        self.confirm_button.setVisible(review)
        self.next_hint.setText(
            self.tr("监标人核验后按 F4 确认；重新放卡或按 Esc 取消")
            if review
            else self.tr("请取回身份证；下一位请放卡")
        )
        self.stack.setCurrentIndex(1)

    def _fit(self, label: QLabel, text: str) -> None:
        """The word as large as the panel's width allows (60 px, at least 36 px)."""
        room = self.width() - 2 * MARGIN - 8 if self.width() > 3 * MARGIN else 400
        size = WORD_PX
        font = ui_font(size, bold=True)
        while size > MIN_WORD_PX and QFontMetrics(font).horizontalAdvance(text) > room:
            size -= 4
            font = ui_font(size, bold=True)
        label.setFont(font)
        label.setText(text)

    def reason_texts(self) -> list[str]:
        text = self.reasons.text()
        return [line.removeprefix("• ") for line in text.splitlines()] if text else []

    def _tint(self, accent: str, background: str, *, dashed: bool = False) -> None:
        border = f"2px dashed {accent}" if dashed else f"2px solid {accent}"
        self.setStyleSheet(
            f"#resultPanel {{ background:{background}; border:{border}; border-radius:10px; }}"
        )
