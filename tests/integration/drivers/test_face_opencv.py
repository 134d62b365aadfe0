"""The OpenCV YuNet + SFace backend driven through real cv2.FaceDetectorYN and
cv2.FaceRecognizerSF calls, with small generated ONNX models of the same input and
output layout (the venue supplies the real ones): loading from hash-checked bytes,
refusals, detection, alignment, embedding and the decision flow. Not accuracy."""

from __future__ import annotations

import hashlib

import cv2
import numpy as np
import pytest

from drivers.face import (
    FaceSettings,
    ModelFile,
    ModelHashMismatchError,
    ModelInvalidError,
    ModelMissingError,
    NoFaceInIdPhotoError,
    NoFaceInLiveFramesError,
    SeveralFacesError,
    Thresholds,
    Verdict,
    open_verifier,
)
from drivers.face.models import sha256_file
from drivers.face.opencv_backend import OpenCvVerifier
from tests.unit.drivers.face.onnx_models import head, place, sface_like, yunet_like

FRAME = (480, 640)
ID_PHOTO = (126, 102)


@pytest.fixture(scope="module")
def model_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("onnx")
    detector = yunet_like(folder / "face_detection_yunet_like.onnx")
    recognizer = sface_like(folder / "face_recognition_sface_like.onnx")
    return ModelFile(detector, sha256_file(detector)), ModelFile(
        recognizer, sha256_file(recognizer)
    )


@pytest.fixture(scope="module")
def cv_verifier(model_files):
    detector, recognizer = model_files
    verifier = OpenCvVerifier(detector=detector, recognizer=recognizer)
    yield verifier
    verifier.close()


def test_loads_and_records_model_hashes(cv_verifier, model_files):
    detector, recognizer = model_files
    assert cv_verifier.model_sha256 == {
        detector.name: detector.sha256,
        recognizer.name: recognizer.sha256,
    }
    assert cv_verifier.metric == "cosine"
    assert cv_verifier.thresholds == Thresholds(0.50, 0.30)


def test_detection_goes_through_facedetectoryn(cv_verifier):
    (face,) = cv_verifier.detect(place(head(1), FRAME, (10, 7)))
    # The generated detector puts a 96-px box on the white cell at grid (10, 7).
    assert (face.x, face.y, face.width, face.height) == (288, 192, 96, 96)
    assert face.score == pytest.approx(0.998, abs=1e-3)
    assert len(face.landmarks) == 5 and face.keypoints.eye_left[0] < face.keypoints.eye_right[0]
    assert face.quality.frontalness > 0.95
    assert cv_verifier.detect(np.full((*FRAME, 3), 128, np.uint8)) == []
    two = place(head(1), FRAME, (4, 7))
    two[:, 320:] = place(head(2), FRAME, (14, 7))[:, 320:]
    assert len(cv_verifier.detect(two)) == 2


def test_large_frames_are_scaled_for_the_detector_and_back(cv_verifier):
    frame = cv2.resize(place(head(1), FRAME, (10, 7)), (1280, 960), interpolation=cv2.INTER_NEAREST)
    (face,) = cv_verifier.detect(frame)
    # Found on the half-size copy at (288, 192, 96, 96), reported at full size.
    assert (face.x, face.y, face.width, face.height) == (576, 384, 192, 192)
    assert face.landmarks[2] == pytest.approx((672, 486.4))


def test_verify_flow_pass_and_fail(cv_verifier):
    photo = place(head(1), ID_PHOTO, (1, 1))
    same = cv_verifier.verify(photo, [place(head(1), FRAME, (10, 7))])
    other = cv_verifier.verify(photo, [place(head(2), FRAME, (10, 7))])
    assert same.verdict is Verdict.PASS and same.score > 0.5
    assert other.verdict is Verdict.FAIL and other.score < 0.3
    assert same.backend == "opencv-yunet-sface" and same.metric == "cosine"
    assert same.to_record()["model_sha256"] == dict(cv_verifier.model_sha256)


def test_precomputed_live_and_typed_errors(cv_verifier):
    photo = place(head(3), ID_PHOTO, (1, 1))
    live = cv_verifier.precompute_live(
        [place(head(3), FRAME, (c, 7)) for c in (6, 10, 14)], max_live=2
    )
    decision = cv_verifier.verify(photo, live)
    assert decision.verdict is Verdict.PASS and len(decision.frame_scores) == 2
    with pytest.raises(NoFaceInIdPhotoError):
        cv_verifier.verify(np.full((*ID_PHOTO, 3), 128, np.uint8), live)
    with pytest.raises(NoFaceInLiveFramesError):
        cv_verifier.verify(photo, [np.full((*FRAME, 3), 128, np.uint8)])
    two = place(head(1), FRAME, (4, 7))
    two[:, 320:] = place(head(2), FRAME, (14, 7))[:, 320:]
    with pytest.raises(SeveralFacesError):
        cv_verifier.verify(photo, [two])


def test_hash_mismatch_and_bad_files_are_refused(model_files, tmp_path):
    detector, recognizer = model_files
    with pytest.raises(ModelHashMismatchError):
        OpenCvVerifier(detector=ModelFile(detector.path, "0" * 64), recognizer=recognizer)
    with pytest.raises(ModelHashMismatchError):
        OpenCvVerifier(detector=detector, recognizer=ModelFile(recognizer.path, detector.sha256))
    with pytest.raises(ModelMissingError):
        OpenCvVerifier(detector=ModelFile(tmp_path / "none.onnx", "0" * 64), recognizer=recognizer)
    junk = tmp_path / "junk.onnx"
    junk.write_bytes(b"not an onnx model")
    junk_file = ModelFile(junk, hashlib.sha256(b"not an onnx model").hexdigest())
    with pytest.raises(ModelInvalidError):
        OpenCvVerifier(detector=junk_file, recognizer=recognizer)


def test_a_recognizer_in_the_detector_slot_is_reported(model_files):
    detector, recognizer = model_files
    # Loads (any ONNX does), but cannot produce YuNet's outputs: a typed error on use.
    swapped = OpenCvVerifier(detector=recognizer, recognizer=detector)
    try:
        with pytest.raises(ModelInvalidError, match="detector failed"):
            swapped.detect(place(head(1), FRAME, (10, 7)))
    finally:
        swapped.close()


def test_opened_from_configuration(model_files, tmp_path):
    detector, recognizer = model_files
    settings = FaceSettings.from_mapping(
        {
            "backend": "opencv",
            "opencv": {
                "pass_at": 0.9,
                "fail_at": 0.2,
                "detector": detector.path.name,
                "detector_sha256": detector.sha256,
                "recognizer": str(recognizer.path),
                "recognizer_sha256": recognizer.sha256,
            },
        },
        base_dir=detector.path.parent,
    )
    verifier = open_verifier(settings)
    try:
        assert isinstance(verifier, OpenCvVerifier)
        assert verifier.thresholds == Thresholds(0.9, 0.2)
    finally:
        verifier.close()
