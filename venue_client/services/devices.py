"""The device registry: drivers built from configuration, their health watched in the
background and announced on the bus as ``device.state`` events
(``{device, kind, state, detail}``) for the status bar and the pages.

States: ``ok`` (working), ``simulated`` (a simulator stands in, demo mode),
``absent`` (not configured, or nothing plugged in where that is normal, such as no
USB key in the slot), ``fault`` (configured but failing: an alarm).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from venue_client.config import DeviceSettings, Settings
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message
from venue_client.services.events import EventBus

log = logging.getLogger(__name__)

SIM = "sim://"
DEMO_LIFT_SECONDS = 0.8  # longer than two polls of the desk's card watcher
M_NOT_CONFIGURED = QT_TRANSLATE_NOOP("devices", "未配置")
M_SIMULATED = QT_TRANSLATE_NOOP("devices", "模拟设备")
M_MODULE_MISSING = QT_TRANSLATE_NOOP("devices", "找不到 PKCS#11 模块 {path}")
M_NO_TOKEN = QT_TRANSLATE_NOOP("devices", "未插入加密锁")
M_TOKENS = QT_TRANSLATE_NOOP("devices", "已插入 {count} 个加密锁")
M_ERROR = QT_TRANSLATE_NOOP("devices", "{error}")
M_CONNECTING = QT_TRANSLATE_NOOP("devices", "正在连接")
M_FACE_READY = QT_TRANSLATE_NOOP("devices", "{backend} 模型 {model}")
LABELS = {
    "idcard": QT_TRANSLATE_NOOP("devices", "身份证读卡器"),
    "token": QT_TRANSLATE_NOOP("devices", "CA 锁"),
    "face": QT_TRANSLATE_NOOP("devices", "人证比对"),
}


@dataclass(frozen=True)
class DeviceStatus:
    device: str  # stable key, e.g. "idcard"
    kind: str
    state: str  # ok | simulated | absent | fault
    detail: Message | None = None


class Device(Protocol):
    key: str
    kind: str

    def check(self) -> DeviceStatus: ...

    def close(self) -> None: ...


def _fault(device: Device, exc: Exception) -> DeviceStatus:
    text = getattr(exc, "text", None)
    args = getattr(exc, "args_map", {})
    detail = Message(text, **args) if text is not None else Message(M_ERROR, error=exc)
    return DeviceStatus(device.key, device.kind, "fault", detail)


class IdCardDevice:
    """The desk's ID card reader, or a simulator on a pseudo-terminal (``sim://``)."""

    key = "idcard"
    kind = "idcard"

    def __init__(self, settings: DeviceSettings) -> None:
        from drivers.idcard import IdCardReader
        from drivers.idcard.wlt import load_wlt_decoder

        self.simulator: Any = None
        url = settings.idcard
        if url == SIM:
            from drivers.idcard.simulator import IdCardSimulator

            self.simulator = IdCardSimulator()
            self.simulator.__enter__()
            url = self.simulator.port
        decoder = load_wlt_decoder(settings.wlt_decoder) if settings.wlt_decoder else None
        self.reader = IdCardReader(url, baudrate=settings.idcard_baud, wlt_decoder=decoder)

    def check(self) -> DeviceStatus:
        try:
            if not self.reader.is_open:
                self.reader.open()
            self.reader.sam_status()
        except Exception as exc:  # every driver failure becomes a fault state
            self.reader.close()
            return _fault(self, exc)
        state = "simulated" if self.simulator is not None else "ok"
        return DeviceStatus(
            self.key, self.kind, state, Message(M_SIMULATED) if self.simulator else None
        )

    def place_demo_card(self, id_number: str, name: str) -> None:
        """Demo mode: lift the card on the simulated reader, then place this person's
        card after ``lift_seconds`` (as a person would), so the desk sees a new card."""
        if self.simulator is None:
            return
        from drivers.idcard.deck import card_for

        card = card_for(id_number, name)
        self.simulator.lift()
        timer = threading.Timer(DEMO_LIFT_SECONDS, self.simulator.place, args=(card,))
        timer.daemon = True
        timer.start()

    def close(self) -> None:
        self.reader.close()
        if self.simulator is not None:
            self.simulator.__exit__(None, None, None)


class TokenDevice:
    """The PKCS#11 module bidders' USB keys are read through (``sim://``: soft tokens)."""

    key = "token"
    kind = "token"

    def __init__(self, settings: DeviceSettings) -> None:
        self.path = settings.token_module
        self.module: Any = None
        self._demo_ca: Any = None
        self._simulated: tuple[tuple[str, str], ...] = ()
        self._lock = threading.Lock()

    def check(self) -> DeviceStatus:
        if self.path == SIM:
            return DeviceStatus(self.key, self.kind, "simulated", Message(M_SIMULATED))
        if not Path(self.path).is_file():
            return DeviceStatus(
                self.key, self.kind, "fault", Message(M_MODULE_MISSING, path=self.path)
            )
        try:
            from drivers.token import Pkcs11Module

            if self.module is None:
                self.module = Pkcs11Module(self.path)
            tokens = self.module.tokens()
        except Exception as exc:  # a broken vendor module is a fault, not a crash
            return _fault(self, exc)
        if not tokens:
            return DeviceStatus(self.key, self.kind, "absent", Message(M_NO_TOKEN))
        return DeviceStatus(self.key, self.kind, "ok", Message(M_TOKENS, count=len(tokens)))

    def source(self, bidders: Sequence[tuple[str, str]] = ()) -> Any:
        """Where USB keys are found (``tokens()``, ``open_token(label)``): the PKCS#11
        module, or with ``sim://`` a simulator holding one key per bidder
        (name, USCC) issued by the demo CA. Blocks: call it on a worker thread."""
        if self.path != SIM:
            from drivers.token import Pkcs11Module

            if self.module is None:
                self.module = Pkcs11Module(self.path)
            return self.module
        from drivers.token import DemoCa, TokenSimulator
        from drivers.token.simulator import SimBidder

        wanted = tuple(bidders)
        with self._lock:
            if self._demo_ca is None:
                self._demo_ca = DemoCa()
            if self.module is None or self._simulated != wanted:
                if self.module is not None:
                    self.module.close()
                people = [SimBidder(name, uscc) for name, uscc in wanted]
                self.module = TokenSimulator(people, ca=self._demo_ca)
                self._simulated = wanted
            return self.module

    def trusted_roots(self) -> list[Any]:
        """The demo CA's root when keys are simulated (trusted in demo mode only)."""
        return [self._demo_ca.certificate] if self._demo_ca is not None else []

    def close(self) -> None:
        if self.path == SIM and self.module is not None:
            self.module.close()
        self.module = None


