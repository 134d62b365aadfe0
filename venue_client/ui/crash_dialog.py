"""Unexpected errors: logged with their traceback and shown in a dialog that says
what happened in a sentence and where the log is (``sys.excepthook``)."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


def summarise(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """One line for the error and one for where it happened."""
    what = traceback.format_exception_only(exc_type, exc)[-1].strip()
    frames = traceback.extract_tb(tb)
    if frames:
        last = frames[-1]
        what += f"\n{Path(last.filename).name}:{last.lineno} ({last.name})"
    return what


class CrashDialog(QDialog):
    def __init__(
        self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("程序错误"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "程序遇到意外错误。已保存的数据不受影响；如果问题反复出现，请把日志文件发给技术支持。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel(summary)
        self.summary.setObjectName("crashSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        if log_path is not None:
            where = QLabel(self.tr("日志文件：{path}").format(path=log_path))
            where.setWordWrap(True)
            layout.addWidget(where)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(180)
        self.details.hide()
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        toggle = QPushButton(self.tr("显示详细信息"))
        toggle.clicked.connect(lambda: self.details.setVisible(not self.details.isVisible()))
        copy = QPushButton(self.tr("复制详细信息"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{summary}\n\n{details}"))
        buttons.addButton(toggle, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class CrashReporter(QObject):
    """Shows the crash dialog on the GUI thread, whichever thread the error came from."""

    reported = Signal(str, str)

    def __init__(
        self, log_path: Path | None, interactive: bool, on_fatal: Callable[[], None] | None
    ):
        super().__init__()
        self.log_path = log_path
        self.interactive = interactive
        self.on_fatal = on_fatal
        self.showing = False
        self.reported.connect(self._show)

    def report(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        log.critical("unexpected error", exc_info=(exc_type, exc, tb))
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if not self.interactive or QApplication.instance() is None:
            sys.stderr.write(details)
            if self.on_fatal is not None:
                self.on_fatal()
            return
        self.reported.emit(summarise(exc_type, exc, tb), details)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        if self.showing:  # one dialog at a time; the rest is in the log
            return
        self.showing = True
        try:
            CrashDialog(summary, details, self.log_path, QApplication.activeWindow()).exec()
        finally:
            self.showing = False


def install_excepthook(
    log_path: Path | None, *, interactive: bool = True, on_fatal: Callable[[], None] | None = None
) -> CrashReporter:
    """Route uncaught exceptions (GUI thread and other threads) to the crash reporter."""
    reporter = CrashReporter(log_path, interactive, on_fatal)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        reporter.report(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return reporter
