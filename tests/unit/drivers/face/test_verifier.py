"""The verification logic every backend shares, on a model-free fake backend."""

from __future__ import annotations

import threading
from concurrent.futures import Future

import numpy as np
import pytest

from drivers.common import DeviceError, WrongThreadError
from drivers.face import (
    ForeignEmbeddingsError,
    InvalidImageError,
    NoFaceInIdPhotoError,
    NoFaceInLiveFramesError,
    SeveralFacesError,
    Thresholds,
    Verdict,
)
from drivers.face.types import LiveSet
from tests.unit.drivers.face.fakes import FakeVerifier, canvas

RED = (0, 0, 255)
NEAR_RED = (0, 0, 230)  # distance 0.098 from RED: PASS at 0.2
DARK_RED = (0, 0, 150)  # distance 0.412: REVIEW
BLUE = (255, 0, 0)  # distance 1.41: FAIL


@pytest.fixture(scope="module")
def verifier():
    v = FakeVerifier()
    yield v
    v.close()


def test_models_are_loaded_on_the_owner_thread(verifier):
    assert verifier.loaded_on == verifier.owner.thread.name != threading.current_thread().name


@pytest.mark.parametrize(
    ("live", "verdict"),
    [(NEAR_RED, Verdict.PASS), (DARK_RED, Verdict.REVIEW), (BLUE, Verdict.FAIL)],
)
def test_three_way_decision(verifier, live, verdict):
    decision = verifier.verify(canvas((50, 50, 60, RED)), [canvas((20, 20, 80, live))])
    assert decision.verdict is verdict
    assert decision.backend == "fake"
    assert decision.model_sha256 == {"fake.dat": "0" * 64}
    assert decision.model_id == verifier.model_id
    assert decision.thresholds == Thresholds(0.2, 0.5)


def test_best_frames_by_quality_and_median_score(verifier):
    # Five frames: the three largest faces are used, and the median of their scores decides.
    frames = [
        canvas((0, 0, 20, BLUE)),  # small: skipped although it would fail
        canvas((0, 0, 90, NEAR_RED)),
        canvas((0, 0, 95, DARK_RED)),
        canvas((0, 0, 30, BLUE)),  # small: skipped
        canvas((0, 0, 100, NEAR_RED)),
    ]
    decision = verifier.verify(canvas((50, 50, 60, RED)), frames, max_live=3)
    assert len(decision.frame_scores) == 3
    assert sorted(f.width for f in decision.live_faces) == [90, 95, 100]
    assert decision.score == pytest.approx(sorted(decision.frame_scores)[1])
    assert decision.verdict is Verdict.PASS
    assert decision.frames_total == 5


def test_frames_without_face_or_with_two_people_are_counted_and_skipped(verifier):
    frames = [
        canvas(),
        canvas((0, 0, 80, NEAR_RED), (100, 100, 80, BLUE)),
        canvas((0, 0, 80, NEAR_RED), (150, 150, 20, BLUE)),  # small face behind: ignored
    ]
    decision = verifier.verify(canvas((50, 50, 60, RED)), frames)
    assert (decision.frames_without_face, decision.frames_ambiguous) == (1, 1)
    assert len(decision.frame_scores) == 1
    assert decision.to_record()["frames_used"] == 1


def test_typed_errors(verifier):
    face = canvas((50, 50, 60, RED))
    with pytest.raises(NoFaceInIdPhotoError) as no_id:
        verifier.verify(canvas(), [face])
    assert no_id.value.code == "FACE_NO_FACE_ID"
    with pytest.raises(NoFaceInLiveFramesError) as no_live:
        verifier.verify(face, [canvas(), canvas()])
    assert no_live.value.frames == 2
    assert "2 帧" in str(no_live.value)
    with pytest.raises(SeveralFacesError) as several:
        verifier.verify(face, [canvas((0, 0, 80, RED), (100, 100, 80, BLUE))])
    assert (several.value.count, several.value.in_id_photo) == (2, False)
    with pytest.raises(SeveralFacesError) as several_id:
        verifier.verify(canvas((0, 0, 80, RED), (100, 100, 80, BLUE)), [face])
    assert several_id.value.in_id_photo
    assert isinstance(several_id.value, DeviceError)


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((50, 50, 3), np.float32),
        np.zeros((50, 50, 2), np.uint8),
        np.zeros((8, 50, 3), np.uint8),
        "not an image",
    ],
)
def test_bad_images_are_refused(verifier, bad):
    with pytest.raises(InvalidImageError):
        verifier.detect(bad)


def test_grey_and_bgra_images_are_accepted(verifier):
    grey = np.zeros((100, 100), np.uint8)
    grey[10:60, 10:60] = 200
    assert len(verifier.detect(grey)) == 1
    bgra = np.zeros((100, 100, 4), np.uint8)
    bgra[10:60, 10:60] = (0, 0, 255, 255)
    assert len(verifier.detect(bgra)) == 1


