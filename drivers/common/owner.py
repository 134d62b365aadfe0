"""One owner thread per physical device: every call runs there, in order, and a
method marked ``@owned`` called from any other thread fails loudly."""

from __future__ import annotations

import functools
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


class WrongThreadError(RuntimeError):
    """A device method was called from a thread that does not own the device."""


class OwnerThread:
    """A single worker thread with a FIFO queue; ``submit`` returns a Future."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._thread = threading.Thread(target=self._run, name=f"device:{name}", daemon=True)
        self._thread.start()

    @property
    def thread(self) -> threading.Thread:
        return self._thread

    def is_current(self) -> bool:
        return threading.current_thread() is self._thread

    def submit(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = Future()
        self._queue.put((future, functools.partial(fn, *args, **kwargs)))
        return future

    def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run on the owner thread and wait (directly when already there)."""
        if self.is_current():
            return fn(*args, **kwargs)
        return self.submit(fn, *args, **kwargs).result()

    def stop(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        if not self.is_current():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, job = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:  # delivered to the caller through the future
                future.set_exception(exc)


def owned(method: Callable[P, R]) -> Callable[P, R]:
    """Mark a method of an object with an ``owner: OwnerThread`` attribute as
    callable only on that thread."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        owner: OwnerThread = args[0].owner  # type: ignore[attr-defined]
        if not owner.is_current():
            raise WrongThreadError(
                f"{method.__qualname__} must run on {owner.thread.name}, "
                f"not {threading.current_thread().name}"
            )
        return method(*args, **kwargs)

    return wrapper