class FaceDevice:
    """The face verification backend: its models loaded (and hash-checked) once, in
    the background, so a bad model file shows as a fault before anyone checks in."""

    key = "face"
    kind = "face"

    def __init__(self, settings: Settings) -> None:
        from drivers.face import FaceSettings

        base = settings.source.parent if settings.source else settings.data_dir
        self.face_settings = FaceSettings.from_mapping(settings.face, base)
        self.verifier: Any = None

    def check(self) -> DeviceStatus:
        if self.verifier is None:
            try:
                from drivers.face import open_verifier

                self.verifier = open_verifier(self.face_settings)
            except Exception as exc:  # missing or tampered model: a fault to show
                return _fault(self, exc)
        detail = Message(
            M_FACE_READY, backend=self.face_settings.backend, model=self.verifier.model_id[:12]
        )
        return DeviceStatus(self.key, self.kind, "ok", detail)

    def close(self) -> None:
        if self.verifier is not None:
            self.verifier.close()


class CameraDevice:
    """One camera of this desk's room, kept open so a lost signal is an alarm within
    seconds (the driver's watchdog), reconnecting by itself."""

    kind = "camera"

    def __init__(self, key: str, url: str) -> None:
        from drivers.camera import camera_source

        self.key = key
        self.simulated = url.startswith(SIM)
        self.source = camera_source(url)
        self.source.open(wait=False)

    def check(self) -> DeviceStatus:
        state = getattr(self.source.state, "value", str(self.source.state))
        if state == "live":
            live = "simulated" if self.simulated else "ok"
            return DeviceStatus(
                self.key, self.kind, live, Message(M_SIMULATED) if self.simulated else None
            )
        error = self.source.last_error
        if error is None:  # still connecting for the first time
            return DeviceStatus(self.key, self.kind, "absent", Message(M_CONNECTING))
        return _fault(self, error)

    def close(self) -> None:
        self.source.close()


FACTORIES: dict[str, Callable[[Settings], Device]] = {
    "idcard": lambda s: IdCardDevice(s.devices),
    "token": lambda s: TokenDevice(s.devices),
    "face": FaceDevice,
}
CONFIGURED: dict[str, Callable[[Settings], str]] = {
    "idcard": lambda s: s.devices.idcard,
    "token": lambda s: s.devices.token_module,
    "face": lambda s: s.devices.face,
}


class DeviceRegistry:
    """Builds the configured devices and watches them on one monitor thread."""

    def __init__(
        self, settings: Settings, bus: EventBus, cameras: Sequence[tuple[str, str]] = ()
    ) -> None:
        """``cameras``: (label, source URL) of the cameras of this desk's room."""
        self.settings = settings
        self.bus = bus
        self.cameras = list(cameras)
        self.labels: dict[str, object] = dict(LABELS)
        self.devices: dict[str, Device] = {}
        self._status: dict[str, DeviceStatus] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        for key, factory in FACTORIES.items():
            if not CONFIGURED[key](self.settings):
                self._publish(DeviceStatus(key, key, "absent", Message(M_NOT_CONFIGURED)))
                continue
            try:
                self.devices[key] = factory(self.settings)
            except Exception as exc:  # an unusable configuration is shown, not fatal
                log.warning("device %s cannot start: %s", key, exc)
                self._publish(DeviceStatus(key, key, "fault", Message(M_ERROR, error=exc)))
        for n, (label, url) in enumerate(self.cameras):
            key = f"camera-{n}"
            self.labels[key] = label
            try:
                self.devices[key] = CameraDevice(key, url)
            except Exception as exc:  # a malformed camera URL is shown, not fatal
                self._publish(DeviceStatus(key, "camera", "fault", Message(M_ERROR, error=exc)))
        self._thread = threading.Thread(target=self._monitor, name="device-monitor", daemon=True)
        self._thread.start()

    def check_now(self) -> list[DeviceStatus]:
        for device in list(self.devices.values()):
            self._publish(device.check())
        return self.statuses()

    def statuses(self) -> list[DeviceStatus]:
        with self._lock:
            return list(self._status.values())

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        for device in self.devices.values():
            device.close()

    def _monitor(self) -> None:
        while not self._stop.is_set():
            self.check_now()
            self._stop.wait(self.settings.devices.poll_seconds)

    def _publish(self, status: DeviceStatus) -> None:
        with self._lock:
            changed = self._status.get(status.device) != status
            self._status[status.device] = status
        if changed:
            if status.state == "fault":
                log.warning("device %s: %s", status.device, status.detail)
            self.bus.publish(
                "device.state",
                device=status.device,
                label=self.labels.get(status.device, status.device),
                kind=status.kind,
                state=status.state,
                detail=status.detail,
            )
