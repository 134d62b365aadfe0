"""The device registry: simulators in demo mode, faults shown as states on the bus,
bad configuration refused with a clear message."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from venue_client.config import E_CONFIG_FACE, ConfigError, DeviceSettings, Settings, load_settings
from venue_client.services.devices import DeviceRegistry
from venue_client.services.events import EventBus


def _settings(
    tmp_path: Path, devices: DeviceSettings, face: dict[str, Any] | None = None
) -> Settings:
    return replace(load_settings(data_dir=tmp_path, env={}), devices=devices, face=face or {})


class Heard:
    def __init__(self, bus: EventBus) -> None:
        self.events: list[dict[str, Any]] = []
        self.changed = threading.Condition()
        bus.subscribe("device.state", self._on)

    def _on(self, _name: str, data: dict[str, Any]) -> None:
        with self.changed:
            self.events.append(data)
            self.changed.notify_all()

    def wait_for(self, device: str, state: str, timeout: float = 30) -> dict[str, Any]:
        with self.changed:
            ok = self.changed.wait_for(
                lambda: any(e["device"] == device and e["state"] == state for e in self.events),
                timeout,
            )
        assert ok, f"{device} never became {state}: {self.events}"
        return next(e for e in self.events if e["device"] == device and e["state"] == state)


def test_demo_devices_are_simulated_and_face_models_load(tmp_path: Path) -> None:
    bus = EventBus()
    heard = Heard(bus)
    registry = DeviceRegistry(_settings(tmp_path, DeviceSettings.simulated()), bus)
    registry.start()
    try:
        heard.wait_for("idcard", "simulated")
        heard.wait_for("token", "simulated")
        face = heard.wait_for("face", "ok", timeout=60)
        assert "dlib" in str(face["detail"])
        # the simulated reader really answers: read a card through the registry's reader
        device: Any = registry.devices["idcard"]
        device.simulator.place()
        card = device.reader.read_card(timeout=5)
        assert len(card.id_number) == 18
    finally:
        registry.stop()


def test_unconfigured_devices_are_absent_not_faults(tmp_path: Path) -> None:
    bus = EventBus()
    heard = Heard(bus)
    registry = DeviceRegistry(_settings(tmp_path, DeviceSettings()), bus)
    registry.start()
    registry.stop()
    assert {e["device"]: e["state"] for e in heard.events} == {
        "idcard": "absent",
        "token": "absent",
        "face": "absent",
    }


def test_missing_reader_and_module_are_faults_with_reasons(tmp_path: Path) -> None:
    bus = EventBus()
    heard = Heard(bus)
    devices = DeviceSettings(
        idcard=str(tmp_path / "no-such-tty"), token_module=str(tmp_path / "nope.so")
    )
    registry = DeviceRegistry(_settings(tmp_path, devices), bus)
    registry.start()
    try:
        reader = heard.wait_for("idcard", "fault")
        assert "no-such-tty" in str(reader["detail"])
        token = heard.wait_for("token", "fault")
        assert "找不到 PKCS#11 模块" in str(token["detail"])
    finally:
        registry.stop()


def test_reader_loss_is_reported(tmp_path: Path) -> None:
    bus = EventBus()
    heard = Heard(bus)
    registry = DeviceRegistry(
        _settings(tmp_path, DeviceSettings(idcard="sim://", poll_seconds=1)), bus
    )
    registry.start()
    try:
        heard.wait_for("idcard", "simulated")
        device: Any = registry.devices["idcard"]
        device.simulator.set_faults("sam-failure")
        detail = heard.wait_for("idcard", "fault")["detail"]
        assert detail is not None
    finally:
        registry.stop()


def test_tampered_face_model_is_a_fault(tmp_path: Path) -> None:
    import face_recognition_models as frm  # the CC0 models package

    bus = EventBus()
    heard = Heard(bus)
    landmarks = Path(frm.pose_predictor_five_point_model_location())
    embedding = Path(frm.face_recognition_model_location())
    face = {
        "dlib": {
            "landmarks": str(landmarks),
            "landmarks_sha256": "0" * 64,
            "embedding": str(embedding),
            "embedding_sha256": "0" * 64,
        }
    }
    registry = DeviceRegistry(_settings(tmp_path, DeviceSettings(face="on"), face), bus)
    registry.start()
    try:
        heard.wait_for("face", "fault", timeout=60)
    finally:
        registry.stop()


def test_bad_face_table_is_refused_at_load(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[face]\nbackend = "magic"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(data_dir=tmp_path, env={})
    assert info.value.text == E_CONFIG_FACE and "magic" in str(info.value)


def test_room_cameras_are_watched_and_credentials_stay_hidden(tmp_path: Path) -> None:
    bus = EventBus()
    heard = Heard(bus)
    cameras = [
        ("KB-01 全景", "sim://pattern?width=320&height=240&fps=5"),
        ("KB-01 开标台", "rtsp://admin:s3cret@127.0.0.1:1/stream"),  # nothing listens there
    ]
    registry = DeviceRegistry(_settings(tmp_path, DeviceSettings(poll_seconds=1)), bus, cameras)
    registry.start()
    try:
        live = heard.wait_for("camera-0", "simulated")
        assert live["label"] == "KB-01 全景"
        dead = heard.wait_for("camera-1", "fault", timeout=30)
        assert dead["label"] == "KB-01 开标台"
        assert "s3cret" not in str(dead["detail"]) and "127.0.0.1" in str(dead["detail"])
    finally:
        registry.stop()
