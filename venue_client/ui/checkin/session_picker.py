"""Which session the desk checks people in to: today's sessions, the last one chosen
remembered (per data directory, so desks sharing a PC's profile do not mix)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from venue_client.services.schedule import SessionSummary
from venue_client.ui.formatting import short_time
from venue_client.ui.labels import SESSION_KINDS, label

FINISHED = ("closed", "failed")
KEY = "checkin/session"


class SessionPicker(QComboBox):
    """``chosen(ref)`` when the operator picks another session (not on a refresh)."""

    chosen = Signal(str)

    def __init__(self, state_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPicker")
        self.setMinimumContentsLength(40)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.sessions: list[SessionSummary] = []
        self._store = QSettings(str(state_file), QSettings.Format.IniFormat)
        self._filling = False
        self.currentIndexChanged.connect(self._changed)

    @property
    def ref(self) -> str:
        """The chosen session ("O1", "E3"), or "" when there is none today."""
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def current(self) -> SessionSummary | None:
        return next((s for s in self.sessions if s.id == self.ref), None)

    def set_sessions(self, sessions: list[SessionSummary]) -> None:
        """Refill, keeping the current choice (or the remembered one, or the first
        session that has not finished)."""
        wanted = self.ref or str(self._store.value(KEY, "") or "")
        self._filling = True
        try:
            self.sessions = list(sessions)
            self.clear()
            for s in sessions:
                self.addItem(self.describe(s), s.id)
            refs = [s.id for s in sessions]
            if wanted in refs:
                index = refs.index(wanted)
            else:
                index = next((i for i, s in enumerate(sessions) if s.state not in FINISHED), 0)
            self.setCurrentIndex(index if sessions else -1)
        finally:
            self._filling = False

    def choose(self, ref: str) -> bool:
        """Pick session ``ref`` as the operator would; False when it is not listed."""
        index = self.findData(ref)
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def describe(self, s: SessionSummary) -> str:
        return self.tr("{time} {kind} · {project} {section} · {room}").format(
            time=short_time(s.scheduled_at),
            kind=label(SESSION_KINDS, s.kind),
            project=s.project_name,
            section=s.section_name,
            room=s.room_name,
        )

    def _changed(self, _index: int) -> None:
        if self._filling:
            return
        self._store.setValue(KEY, self.ref)
        self.chosen.emit(self.ref)
