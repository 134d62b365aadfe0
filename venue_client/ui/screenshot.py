"""``venue-client --screenshot PNG --page NAME``: sign in as the demo manager, open a
page, let the workers finish and the event loop settle, save the window as a PNG."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer

from venue_client.services.users import UserInfo
from venue_client.ui.i18n import error_message
from venue_client.ui.main_window import MainWindow

SIZE = QSize(1366, 768)
SETTLE_CHECKS = 3  # consecutive idle polls before the grab
POLL_MS = 100
TIMEOUT_S = 30.0


class ScreenshotJob(QObject):
    def __init__(
        self,
        window: MainWindow,
        *,
        username: str,
        password: str,
        page: str,
        path: Path,
        finish: Callable[[int], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.username = username
        self.password = password
        self.page = page
        self.path = path
        self.finish = finish
        self.calm = 0
        self.deadline = time.monotonic() + TIMEOUT_S
        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self._settle)

    def start(self) -> None:
        self.window.resize(SIZE)
        self.window.show()
        self.window.env.tasks.run(
            lambda: self.window.env.users.authenticate(self.username, self.password),
            on_done=self._signed_in,
            on_error=lambda err: self._fail(error_message(err)),
            owner=self,
        )

    def _signed_in(self, user: UserInfo) -> None:
        self.window.enter(user)
        if not self.window.shell.show_page(self.page):
            self._fail(
                QCoreApplication.translate("screenshot", "角色 {role} 不能打开页面 {page}").format(
                    role=user.role, page=self.page
                )
            )
            return
        self.poll.start()

    def _settle(self) -> None:
        page = self.window.shell.pages[self.page]
        idle = self.window.started and page.loads > 0 and not self.window.env.tasks.busy()
        self.calm = self.calm + 1 if idle else 0
        if self.calm >= SETTLE_CHECKS:
            self.poll.stop()
            self._grab()
        elif time.monotonic() > self.deadline:
            self.poll.stop()
            self._fail(QCoreApplication.translate("screenshot", "页面在 30 秒内未加载完成"))

    def _grab(self) -> None:
        self.window.tick()
        if self.window.size() != SIZE:
            self.window.resize(SIZE)
        image = self.window.grab()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(self.path), "PNG"):
            self._fail(
                QCoreApplication.translate("screenshot", "无法写入 {path}").format(path=self.path)
            )
            return
        self.finish(0)

    def _fail(self, message: str) -> None:
        sys.stderr.write(
            QCoreApplication.translate("screenshot", "截图失败：{detail}").format(detail=message)
            + "\n"
        )
        self.finish(1)
