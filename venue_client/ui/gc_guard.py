"""Cyclic garbage collection on the GUI thread only.

CPython runs the cyclic collector on whichever thread happens to allocate when a
threshold is crossed, often a worker thread. A cycle that holds a Qt wrapper then
has its QObject destroyed on that thread, which Qt does not allow and which can
crash the process. While the guard is installed, automatic collection is off and
a timer on the GUI thread collects with the same generation thresholds; it is
switched back on when the guard goes away."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250
_installed = 0  # guards alive: automatic collection is back on when none is left


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        global _installed  # noqa: PLW0603 - one switch for the process
        _installed += 1
        gc.disable()
        self._timer.start()
        self.destroyed.connect(_released)

    def collect(self) -> None:
        """Collect the generations whose counts crossed their thresholds."""
        counts = gc.get_count()
        generation = -1
        for level, (count, threshold) in enumerate(zip(counts, self._thresholds, strict=True)):
            if count <= threshold:
                break
            generation = level
        if generation >= 0:
            gc.collect(generation)


def _released() -> None:
    global _installed  # noqa: PLW0603
    _installed -= 1
    if _installed <= 0:
        _installed = 0
        gc.enable()
