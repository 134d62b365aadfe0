"""``venue-client``: the composition root. Reads the configuration, opens the store,
builds the services and the Qt UI, and runs it (or renders one page to a PNG).

Nothing else wires the application together; Qt appears only here and in ``ui/``.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from venue_client import __version__
from venue_client.logs import setup_logging
from venue_client.ui.navigation import PAGE_NAMES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from venue_client.services.context import AppContext
    from venue_client.services.devices import DeviceRegistry
    from venue_client.sync.service import SyncService

log = logging.getLogger("venue_client")

LOG_FILE = "venue-client.log"
EXIT_SETUP = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="venue-client",
        description="Venue client for the opening halls and evaluation rooms of a "
        "public-resource trading venue (开标评标场所客户端).",
    )
    parser.add_argument("--version", action="version", version=f"venue-client {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="demo data directory, seeded day, simulated devices"
    )
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR", help="data directory (database, keys, logs)"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (TOML)")
    parser.add_argument(
        "--lang", choices=("zh_CN", "en"), help="interface language (default: settings ui.lang)"
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="render a page to PNG and exit"
    )
    parser.add_argument(
        "--page", choices=PAGE_NAMES, help="page for --screenshot (default: checkin)"
    )
    return parser


def has_display() -> bool:
    """Whether Qt can open a window: a Qt platform chosen, or an X/Wayland session."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _no_display(lang: str | None) -> int:
    from PySide6.QtCore import QCoreApplication

    from venue_client.ui.i18n import install_translators

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    install_translators(app, lang or "zh_CN")
    sys.stderr.write(
        QCoreApplication.translate(
            "app",
            "venue-client：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）。\n"
            "请在桌面会话中运行，或在虚拟显示中运行：xvfb-run -a venue-client --demo\n"
            "只需截图时可用 --screenshot 文件.png（无需显示）。",
        )
        + "\n"
    )
    return EXIT_SETUP


def main(argv: list[str] | None = None) -> int:
    # Bids are decrypted in spawned worker processes (services/bid_worker.py); in the
    # frozen bundle the worker starts through this same entry point.
    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    if args.page and not args.screenshot:
        build_parser().error("--page needs --screenshot")
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # deterministic, needs no display
    if not has_display():
        return _no_display(args.lang)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from venue_client.config import load_settings
    from venue_client.domain.errors import UserFacingError
    from venue_client.services.context import ensure_data_dir, open_context
    from venue_client.services.demo import demo_data_dir
    from venue_client.ui.i18n import error_message, install_translators
    from venue_client.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("venue-client")
    app.setApplicationVersion(__version__)
    apply_theme(app)
    install_translators(app, args.lang or "zh_CN")
    interactive = args.screenshot is None
    ctx: AppContext | None = None
    try:
        data_dir = args.data_dir or (demo_data_dir() if args.demo else None)
        settings = load_settings(args.config, data_dir)
        if args.lang is None:
            install_translators(app, settings.ui.lang)
        ensure_data_dir(settings.data_dir)
        log_path = setup_logging(settings.log_dir, settings.log.level, LOG_FILE)
        log.info("venue-client %s starting (demo=%s)", __version__, args.demo)
        ctx = open_context(settings)
        if args.demo:
            from venue_client.services.demo import seed_demo

            seed_demo(ctx)
    except UserFacingError as err:
        message = error_message(err)
        log.error("start-up failed: %s", err)
        sys.stderr.write(f"venue-client: {message}\n")
        if interactive:
            QMessageBox.critical(None, QApplication.translate("app", "无法启动"), message)
        if ctx is not None:
            ctx.close()
        return EXIT_SETUP
    try:
        return _run(app, ctx, args, log_path)
    finally:
        ctx.close()
        log.info("venue-client stopped")


def _device_registry(ctx: AppContext, *, demo: bool) -> DeviceRegistry:
    """Start watching the configured devices (all simulated in demo mode unless the
    demo's configuration names real ones)."""
    from dataclasses import replace

    from venue_client.config import DeviceSettings
    from venue_client.services.devices import DeviceRegistry
    from venue_client.services.schedule import ScheduleService

    settings = ctx.settings
    if demo and settings.devices == DeviceSettings():
        settings = replace(settings, devices=DeviceSettings.simulated())
    room = settings.workstation.desk or ("KB-01" if demo else "")
    registry = DeviceRegistry(settings, ctx.bus, ScheduleService(ctx).cameras(room))
    registry.start()
    return registry


def _sync_service(ctx: AppContext) -> SyncService | None:
    """Start the sync worker when a central platform is configured (interactive runs
    only; screenshots and tests stay off the network). It connects lazily, so a wrong
    token or an unreachable platform shows in the status bar, not as a start-up error."""
    if not ctx.settings.central.url:
        return None
    from venue_client.sync.service import SyncService

    service = SyncService(ctx)
    service.start()
    return service


def _run(
    app: QApplication, ctx: AppContext, args: argparse.Namespace, log_path: Path | None
) -> int:
    from PySide6.QtCore import QTimer

    from venue_client.services.demo import DEMO_USERS
    from venue_client.store.log_models import Role
    from venue_client.ui.bridge import EventBridge
    from venue_client.ui.crash_dialog import install_excepthook
    from venue_client.ui.env import UiEnv
    from venue_client.ui.main_window import MainWindow
    from venue_client.ui.screenshot import ScreenshotJob
    from venue_client.ui.sync.wiring import attach_sync
    from venue_client.ui.worker import Tasks

    settings = ctx.settings
    interactive = args.screenshot is None
    install_excepthook(log_path, interactive=interactive, on_fatal=lambda: app.exit(1))
    tasks = Tasks()
    bridge = EventBridge(ctx.bus)
    registry = _device_registry(ctx, demo=args.demo) if interactive else None
    env = UiEnv(ctx, tasks, bridge, demo=args.demo, devices=registry)
    window = MainWindow(env, idle_lock_minutes=settings.auth.idle_lock_minutes)
    env.sync = _sync_service(ctx) if interactive else None  # after the bridge listens
    attach_sync(window)

    checkpoints = QTimer()
    checkpoints.setInterval(max(settings.audit.checkpoint_seconds, 5) * 1000)
    checkpoints.timeout.connect(lambda: tasks.run(ctx.checkpoint))
    checkpoints.start()

    if args.screenshot is not None:
        manager = next(u for u in DEMO_USERS if u.role == Role.MANAGER)
        job = ScreenshotJob(
            window,
            username=manager.username,
            password=manager.password,
            page=args.page or "checkin",
            path=args.screenshot.resolve(),
            finish=app.exit,
        )
        window.start()
        job.start()
    else:
        window.resize(1366, 768)
        window.show()
        window.start()
    code = app.exec()

    checkpoints.stop()
    if env.sync is not None:
        env.sync.stop()  # joins the worker (an answer in flight is at most one timeout)
    if registry is not None:
        registry.stop()
    window.idle.stop()
    if env.user is not None:
        user, env.user = env.user, None
        tasks.run(lambda: env.users.logout(user, reason="exit"))
    tasks.wait()
    bridge.close()
    # The last signature covers everything this run recorded (off the GUI thread).
    final = threading.Thread(target=ctx.checkpoint, name="final-checkpoint")
    final.start()
    final.join()
    window.deleteLater()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
