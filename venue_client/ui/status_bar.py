"""The status bar: link to the central platform, devices, size of the audit log and
the trusted clock ("北京时间 …", with a note while it is the local clock)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from venue_client.ui.formatting import clock_text
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import SYNC_STATES, SYNC_TONES, label, sync_state
from venue_client.ui.theme import FAILURE_RED, MUTED, TONES

DEVICE_OK = ("ok", "ready", "connected")
DEVICE_FAULT = "fault"


class VenueStatusBar(QStatusBar):
    def __init__(self, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self.demo = demo
        self.devices: dict[str, str] = {}
        self.audit_size: int | None = None
        self.sync = self._label("statusSync")
        self.device = self._label("statusDevice")
        self.audit = self._label("statusAudit")
        self.clock = self._label("statusClock")
        self.set_sync_state("offline")
        self._show_devices()
        self.set_audit_size(None)

    def _label(self, name: str) -> QLabel:
        widget = QLabel()
        widget.setObjectName(name)
        self.addPermanentWidget(widget)
        return widget

    def set_sync_state(self, state: str) -> None:
        self.sync.setText("● " + label(SYNC_STATES, state))
        self.sync.setStyleSheet(f"color:{TONES[SYNC_TONES.get(state, 'grey')]};")

    def set_audit_size(self, size: int | None) -> None:
        """Show the log size; it only grows, so a late, smaller figure is ignored."""
        if size is not None and self.audit_size is not None:
            size = max(size, self.audit_size)
        self.audit_size = size
        text = "-" if size is None else str(size)
        self.audit.setText(self.tr("审计日志 {n} 条").format(n=text))

    def tick(self, now: datetime, source: str) -> None:
        self.clock.setText(clock_text(now, source))

    def on_bus(self, name: str, data: Any) -> None:
        payload = data if isinstance(data, dict) else {}
        if name == "sync.state":
            self.set_sync_state(sync_state(payload))
        elif name == "device.state":
            label = payload.get("label") or payload.get("device") or "?"
            name = tr_text(label) if isinstance(label, str) else str(label)
            self.devices[name] = str(payload.get("state", ""))
            self._show_devices()
        elif name == "audit.checkpoint" and isinstance(payload.get("tree_size"), int):
            self.set_audit_size(payload["tree_size"])
        if isinstance(payload.get("seq"), int):  # every recorded event carries its leaf index
            self.set_audit_size(payload["seq"] + 1)

    def _show_devices(self) -> None:
        states = set(self.devices.values())
        failing = sorted(name for name, state in self.devices.items() if state == DEVICE_FAULT)
        if failing:
            self.device.setText(self.tr("设备异常：{names}").format(names="、".join(failing)))
            self.device.setStyleSheet(f"color:{FAILURE_RED};")
        elif "simulated" in states:
            self.device.setText(self.tr("模拟设备"))
            self.device.setStyleSheet(f"color:{MUTED};")
        elif states & set(DEVICE_OK):
            self.device.setText(self.tr("设备正常"))
            self.device.setStyleSheet("")
        elif self.demo:
            self.device.setText(self.tr("模拟设备"))
            self.device.setStyleSheet(f"color:{MUTED};")
        else:
            self.device.setText(self.tr("设备：未连接"))
            self.device.setStyleSheet(f"color:{MUTED};")
