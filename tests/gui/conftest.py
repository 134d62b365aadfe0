"""GUI test fixtures: a seeded demo database copied per test, and a main window built
the way the composition root builds it. Teardown stops the workers, unsubscribes the
bridge and closes the context."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from venue_client.config import load_settings
from venue_client.services.context import AppContext, open_context
from venue_client.services.demo import seed_demo
from venue_client.ui.bridge import EventBridge
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import install_translators
from venue_client.ui.main_window import MainWindow
from venue_client.ui.theme import apply_theme
from venue_client.ui.worker import Tasks

from .helpers import TIMEOUT

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database seeded once per run (Argon2 makes seeding users slow)."""
    data = tmp_path_factory.mktemp("seeded") / "data"
    ctx = open_context(load_settings(data_dir=data))
    try:
        seed_demo(ctx)
    finally:
        ctx.close()
    return data


@pytest.fixture
def demo_data(seeded_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded demo data directory."""
    target = tmp_path / "demo"
    shutil.copytree(seeded_template, target)
    return target


@pytest.fixture
def make_window(qtbot, qapp: QApplication, demo_data: Path) -> Iterator[WindowFactory]:  # type: ignore[no-untyped-def]
    apply_theme(qapp)
    built: list[tuple[MainWindow, AppContext, Tasks, EventBridge]] = []

    def factory(
        *, lang: str = "zh_CN", data_dir: Path | None = None, idle_lock_minutes: float = 10
    ) -> MainWindow:
        install_translators(qapp, lang)
        ctx = open_context(load_settings(data_dir=data_dir or demo_data))
        tasks = Tasks()
        bridge = EventBridge(ctx.bus)
        env = UiEnv(ctx, tasks, bridge, demo=True)
        window = MainWindow(env, idle_lock_minutes=idle_lock_minutes)
        qtbot.addWidget(window)
        built.append((window, ctx, tasks, bridge))
        window.resize(1366, 768)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.started, timeout=TIMEOUT)
        return window

    yield factory
    for window, ctx, tasks, bridge in built:
        window.idle.stop()
        window.clock_timer.stop()
        tasks.wait()
        QApplication.processEvents()  # deliver results still queued
        bridge.close()
        ctx.close()
    install_translators(qapp, "zh_CN")