def test_precomputed_live_embeddings(verifier):
    live = verifier.precompute_live([canvas((0, 0, 80, NEAR_RED))] * 4, max_live=2)
    assert isinstance(live, Future)
    decision = verifier.verify(canvas((50, 50, 60, RED)), live)  # the Future itself
    assert decision.verdict is Verdict.PASS
    assert len(decision.frame_scores) == 2
    again = verifier.verify(canvas((50, 50, 60, BLUE)), live.result())  # or its LiveSet
    assert again.verdict is Verdict.FAIL


def test_live_errors_surface_through_the_future(verifier):
    live = verifier.precompute_live([canvas()])
    with pytest.raises(NoFaceInLiveFramesError):
        live.result(timeout=5)
    with pytest.raises(NoFaceInLiveFramesError):
        verifier.verify(canvas((50, 50, 60, RED)), live)


def test_embeddings_of_another_model_are_refused(verifier):
    own = verifier.precompute_live([canvas((0, 0, 80, RED))]).result()
    foreign = LiveSet(own.embeddings, "other", "f" * 64, 1, 0, 0)
    with pytest.raises(ForeignEmbeddingsError):
        verifier.verify(canvas((50, 50, 60, RED)), foreign)


def test_thresholds_are_configurable_and_checked():
    v = FakeVerifier(thresholds=Thresholds(0.05, 0.09))
    try:
        decision = v.verify(canvas((50, 50, 60, RED)), [canvas((0, 0, 80, NEAR_RED))])
        assert decision.verdict is Verdict.FAIL
        v.thresholds = Thresholds(0.1, 0.3)
        decision = v.verify(canvas((50, 50, 60, RED)), [canvas((0, 0, 80, NEAR_RED))])
        assert decision.verdict is Verdict.PASS
        with pytest.raises(ValueError, match="pass_at <= fail_at"):
            v.thresholds = Thresholds(0.5, 0.2)
    finally:
        v.close()


def test_backend_hooks_refuse_other_threads(verifier):
    with pytest.raises(WrongThreadError, match="must run on device:face-fake"):
        verifier._detect(canvas((0, 0, 80, RED)))
    with pytest.raises(WrongThreadError):
        verifier._verify(canvas((0, 0, 80, RED)), [], 3)


def test_blocking_calls_refused_on_the_gui_thread():
    v = FakeVerifier(forbid_blocking_in=threading.current_thread())
    try:
        with pytest.raises(WrongThreadError, match="blocking face call"):
            v.verify(canvas((50, 50, 60, RED)), [canvas((0, 0, 80, RED))])
        with pytest.raises(WrongThreadError):
            v.detect(canvas((0, 0, 80, RED)))
        # The non-blocking API is what the GUI thread uses.
        live = v.precompute_live([canvas((0, 0, 80, RED))])
        decision = v.submit_verify(canvas((50, 50, 60, RED)), live).result(timeout=5)
        assert decision.verdict is Verdict.PASS
    finally:
        v.close()


def test_embed_single_face(verifier):
    emb = verifier.embed(canvas((10, 10, 50, RED)))
    assert emb.backend == "fake" and emb.model_id == verifier.model_id
    with pytest.raises(NoFaceInLiveFramesError):
        verifier.embed(canvas())
    with pytest.raises(NoFaceInIdPhotoError):
        verifier.embed(canvas(), id_photo=True)
    face = verifier.detect(canvas((10, 10, 50, RED), (100, 100, 50, BLUE)))[1]
    assert verifier.embed(canvas((10, 10, 50, RED), (100, 100, 50, BLUE)), face).vector[0] == 1.0


def test_decision_record_has_no_floats(verifier):
    record = verifier.verify(canvas((50, 50, 60, RED)), [canvas((0, 0, 80, DARK_RED))]).to_record()
    assert record["verdict"] == "review"
    assert record["backend"] == "fake" and record["model_sha256"] == {"fake.dat": "0" * 64}

    def walk(value):
        assert not isinstance(value, float), value
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(record)
    assert record["score"] == "0.4118"


def test_closed_verifier_refuses_work_instead_of_hanging():
    v = FakeVerifier()
    v.close()
    with pytest.raises(RuntimeError, match="closed"):
        v.verify(canvas((50, 50, 60, RED)), [canvas((0, 0, 80, RED))])
    with pytest.raises(RuntimeError, match="closed"):
        v.precompute_live([canvas((0, 0, 80, RED))])


def test_frames_are_copied_before_queueing(verifier):
    frame = canvas((0, 0, 80, NEAR_RED))
    gate = threading.Event()
    verifier.owner.submit(gate.wait, 5)  # hold the owner thread
    live = verifier.precompute_live([frame])
    frame[:] = 0  # the camera reuses its buffer
    gate.set()
    assert live.result(timeout=5).frames_without_face == 0


def test_model_hashes_cannot_be_changed(verifier):
    with pytest.raises(TypeError):
        verifier.model_sha256["fake.dat"] = "1" * 64  # type: ignore[index]
