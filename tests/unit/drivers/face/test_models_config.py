"""Model files (hash checks, refusals) and configuration, without loading a model."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from drivers.face import (
    FaceConfigError,
    FaceSettings,
    ModelFile,
    ModelHashMismatchError,
    ModelInvalidError,
    ModelMissingError,
    Thresholds,
    open_verifier,
)
from drivers.face import models as m
from drivers.face.errors import CTX, FaceError


def _file(tmp_path: Path, data: bytes = b"model bytes") -> ModelFile:
    path = tmp_path / "model.onnx"
    path.write_bytes(data)
    return ModelFile(path, hashlib.sha256(data).hexdigest())


def test_verified_file(tmp_path):
    model = _file(tmp_path)
    assert m.verify_file(model) == model.sha256
    assert m.read_verified(model) == (b"model bytes", model.sha256)
    upper = ModelFile(model.path, model.sha256.upper())
    assert m.verify_file(upper) == model.sha256


def test_hash_mismatch_is_refused(tmp_path):
    model = _file(tmp_path)
    model.path.write_bytes(b"model bytez")  # tampered after configuration
    with pytest.raises(ModelHashMismatchError) as exc:
        m.read_verified(model)
    assert exc.value.expected == model.sha256 and exc.value.actual != model.sha256
    assert exc.value.code == "FACE_MODEL_HASH"
    assert "SHA-256 不符" in str(exc.value) and str(model.path) in str(exc.value)


def test_missing_file_and_malformed_hash(tmp_path):
    with pytest.raises(ModelMissingError):
        m.verify_file(ModelFile(tmp_path / "nope.dat", "0" * 64))
    with pytest.raises(ModelInvalidError, match="64 hex"):
        m.verify_file(ModelFile(_file(tmp_path).path, "abc"))


def test_refused_models_even_with_matching_hash(tmp_path, monkeypatch):
    model = _file(tmp_path, b"pretend 68-point model")
    monkeypatch.setitem(m.REFUSED_SHA256, model.sha256, "not licensed for commercial use")
    with pytest.raises(ModelInvalidError, match="commercial"):
        m.verify_file(model)


def test_model_id_is_order_independent():
    a = m.model_id({"x": "1" * 64, "y": "2" * 64})
    assert a == m.model_id({"y": "2" * 64, "x": "1" * 64})
    assert a != m.model_id({"x": "1" * 64, "y": "3" * 64})


def test_default_dlib_models_are_the_pinned_5_point_and_resnet_files():
    landmarks, embedding = m.dlib_default_models()
    assert landmarks.name == "shape_predictor_5_face_landmarks.dat"
    assert embedding.name == "dlib_face_recognition_resnet_model_v1.dat"
    assert m.verify_file(landmarks) == m.DLIB_LANDMARKS_5_SHA256
    assert m.verify_file(embedding) == m.DLIB_RESNET_SHA256


def test_sources_never_reach_for_the_68_point_model():
    root = Path(m.__file__).parent
    for source in root.glob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "pose_predictor_model_location" not in text, source
        assert "68_face_landmarks" not in text, source


def test_errors_are_translatable_device_errors():
    error = ModelMissingError("/x/y.dat")
    assert isinstance(error, FaceError)
    assert error.text.context == CTX == "face"
    assert str(error) == "人脸识别模型文件不存在：/x/y.dat"
    assert error.render("Face model file missing: {path}") == "Face model file missing: /x/y.dat"


def test_settings_from_toml_table(tmp_path):
    settings = FaceSettings.from_mapping(
        {
            "backend": "opencv",
            "max_live": 4,
            "dlib": {"pass_at": 0.4, "fail_at": 0.62},
            "opencv": {
                "pass_at": 0.55,
                "fail_at": 0.3,
                "detector": "models/yunet.onnx",
                "detector_sha256": "AB" * 32,
                "recognizer": "/abs/sface.onnx",
                "recognizer_sha256": "cd" * 32,
            },
        },
        base_dir=tmp_path,
    )
    assert settings.backend == "opencv" and settings.max_live == 4
    assert settings.for_backend("dlib").thresholds == Thresholds(0.4, 0.62)
    opencv = settings.for_backend("opencv")
    assert opencv.thresholds == Thresholds(0.55, 0.3)
    assert opencv.models["detector"] == ModelFile(tmp_path / "models/yunet.onnx", "ab" * 32)
    assert opencv.models["recognizer"].path == Path("/abs/sface.onnx")
    assert FaceSettings.from_mapping({}).backend == "dlib"


@pytest.mark.parametrize(
    ("table", "match"),
    [
        ({"backend": "mediapipe"}, "backend"),
        ({"max_live": 0}, "max_live"),
        ({"dlib": {"pass_at": 0.4}}, "pass_at and fail_at"),
        ({"dlib": {"pass_at": "x", "fail_at": 0.6}}, "pass_at and fail_at"),
        ({"opencv": {"detector": "y.onnx"}}, "detector_sha256"),
        ({"opencv": "nope"}, "table"),
    ],
)
def test_bad_settings(table, match):
    with pytest.raises(FaceConfigError, match=match):
        FaceSettings.from_mapping(table)


def test_open_verifier_refuses_incomplete_or_inconsistent_settings(tmp_path):
    with pytest.raises(FaceConfigError, match="detector and recognizer"):
        open_verifier(FaceSettings(backend="opencv"))
    inverted = FaceSettings.from_mapping({"dlib": {"pass_at": 0.7, "fail_at": 0.4}})
    with pytest.raises(FaceConfigError, match="pass_at <= fail_at"):
        open_verifier(inverted)
