"""Choosing thresholds from a venue's genuine and impostor scores."""

from __future__ import annotations

import numpy as np
import pytest

from drivers.face.calibration import calibrate
from drivers.face.types import Metric, Thresholds


def test_distance_thresholds_meet_the_targets():
    rng = np.random.default_rng(3)
    genuine = rng.normal(0.38, 0.07, 2000).tolist()
    impostor = rng.normal(0.72, 0.08, 5000).tolist()
    cal = calibrate(genuine, impostor, Metric.EUCLIDEAN, target_far=0.001, target_false_fail=0.01)
    t = cal.thresholds
    assert t.pass_at < t.fail_at
    assert sum(s <= t.pass_at for s in impostor) <= 5
    assert sum(s >= t.fail_at for s in genuine) <= 20
    assert cal.false_accept <= 0.001 and cal.false_fail <= 0.01
    assert cal.genuine_pass + cal.genuine_review + cal.false_fail == pytest.approx(1)
    assert cal.warnings == ()
    assert round(t.pass_at, 3) == t.pass_at


def test_similarity_thresholds_are_mirrored():
    rng = np.random.default_rng(4)
    genuine = rng.normal(0.45, 0.12, 1000).tolist()
    impostor = rng.normal(0.1, 0.1, 4000).tolist()
    cal = calibrate(genuine, impostor, Metric.COSINE, target_far=0.001)
    assert cal.thresholds.pass_at > cal.thresholds.fail_at
    assert sum(s >= cal.thresholds.pass_at for s in impostor) <= 4
    cal.thresholds.check(Metric.COSINE)


def test_well_separated_scores_need_no_review_band():
    cal = calibrate([0.1, 0.2, 0.3] * 50, [0.8, 0.9] * 2000, Metric.EUCLIDEAN)
    assert cal.thresholds == Thresholds(0.799, 0.799)
    assert cal.genuine_pass == 1 and cal.false_accept == 0


def test_too_few_pairs_are_flagged():
    cal = calibrate([0.3, 0.35], [0.7, 0.8, 0.9], Metric.EUCLIDEAN, target_far=0.001)
    assert any("3000" in w for w in cal.warnings)
    assert any("genuine" in w for w in cal.warnings)
    assert cal.thresholds.pass_at < 0.7


def test_bad_input():
    with pytest.raises(ValueError):
        calibrate([], [0.5], Metric.EUCLIDEAN)
    with pytest.raises(ValueError):
        calibrate([0.3], [0.5], Metric.EUCLIDEAN, target_far=0)
