"""The main window: the login/lock screen or the signed-in shell, over a status bar
that is always there. Sign-in, unlock and first-run set-up run in the worker
(Argon2 takes ~150 ms); the window only reacts to their results."""

from __future__ import annotations

import gc
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from venue_client.domain.errors import UserFacingError
from venue_client.services.users import UserInfo
from venue_client.store.log_models import Role
from venue_client.ui.env import UiEnv
from venue_client.ui.gc_guard import GuiThreadCollector
from venue_client.ui.i18n import error_message
from venue_client.ui.idle import IdleWatcher
from venue_client.ui.login import LoginScreen
from venue_client.ui.shell import Shell
from venue_client.ui.status_bar import VenueStatusBar

SETUP_ACTOR = "setup"


@dataclass(frozen=True)
class Startup:
    has_admin: bool
    venue_name: str
    audit_size: int


class MainWindow(QMainWindow):
    def __init__(
        self, env: UiEnv, *, idle_lock_minutes: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("开标评标场所客户端"))
        self.setMinimumSize(1024, 640)
        self.screens = QStackedWidget()
        self.login_screen = LoginScreen()
        self.shell = Shell(env)
        self.screens.addWidget(self.login_screen)
        self.screens.addWidget(self.shell)
        self.setCentralWidget(self.screens)
        self.status = VenueStatusBar(demo=env.demo)
        self.setStatusBar(self.status)
        self.started = False

        self.idle = IdleWatcher(idle_lock_minutes * 60, self)
        self.idle.idle.connect(self.lock)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start()

        self.login_screen.login.submitted.connect(self._sign_in)
        self.login_screen.login.switch_user.connect(self.logout)
        self.login_screen.setup.submitted.connect(self._create_admin)
        self.shell.header.lock_requested.connect(self.lock)
        self.shell.header.logout_requested.connect(self.logout)
        env.bridge.received.connect(self.status.on_bus)
        self.tick()

    # -- start-up -------------------------------------------------------------------

    def start(self) -> None:
        """Find out whether an administrator exists (first run) and what the venue is."""
        self.env.tasks.run(self._read_startup, on_done=self._started, owner=self)

    def _read_startup(self) -> Startup:
        return Startup(
            has_admin=self.env.users.has_admin(),
            venue_name=self.env.load_venue_name(),
            audit_size=self.env.audit.status().tree_size,
        )

    def _started(self, info: Startup) -> None:
        self.login_screen.set_venue(info.venue_name)
        self.shell.header.set_venue(info.venue_name)
        self.status.set_audit_size(info.audit_size)
        if self.env.user is None:
            if info.has_admin:
                self.login_screen.show_login()
            else:
                self.login_screen.show_setup()
        self.started = True
        # Everything built so far lives as long as the window: keep it out of the
        # cyclic collector, whose full passes over it paused the desk for 100-200 ms.
        gc.collect()
        gc.freeze()
        self.collector = GuiThreadCollector(self)  # cycles are collected here only

    # -- signing in and out ---------------------------------------------------------

    @property
    def user(self) -> UserInfo | None:
        return self.env.user

    @property
    def locked(self) -> bool:
        return self.env.user is not None and self.screens.currentWidget() is self.login_screen

    def _sign_in(self, username: str, password: str) -> None:
        form = self.login_screen.login
        form.set_busy(True)
        self.env.tasks.run(
            lambda: self.env.users.authenticate(username, password),
            on_done=self._signed_in,
            on_error=lambda err: form.show_error(error_message(err)),
            on_finished=lambda: form.set_busy(False),
            owner=self,
        )

    def _signed_in(self, user: UserInfo) -> None:
        current = self.env.user
        if current is not None and current.id == user.id:
            self.screens.setCurrentWidget(self.shell)  # unlocked: back where they were
            self.idle.start()
            page = self.shell.current_page()
            if page is not None:
                page.activate()
            return
        self.enter(user)

    def enter(self, user: UserInfo) -> None:
        """Show the shell for ``user`` (already authenticated)."""
        self.env.user = user
        self.shell.set_user(user)
        self.screens.setCurrentWidget(self.shell)
        self.idle.start()

    def lock(self) -> None:
        if self.env.user is None or self.locked:
            return
        self.idle.stop()
        self.login_screen.show_lock(self.env.user)
        self.screens.setCurrentWidget(self.login_screen)

    def logout(self, reason: str = "logout") -> None:
        user = self.env.user
        self.env.user = None
        self.idle.stop()
        self.shell.set_user(None)
        self.login_screen.show_login()
        self.screens.setCurrentWidget(self.login_screen)
        if user is not None:
            self.env.tasks.run(lambda: self.env.users.logout(user, reason=reason))

    def _create_admin(self, username: str, display_name: str, password: str) -> None:
        form = self.login_screen.setup
        form.set_busy(True)

        def create_and_sign_in() -> UserInfo:
            self.env.users.add(username, display_name, Role.ADMIN, password, actor=SETUP_ACTOR)
            return self.env.users.authenticate(username, password)

        self.env.tasks.run(
            create_and_sign_in,
            on_done=self.enter,
            on_error=self._setup_failed,
            on_finished=lambda: form.set_busy(False),
            owner=self,
        )

    def _setup_failed(self, err: UserFacingError) -> None:
        self.login_screen.setup.show_error(error_message(err))

    # -- every second ---------------------------------------------------------------

    def tick(self) -> None:
        now = self.env.ctx.clock.now()
        self.status.tick(now, self.env.ctx.clock.source)
        page = self.shell.current_page()
        if page is not None and not self.locked and self.env.user is not None:
            page.tick(now)
