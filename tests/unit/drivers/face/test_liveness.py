"""Head-turn challenge on landmark sequences projected from a 3D head (and a flat photo)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from drivers.face import liveness as lv
from drivers.face.liveness import (
    HeadTurnChallenge,
    PoseSample,
    Turn,
    evaluate_head_turn,
    random_challenge,
)
from drivers.face.types import KeyPoints

F = 600.0  # focal length, px
DIST = 600.0  # camera to face, mm
PIVOT = 90.0  # the head turns about the neck, this far behind the eyes (mm)
# The person's right eye, left eye, base of the nose (mm; x to the camera's right,
# y down, z away from the camera: the nose is in front of the eyes).
HEAD = np.array([(-32.0, 0.0, 0.0), (32.0, 0.0, 0.0), (0.0, 35.0, -22.0)])
PHOTO = HEAD * np.array([1.0, 1.0, 0.0])  # the same face printed flat


def project(points: np.ndarray, yaw_deg: float, *, mirrored: bool = False) -> KeyPoints:
    """``yaw_deg`` > 0 turns the face towards the camera's right (the person's left)."""
    t = math.radians(yaw_deg)
    rot = np.array([[math.cos(t), 0, -math.sin(t)], [0, 1, 0], [math.sin(t), 0, math.cos(t)]])
    pivot = np.array([0.0, 0.0, PIVOT])
    world = (points - pivot) @ rot.T + pivot + np.array([0.0, 0.0, DIST])
    xy = [(F * x / z + 320, F * y / z + 240) for x, y, z in world]
    if mirrored:
        xy = [(640 - x, y) for x, y in xy]
    right_eye, left_eye, nose = xy
    eyes = sorted([right_eye, left_eye])
    return KeyPoints(eye_left=eyes[0], eye_right=eyes[1], nose=nose)


def schedule(
    *turns: float, hold: float = 0.5, ramp: float = 0.6, fps: float = 10
) -> list[tuple[float, float]]:
    """(time, yaw) at ``fps``: still, then for each angle: turn, hold, come back."""
    keys = [(0.0, 0.0), (hold, 0.0)]
    for angle in turns:
        t = keys[-1][0]
        keys += [
            (t + ramp, angle),
            (t + ramp + 0.3, angle),
            (t + 2 * ramp + 0.3, 0.0),
            (t + 2 * ramp + 0.6, 0.0),
        ]
    end = keys[-1][0]
    times = np.arange(0, end + 1e-9, 1 / fps)
    return [
        (float(t), float(np.interp(t, [k[0] for k in keys], [k[1] for k in keys]))) for t in times
    ]


def samples(plan, points=HEAD, *, mirrored=False, noise=0.7, seed=1) -> list[PoseSample]:
    rng = np.random.default_rng(seed)
    out = []
    for t, yaw in plan:
        kp = project(points, yaw, mirrored=mirrored)
        jitter = rng.normal(0, noise, 6)
        kp = KeyPoints(
            (kp.eye_left[0] + jitter[0], kp.eye_left[1] + jitter[1]),
            (kp.eye_right[0] + jitter[2], kp.eye_right[1] + jitter[3]),
            (kp.nose[0] + jitter[4], kp.nose[1] + jitter[5]),
        )
        out.append(PoseSample(t, kp))
    return out


LEFT_RIGHT = HeadTurnChallenge((Turn.LEFT, Turn.RIGHT))


def test_real_head_turning_as_asked_passes():
    result = evaluate_head_turn(samples(schedule(30, -30)), LEFT_RIGHT)
    assert result.passed, result.reason
    assert result.completed == 2 and result.reason is None
    assert max(result.yaw) > 0.18 and min(result.yaw) < -0.18


def test_mirrored_preview():
    plan = schedule(30, -30)
    assert not evaluate_head_turn(samples(plan, mirrored=True), LEFT_RIGHT).passed
    mirrored = HeadTurnChallenge((Turn.LEFT, Turn.RIGHT), mirrored=True)
    assert evaluate_head_turn(samples(plan, mirrored=True), mirrored).passed


def test_turning_the_wrong_way_fails():
    result = evaluate_head_turn(samples(schedule(-30, 30)), LEFT_RIGHT)
    assert not result.passed and result.reason is lv.T_WRONG_WAY


def test_a_small_turn_is_not_enough():
    assert not evaluate_head_turn(samples(schedule(15, -15)), LEFT_RIGHT).passed
    assert evaluate_head_turn(samples(schedule(30, -30)), LEFT_RIGHT).passed


def test_flat_photo_turned_in_front_of_the_camera_fails():
    result = evaluate_head_turn(samples(schedule(40, -40), PHOTO), LEFT_RIGHT)
    assert not result.passed and result.reason is lv.T_INCOMPLETE
    assert max(abs(y) for y in result.yaw) < 0.05  # perspective alone barely moves it


def test_turn_without_coming_back_is_incomplete():
    plan = [(t, min(30.0, max(0.0, (t - 0.5) * 40))) for t in np.arange(0, 3, 0.1)]
    result = evaluate_head_turn(samples(plan), LEFT_RIGHT)
    assert not result.passed and result.reason is lv.T_INCOMPLETE and result.completed == 0


def test_too_slow():
    result = evaluate_head_turn(samples(schedule(30, -30, ramp=2.5)), LEFT_RIGHT)
    assert not result.passed and result.reason is lv.T_TIMEOUT


def test_face_lost_in_the_middle():
    seq = samples(schedule(30, -30))
    gap = [s if not 1.0 <= s.t <= 1.8 else PoseSample(s.t, None) for s in seq]
    result = evaluate_head_turn(gap, LEFT_RIGHT)
    assert not result.passed and result.reason is lv.T_FACE_LOST


def test_swapping_photos_is_a_discontinuity():
    # A frontal photo, then a second photo of the head turned, put in its place.
    seq = samples(schedule(0, 0), PHOTO)[:8]
    turned = samples([(0.8 + i / 10, 35.0) for i in range(6)], HEAD)
    shifted = [PoseSample(s.t, _shift(s.keypoints, 80)) for s in turned]
    result = evaluate_head_turn(seq + shifted, HeadTurnChallenge((Turn.LEFT,)))
    assert not result.passed and result.reason is lv.T_JUMP


def test_must_start_still_and_facing_the_camera():
    wobbly = samples(schedule(30, -30), noise=6.0)
    assert evaluate_head_turn(wobbly, LEFT_RIGHT).reason is lv.T_NOT_STILL
    sideways = [PoseSample(t, project(HEAD, 30.0)) for t in np.arange(0, 2, 0.1)]
    assert evaluate_head_turn(sideways, LEFT_RIGHT).reason is lv.T_NOT_STILL


def test_no_face_at_all():
    assert evaluate_head_turn([PoseSample(0.0, None)], LEFT_RIGHT).reason is lv.T_NO_FACE


def test_random_challenges_and_prompts():
    rng = random.Random(7)
    seen = {random_challenge(2, rng=rng).turns for _ in range(40)}
    assert len(seen) == 4  # LL, LR, RL, RR: an attacker cannot prepare one recording
    challenge = random_challenge(3, mirrored=True)
    assert len(challenge.turns) == 3 and challenge.mirrored
    assert Turn.LEFT.prompt == "请向左转头，再转回正面"


def test_yaw_ratio_grows_with_a_real_turn_and_not_with_a_photo():
    from drivers.face.quality import yaw_ratio

    head = [yaw_ratio(project(HEAD, yaw)) for yaw in (0, 10, 20, 30, 40)]
    photo = [yaw_ratio(project(PHOTO, yaw)) for yaw in (0, 10, 20, 30, 40)]
    assert head == sorted(head) and head[0] == pytest.approx(0, abs=1e-9)
    assert 0.12 < head[2] < 0.18 < head[3]  # min_turn 0.18 is reached at ~22 degrees
    assert max(photo) < 0.02


def _shift(kp: KeyPoints, dx: float) -> KeyPoints:
    return KeyPoints(
        (kp.eye_left[0] + dx, kp.eye_left[1]),
        (kp.eye_right[0] + dx, kp.eye_right[1]),
        (kp.nose[0] + dx, kp.nose[1]),
    )
