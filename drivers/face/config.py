"""Choosing and opening a face backend from configuration.

Thresholds are kept per backend (a distance of 0.45 means nothing on a cosine
scale), so switching backends never reuses the other's numbers::

    [face]
    backend = "dlib"            # or "opencv"
    max_live = 3

    [face.dlib]                 # all optional
    pass_at = 0.45
    fail_at = 0.65

    [face.opencv]               # model files are the venue's; both hashes required
    pass_at = 0.50
    fail_at = 0.30
    detector = "models/face_detection_yunet_2023mar.onnx"
    detector_sha256 = "…"
    recognizer = "models/face_recognition_sface_2021dec.onnx"
    recognizer_sha256 = "…"
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drivers.face.base import FaceVerifier
from drivers.face.errors import FaceConfigError
from drivers.face.models import ModelFile
from drivers.face.types import Thresholds

BACKENDS = ("dlib", "opencv")


@dataclass(frozen=True)
class BackendSettings:
    thresholds: Thresholds | None = None  # None: the backend's default
    models: Mapping[str, ModelFile] = field(default_factory=dict)


@dataclass(frozen=True)
class FaceSettings:
    backend: str = "dlib"
    max_live: int = 3
    backends: Mapping[str, BackendSettings] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], base_dir: Path | None = None) -> FaceSettings:
        """From the ``[face]`` table of the TOML config; relative model paths are
        resolved against ``base_dir`` (the config file's folder)."""
        backend = str(data.get("backend", "dlib"))
        if backend not in BACKENDS:
            raise FaceConfigError(f"face.backend must be one of {BACKENDS}, not {backend!r}")
        max_live = data.get("max_live", 3)
        if not isinstance(max_live, int) or isinstance(max_live, bool) or max_live < 1:
            raise FaceConfigError("face.max_live must be a positive integer")
        per: dict[str, BackendSettings] = {}
        for name in BACKENDS:
            table = data.get(name, {})
            if not isinstance(table, Mapping):
                raise FaceConfigError(f"face.{name} must be a table")
            per[name] = _backend(name, table, base_dir)
        return cls(backend=backend, max_live=max_live, backends=per)

    def for_backend(self, name: str) -> BackendSettings:
        return self.backends.get(name, BackendSettings())


def open_verifier(
    settings: FaceSettings, *, forbid_blocking_in: threading.Thread | None = None
) -> FaceVerifier:
    """Load the configured backend (checks model hashes; ~1 s for dlib)."""
    chosen = settings.for_backend(settings.backend)
    models = chosen.models
    try:
        if settings.backend == "dlib":
            from drivers.face.dlib_backend import DlibVerifier

            return DlibVerifier(
                landmarks=models.get("landmarks"),
                embedding=models.get("embedding"),
                thresholds=chosen.thresholds,
                forbid_blocking_in=forbid_blocking_in,
            )
        if settings.backend == "opencv":
            from drivers.face.opencv_backend import OpenCvVerifier

            if "detector" not in models or "recognizer" not in models:
                raise FaceConfigError("face.opencv needs detector and recognizer files")
            return OpenCvVerifier(
                detector=models["detector"],
                recognizer=models["recognizer"],
                thresholds=chosen.thresholds,
                forbid_blocking_in=forbid_blocking_in,
            )
    except ValueError as exc:  # inconsistent thresholds
        raise FaceConfigError(str(exc)) from exc
    raise FaceConfigError(f"unknown face backend {settings.backend!r}")


_MODEL_KEYS = {"dlib": ("landmarks", "embedding"), "opencv": ("detector", "recognizer")}


def _backend(name: str, table: Mapping[str, Any], base_dir: Path | None) -> BackendSettings:
    thresholds = None
    if "pass_at" in table or "fail_at" in table:
        try:
            thresholds = Thresholds(float(table["pass_at"]), float(table["fail_at"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise FaceConfigError(f"face.{name} needs numeric pass_at and fail_at") from exc
    models: dict[str, ModelFile] = {}
    for key in _MODEL_KEYS[name]:
        if key not in table:
            continue
        digest = table.get(f"{key}_sha256")
        if not isinstance(digest, str) or not digest:
            raise FaceConfigError(f"face.{name}.{key} needs {key}_sha256")
        path = Path(str(table[key])).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        models[key] = ModelFile(path, digest.strip().lower())
    return BackendSettings(thresholds=thresholds, models=models)
