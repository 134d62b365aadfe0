"""Thresholds from a venue's own consented genuine and impostor pairs.

``pass_at`` is set so that at most ``target_far`` of the impostor pairs would PASS
(the security side); ``fail_at`` so that at most ``target_false_fail`` of the
genuine pairs would FAIL (the courtesy side: a FAIL still goes to a supervisor).
Everything between is REVIEW. See docs/face.md for the collection protocol.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from drivers.face.types import Metric, Thresholds, Verdict

ROUND = 1000  # thresholds are reported to 3 decimals, rounded to the safe side


@dataclass(frozen=True)
class Calibration:
    thresholds: Thresholds
    genuine: int
    impostor: int
    false_accept: float  # impostor pairs that would PASS
    impostor_review: float  # impostor pairs sent to a supervisor
    genuine_pass: float
    genuine_review: float
    false_fail: float  # genuine pairs that would FAIL
    warnings: tuple[str, ...]


def calibrate(
    genuine: Sequence[float],
    impostor: Sequence[float],
    metric: Metric,
    *,
    target_far: float = 0.001,
    target_false_fail: float = 0.01,
) -> Calibration:
    if not genuine or not impostor:
        raise ValueError("calibration needs genuine and impostor scores")
    if not (0 < target_far < 1 and 0 < target_false_fail < 1):
        raise ValueError("target rates must lie between 0 and 1")
    sign = 1.0 if metric.lower_is_better else -1.0
    # Work on "distance-like" values d = sign*score: PASS is d <= pass_at.
    imp = sorted(sign * s for s in impostor)
    gen = sorted((sign * s for s in genuine), reverse=True)
    allowed_imp = math.floor(target_far * len(imp))
    allowed_gen = math.floor(target_false_fail * len(gen))
    pass_d = math.floor(imp[allowed_imp] * ROUND - 1e-9) / ROUND  # strictly below
    fail_d = math.ceil(gen[allowed_gen] * ROUND + 1e-9) / ROUND  # strictly above
    fail_d = max(fail_d, pass_d)
    thresholds = Thresholds(sign * pass_d, sign * fail_d)

    def share(scores: Sequence[float], verdict: Verdict) -> float:
        return sum(thresholds.decide(s, metric) is verdict for s in scores) / len(scores)

    warnings = []
    need = math.ceil(3 / target_far)
    if len(imp) < need:
        warnings.append(
            f"{len(imp)} impostor pairs cannot show a false-accept rate of {target_far:g}: "
            f"collect at least {need} (rule of three)"
        )
    if len(gen) < 100:
        warnings.append(f"only {len(gen)} genuine pairs: collect at least 100")
    return Calibration(
        thresholds=thresholds,
        genuine=len(gen),
        impostor=len(imp),
        false_accept=share(impostor, Verdict.PASS),
        impostor_review=share(impostor, Verdict.REVIEW),
        genuine_pass=share(genuine, Verdict.PASS),
        genuine_review=share(genuine, Verdict.REVIEW),
        false_fail=share(genuine, Verdict.FAIL),
        warnings=tuple(warnings),
    )
