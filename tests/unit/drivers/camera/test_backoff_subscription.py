from __future__ import annotations

import random
import threading

import pytest

from drivers.camera.backoff import Backoff
from drivers.camera.subscription import Subscription


def test_backoff_grows_exponentially_up_to_the_cap() -> None:
    backoff = Backoff(initial=0.5, factor=2, maximum=8, jitter=0)
    assert [backoff.delay(n) for n in range(7)] == [0.5, 1, 2, 4, 8, 8, 8]
    assert backoff.delay(10_000) == 8  # no overflow


def test_backoff_jitter_stays_within_its_fraction() -> None:
    backoff = Backoff(initial=1, factor=2, maximum=30, jitter=0.25)
    rng = random.Random(7)
    delays = [backoff.delay(3, rng) for _ in range(500)]
    assert all(6 <= d <= 8 for d in delays)
    assert max(delays) - min(delays) > 1  # actually spread


@pytest.mark.parametrize(
    "kwargs", [{"initial": 0}, {"factor": 0.5}, {"jitter": 1.0}, {"initial": 5, "maximum": 1}]
)
def test_backoff_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)


def test_frames_drop_oldest_when_consumer_is_slow() -> None:
    sub: Subscription[int] = Subscription(2)
    for i in range(5):
        sub.put(i)
    assert sub.dropped == 3
    assert [sub.get(0), sub.get(0)] == [3, 4]
    assert sub.get(0.01) is None


def test_packets_start_at_a_keyframe_and_resync_after_overflow() -> None:
    # items: (number, is_keyframe)
    sub: Subscription[tuple[int, bool]] = Subscription(3, keyframe=lambda p: p[1])
    for item in [(0, False), (1, True), (2, False), (3, False)]:
        sub.put(item)
    assert sub.skipped == 1
    sub.put((4, False))  # overflow: everything queued goes, wait for a keyframe
    sub.put((5, False))
    sub.put((6, True))
    sub.put((7, False))
    assert sub.dropped == 5
    assert list(_drain(sub)) == [(6, True), (7, False)]
    sub.resync()
    sub.put((8, False))
    sub.put((9, True))
    assert list(_drain(sub)) == [(9, True)]


def _drain(sub: Subscription[tuple[int, bool]]) -> list[tuple[int, bool]]:
    out = []
    while (item := sub.get(0)) is not None:
        out.append(item)
    return out


def test_close_ends_a_blocked_iteration() -> None:
    sub: Subscription[int] = Subscription(4)
    seen: list[int] = []
    thread = threading.Thread(target=lambda: seen.extend(sub))
    thread.start()
    sub.put(1)
    sub.close()
    thread.join(2)
    assert not thread.is_alive() and seen == [1]
    sub.put(2)  # after close: ignored
    assert sub.get(0) is None
