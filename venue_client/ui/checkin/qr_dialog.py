"""二维码签到: a check-in pass (QR code) issued by the platform, read with the desk's
scanner. Keyboard-wedge scanners type the code into the field and press Enter; the
code is one line, so nothing else is needed. Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class QrPassDialog(QDialog):
    """Opened with ``open()``; ``scanned(text)`` when a code was read."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrPassDialog")
        self.setWindowTitle(self.tr("二维码签到"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        heading = QLabel(self.tr("请用扫码枪扫描交易平台签发的签到二维码"))
        heading.setObjectName("cardTitle")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        note = QLabel(self.tr("二维码由平台签名，本机核验签名、场次与有效期后签到。"))
        note.setObjectName("muted")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.code = QLineEdit()
        self.code.setObjectName("qrCode")
        self.code.setEchoMode(QLineEdit.EchoMode.Password)  # the code is a credential
        self.code.setPlaceholderText(self.tr("等待扫码…"))
        self.code.setMinimumHeight(34)
        layout.addWidget(self.code)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("取消 (Esc)"))
        self.cancel_button.setAutoDefault(False)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.cancel_button.clicked.connect(self.reject)
        self.code.returnPressed.connect(self.submit)
        self.code.setFocus()

    def submit(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        self.scanned.emit(text)
        self.accept()
