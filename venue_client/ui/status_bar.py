"""The status bar, seen by every role: link to the central platform (online/offline or
not configured), last successful sync, events waiting to be sent, open sync alarms
(red, clickable), devices, size of the audit log and the trusted clock ("北京时间 …",
with a note while it is the local clock, or the monotonic clock anchored at the last
calibration while the platform is unreachable)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from venue_client.sync.alarms import LABELS as ALARM_LABELS
from venue_client.ui.formatting import clock_text, short_time
from venue_client.ui.i18n import tr_text
from venue_client.ui.labels import SYNC_STATES, SYNC_TONES, label, sync_state
from venue_client.ui.sync.texts import ALARM_OTHER, ALARM_SHORT, NOT_CONFIGURED
from venue_client.ui.theme import FAILURE_RED, MUTED, TONES, WARNING_ORANGE

DEVICE_OK = ("ok", "ready", "connected")
DEVICE_FAULT = "fault"


class ClickableLabel(QLabel):
    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class VenueStatusBar(QStatusBar):
    alarm_clicked = Signal()

    def __init__(self, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.setSizeGripEnabled(False)
        self.demo = demo
        self.devices: dict[str, str] = {}
        self.audit_size: int | None = None
        self.configured = True  # until told otherwise (``set_sync_configured``)
        self.online = False
        self.alarms: dict[int, dict[str, Any]] = {}  # open alarms by id
        self.calibrated_at: datetime | None = None  # last time the platform's clock was read
        self.trusted_now: Callable[[], datetime] | None = None  # the sync service's clock
        self._last_tick: datetime | None = None
        self.alarm = ClickableLabel()
        self.alarm.setObjectName("statusAlarm")
        self.alarm.setCursor(Qt.CursorShape.PointingHandCursor)
        self.alarm.setStyleSheet(f"color:white;background:{FAILURE_RED};font-weight:bold;")
        self.alarm.clicked.connect(self.alarm_clicked.emit)
        self.alarm.hide()
        self.addWidget(self.alarm)  # left side: it must never be squeezed out
        self.sync = self._label("statusSync")
        self.last_sync = self._label("statusLastSync")
        self.outbox = self._label("statusOutbox")
        self.device = self._label("statusDevice")
        self.audit = self._label("statusAudit")
        self.clock = self._label("statusClock")
        self.set_sync_state("offline")
        self.last_sync.hide()
        self.outbox.hide()
        self._show_devices()
        self.set_audit_size(None)

    def _label(self, name: str) -> QLabel:
        widget = QLabel()
        widget.setObjectName(name)
        self.addPermanentWidget(widget)
        return widget

    # -- the central platform -------------------------------------------------------

    def set_sync_state(self, state: str) -> None:
        self.online = state in ("online", "syncing")
        self.sync.setText("● " + label(SYNC_STATES, state))
        self.sync.setStyleSheet(f"color:{TONES[SYNC_TONES.get(state, 'grey')]};")

    def set_sync_configured(self, configured: bool) -> None:
        """Without a central URL the client works offline on purpose: say so."""
        self.configured = configured
        if not configured:
            self.sync.setText("● " + tr_text(NOT_CONFIGURED))
            self.sync.setStyleSheet(f"color:{MUTED};")

    def set_sync_status(self, data: dict[str, Any]) -> None:
        """Show one ``sync.status`` event (``SyncStatus.as_json()``)."""
        if not self.configured:
            return
        self.set_sync_state("online" if data.get("online") else "offline")
        if self.online:
            self.calibrated_at = self._last_tick
        last = data.get("last_success")
        when = datetime.fromisoformat(last) if isinstance(last, str) and last else None
        if self.calibrated_at is None and when is not None and self.online:
            self.calibrated_at = when
        self.last_sync.setText(
            self.tr("上次同步 {time}").format(time=short_time(when))
            if when is not None
            else self.tr("尚未同步")
        )
        self.last_sync.show()
        pending = int(data.get("outbox_pending") or 0)
        rejected = int(data.get("outbox_rejected") or 0)
        text = self.tr("待发送 {n}").format(n=pending)
        if rejected:
            text += self.tr("，被拒绝 {n}").format(n=rejected)
        self.outbox.setText(text)
        self.outbox.setStyleSheet(f"color:{WARNING_ORANGE};" if rejected else "")
        self.outbox.show()
        listed = data.get("alarms")
        if isinstance(listed, list):
            self.alarms = {int(a["id"]): dict(a) for a in listed if isinstance(a, dict)}
            self._show_alarms()

    def _show_alarms(self) -> None:
        if not self.alarms:
            self.alarm.hide()
            self.alarm.clear()
            return
        ordered = sorted(self.alarms.values(), key=lambda a: (not a.get("blocking"), a["id"]))
        first = ordered[0]
        name = tr_text(ALARM_SHORT.get(str(first.get("kind")), ALARM_OTHER))
        if len(ordered) == 1:
            text = self.tr("⚠ 告警：{name}").format(name=name)
        else:
            text = self.tr("⚠ 告警 {n} 条：{name} 等").format(n=len(ordered), name=name)
        if any(a.get("blocking") for a in ordered):
            text += self.tr(" · 同步已停止")
        self.alarm.setText(text)
        self.alarm.setToolTip(
            "\n".join(
                f"#{a['id']} {tr_text(ALARM_LABELS.get(str(a.get('kind')), ALARM_OTHER))} "
                f"{a.get('subject', '')}"
                for a in ordered
            )
            + "\n"
            + self.tr("点击查看；须由分中心管理员确认")
        )
        self.alarm.show()

    # -- audit log and clock --------------------------------------------------------

    def set_audit_size(self, size: int | None) -> None:
        """Show the log size; it only grows, so a late, smaller figure is ignored."""
        if size is not None and self.audit_size is not None:
            size = max(size, self.audit_size)
        self.audit_size = size
        text = "-" if size is None else str(size)
        self.audit.setText(self.tr("审计日志 {n} 条").format(n=text))

    def tick(self, now: datetime, source: str) -> None:
        self._last_tick = now
        anchored = self.configured and not self.online and source == "platform"
        if anchored and self.trusted_now is not None:
            now = self.trusted_now()  # the platform's time carried on the monotonic clock
        if anchored and self.calibrated_at is not None:
            self.clock.setText(
                clock_text(now, "platform")
                + self.tr("（本机时钟，上次校准 {time}）").format(
                    time=short_time(self.calibrated_at)
                )
            )
        else:
            self.clock.setText(clock_text(now, source))

    # -- events ---------------------------------------------------------------------

    def on_bus(self, name: str, data: Any) -> None:
        payload = data if isinstance(data, dict) else {}
        if name == "sync.state":
            self.set_sync_state(sync_state(payload))
        elif name == "sync.status":
            self.set_sync_status(payload)
        elif name == "sync.alarm" and isinstance(payload.get("id"), int):
            self.alarms[payload["id"]] = dict(payload)
            self._show_alarms()
        elif name == "sync.alarm_acknowledged" and isinstance(payload.get("id"), int):
            self.alarms.pop(payload["id"], None)
            self._show_alarms()
        elif name == "device.state":
            label = payload.get("label") or payload.get("device") or "?"
            name = tr_text(label) if isinstance(label, str) else str(label)
            self.devices[name] = str(payload.get("state", ""))
            self._show_devices()
        elif name == "audit.checkpoint" and isinstance(payload.get("tree_size"), int):
            self.set_audit_size(payload["tree_size"])
        if isinstance(payload.get("seq"), int) and name != "sync.rejected":
            # every recorded event carries its leaf index (sync.rejected: an outbox seq)
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
