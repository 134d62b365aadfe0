"""A bounded hand-off queue from a device's owner thread to one consumer.

The producer never blocks: when the consumer falls behind, the oldest item is
dropped (live frames), or, for encoded video, everything queued is dropped and
delivery resumes at the next keyframe so the consumer never sees a broken
reference chain. Iteration ends when either side closes the subscription.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Subscription(Generic[T]):
    def __init__(
        self,
        maxsize: int,
        *,
        keyframe: Callable[[T], bool] | None = None,
        on_close: Callable[[Subscription[T]], None] | None = None,
    ) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self.dropped = 0  # lost because the consumer fell behind
        self.skipped = 0  # non-keyframes before the first keyframe of a stream
        self._items: deque[T] = deque()
        self._cond = threading.Condition()
        self._closed = False
        self._keyframe = keyframe
        self._await_key = keyframe is not None
        self._overflowed = False
        self._on_close = on_close

    @property
    def closed(self) -> bool:
        return self._closed

    def resync(self) -> None:
        """Deliver nothing more until the next keyframe (a new stream began)."""
        if self._keyframe is not None:
            with self._cond:
                self._await_key = True

    def put(self, item: T) -> None:
        """Producer side; never blocks."""
        with self._cond:
            if self._closed:
                return
            if self._keyframe is not None:
                if len(self._items) >= self.maxsize:
                    self.dropped += len(self._items)
                    self._items.clear()
                    self._await_key = self._overflowed = True
                if self._await_key:
                    if not self._keyframe(item):
                        if self._overflowed:
                            self.dropped += 1
                        else:
                            self.skipped += 1
                        return
                    self._await_key = self._overflowed = False
            elif len(self._items) >= self.maxsize:
                self._items.popleft()
                self.dropped += 1
            self._items.append(item)
            self._cond.notify()

    def get(self, timeout: float | None = None) -> T | None:
        """The next item; None after ``timeout`` seconds or once closed and drained."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._items or self._closed, timeout):
                return None
            return self._items.popleft() if self._items else None

    def close(self) -> None:
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        if self._on_close is not None:
            self._on_close(self)

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        item = self.get()
        if item is None:
            raise StopIteration
        return item

    def __enter__(self) -> Subscription[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
