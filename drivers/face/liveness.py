"""Active liveness: a random head-turn challenge judged from five-point landmarks.

Pure functions over a sequence of ``PoseSample`` (time + the ``KeyPoints`` of the one
face in each frame); no model of its own, so it works with either backend.

Why a head turn works from five points: the nose lies in front of the eyes, so
when a real head turns the nose slides along the eye line relative to the eyes'
midpoint (``quality.yaw_ratio`` grows ~0.4·tanθ). A printed photo or a screen turned
in front of the camera is flat: eyes and nose compress together and the ratio stays
where it was. What this does NOT stop: a video of the person replayed or streamed in
real time, a 3D mask, a photo bent around a cylinder -- and perspective gives a flat
photo turned steeply close to the camera part of the same signal (measured up to
0.14 against the 0.18 required): a deterrent, not a proof. Blink detection is not offered:
the eye-aspect ratio needs eyelid landmarks, which only the 68-point model (not
licensed for commercial use) provides. See docs/face.md.
"""

from __future__ import annotations

import math
import random
import secrets
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from drivers.common import QT_TRANSLATE_NOOP, DriverText
from drivers.face.quality import interocular, yaw_ratio
from drivers.face.types import KeyPoints

T_TURN = {
    "left": QT_TRANSLATE_NOOP("face", "请向左转头，再转回正面"),
    "right": QT_TRANSLATE_NOOP("face", "请向右转头，再转回正面"),
}
T_NO_FACE = QT_TRANSLATE_NOOP("face", "未检测到人脸，请正对摄像头")
T_NOT_STILL = QT_TRANSLATE_NOOP("face", "开始时请正对摄像头保持不动")
T_FACE_LOST = QT_TRANSLATE_NOOP("face", "人脸离开了画面，请重新开始")
T_JUMP = QT_TRANSLATE_NOOP("face", "画面不连续（疑似更换了照片或画面），请重新开始")
T_WRONG_WAY = QT_TRANSLATE_NOOP("face", "转头方向与提示不符，请重新开始")
T_TIMEOUT = QT_TRANSLATE_NOOP("face", "未在规定时间内完成转头动作")
T_INCOMPLETE = QT_TRANSLATE_NOOP("face", "未观察到要求的转头动作")


class Turn(StrEnum):
    """The person's own left or right."""

    LEFT = "left"
    RIGHT = "right"

    @property
    def prompt(self) -> DriverText:
        return T_TURN[self.value]


@dataclass(frozen=True)
class PoseSample:
    t: float  # seconds, monotonic
    keypoints: KeyPoints | None  # None when the frame had no single face


@dataclass(frozen=True)
class HeadTurnChallenge:
    turns: tuple[Turn, ...]
    mirrored: bool = False  # frames are mirror images (a selfie-style camera)
    # Yaw-ratio change that counts as turned: ~22° of real head turn (3D model). A flat
    # photo turned 40° at 30 cm from the camera measured up to 0.14 (docs/face.md).
    min_turn: float = 0.18
    settle: float = 0.05  # back within this of the start counts as facing forward again
    max_start_yaw: float = 0.15  # the person must start roughly facing the camera
    baseline_frames: int = 3
    baseline_spread: float = 0.04
    time_limit_s: float = 8.0
    max_gap_s: float = 0.5  # longest stretch without a face
    max_jump: float = 0.6  # eye-midpoint move between samples, in interocular distances
    max_scale_step: float = 0.25  # relative interocular change between samples

    def sign(self, turn: Turn) -> int:
        """+1 when the turn moves the nose towards the image's right."""
        # Facing the camera, the person's left is on the (unmirrored) image's right.
        towards_right = turn is Turn.LEFT
        return 1 if towards_right != self.mirrored else -1


@dataclass(frozen=True)
class LivenessResult:
    passed: bool
    reason: DriverText | None
    completed: int  # turns completed
    yaw: tuple[float, ...]  # yaw ratio of each face sample, relative to the start


def random_challenge(
    turns: int = 2, *, mirrored: bool = False, rng: random.Random | None = None
) -> HeadTurnChallenge:
    """A challenge the person cannot have recorded in advance (not always L then R)."""
    pick = rng.choice if rng is not None else secrets.choice
    return HeadTurnChallenge(tuple(pick(list(Turn)) for _ in range(turns)), mirrored=mirrored)


def evaluate_head_turn(
    samples: Sequence[PoseSample], challenge: HeadTurnChallenge
) -> LivenessResult:
    samples = sorted(samples, key=lambda s: s.t)
    faces = [(s.t, s.keypoints) for s in samples if s.keypoints is not None]
    if len(faces) < challenge.baseline_frames:
        return LivenessResult(False, T_INCOMPLETE if faces else T_NO_FACE, 0, ())
    yaws = [yaw_ratio(kp) for _, kp in faces]
    start = yaws[: challenge.baseline_frames]
    baseline = statistics.median(start)
    rel = tuple(y - baseline for y in yaws)
    if max(start) - min(start) > challenge.baseline_spread or (
        abs(baseline) > challenge.max_start_yaw
    ):
        return LivenessResult(False, T_NOT_STILL, 0, rel)
    times = [t for t, _ in faces]
    done, reason = _follow(times, rel, challenge, _continuity(samples, challenge))
    return LivenessResult(reason is None, reason, done, rel)


def _follow(
    times: Sequence[float],
    rel: Sequence[float],
    challenge: HeadTurnChallenge,
    broken: tuple[float, DriverText] | None,
) -> tuple[int, DriverText | None]:
    """Walk the yaw trace through turn -> back to the front, once per requested turn."""
    done = 0
    turned = False
    for t, r in zip(times, rel, strict=True):
        if broken is not None and t >= broken[0]:
            return done, broken[1]
        if t - times[0] > challenge.time_limit_s:
            return done, T_TIMEOUT
        toward = r * challenge.sign(challenge.turns[done])
        if not turned:
            if toward <= -challenge.min_turn:
                return done, T_WRONG_WAY
            turned = toward >= challenge.min_turn
        elif abs(r) <= challenge.settle:
            turned = False
            done += 1
            if done == len(challenge.turns):
                return done, None
    return done, broken[1] if broken is not None else T_INCOMPLETE


def _continuity(
    samples: Sequence[PoseSample], challenge: HeadTurnChallenge
) -> tuple[float, DriverText] | None:
    """The time of the first break (face gone too long, jump, sudden rescale);
    ``samples`` in time order."""
    last: tuple[float, KeyPoints] | None = None
    for s in samples:
        if s.keypoints is None:
            if last is not None and s.t - last[0] > challenge.max_gap_s:
                return s.t, T_FACE_LOST
            continue
        if last is not None:
            t_prev, prev = last
            if s.t - t_prev > challenge.max_gap_s:
                return s.t, T_FACE_LOST
            iod_prev, iod = interocular(prev), interocular(s.keypoints)
            if iod_prev <= 0 or iod <= 0:
                return s.t, T_JUMP
            if math.dist(_mid(prev), _mid(s.keypoints)) > challenge.max_jump * iod_prev:
                return s.t, T_JUMP
            if abs(iod / iod_prev - 1) > challenge.max_scale_step:
                return s.t, T_JUMP
        last = (s.t, s.keypoints)
    return None


def _mid(kp: KeyPoints) -> tuple[float, float]:
    return ((kp.eye_left[0] + kp.eye_right[0]) / 2, (kp.eye_left[1] + kp.eye_right[1]) / 2)
