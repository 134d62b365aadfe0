"""While the desk runs, cycles are collected on the GUI thread only: garbage made on
a worker thread is not collected there, the GUI thread's timer collects it, and
automatic collection comes back when the guard goes."""

from __future__ import annotations

import gc
import threading
from typing import Any

from PySide6.QtCore import QObject

from venue_client.ui.gc_guard import GuiThreadCollector


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collection_runs_on_the_gui_thread(qtbot: Any) -> None:
    owner = QObject()
    threads: list[int] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(seen)
    try:
        guard = GuiThreadCollector(owner)
        assert not gc.isenabled()

        def churn() -> None:  # far past the generation-0 threshold
            for _ in range(gc.get_threshold()[0] * 20):
                _Cycle()

        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert worker.ident not in threads
        qtbot.waitUntil(lambda: threading.get_ident() in threads, timeout=5000)
        assert set(threads) == {threading.get_ident()}
        assert guard.parent() is owner
    finally:
        gc.callbacks.remove(seen)
        owner.deleteLater()
        qtbot.waitUntil(gc.isenabled, timeout=5000)
