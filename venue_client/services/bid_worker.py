"""Bid decryption in a worker process. ``cryptography`` holds the GIL while it runs
AES-GCM, so bulk decryption on threads of the desk's own process makes its event
loop stutter; a long-lived worker process (spawned once, at low priority, reused for
every bid) decrypts instead and reports progress through a queue. The key never
crosses: the worker opens the USB key itself through the same PKCS#11 module (the
PIN is handed over), or the backup key file.

Errors come back whole (the envelope and key errors pickle with their class and
arguments), so the opening service records the same causes as in-process.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from venue_client.config import Settings
from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.services.opening_causes import OpenedBid, Opener
from venue_client.store.models import Bid

Progress = Callable[[int, int], None]
PROGRESS_STEP = 4 << 20  # report every 4 MiB
E_WORKER = QT_TRANSLATE_NOOP("opening", "解密进程意外退出，本次解密未完成，请重试")


@dataclass(frozen=True)
class KeySpec:
    """Where the worker finds the key: a token (module, label, PIN) or key files."""

    module: str = ""
    label: str = ""
    pin: str = ""
    key_path: str = ""
    cert_path: str = ""
    softhsm_conf: str = ""  # SoftHSM2 reads its tokens from here (the desk's setting)


# -- in the worker process ------------------------------------------------------------

_queue: Any = None  # the worker's progress queue (set by the initialiser)


def _start_worker(queue: Any) -> None:
    global _queue  # noqa: PLW0603 - one queue per worker process
    _queue = queue
    with contextlib.suppress(OSError, AttributeError):  # the desk's own loop comes first
        os.nice(10)


def _decrypt_job(job: int, spec: KeySpec, settings: Settings, fields: dict[str, Any]) -> OpenedBid:
    from drivers.token.pkcs11 import Pkcs11Module
    from drivers.token.softkeys import SoftKeyStore
    from venue_client.services.bid_opener import OpenedBids, key_opener, token_opener
    from venue_client.services.certsignin import OneTimePin

    sent = [0]

    def progress(done: int, total: int) -> None:
        if done - sent[0] >= PROGRESS_STEP or done >= total:
            sent[0] = done
            _queue.put((job, done, total))

    bid: Any = SimpleNamespace(**fields)
    store = OpenedBids(settings)
    if spec.module:
        module = Pkcs11Module(spec.module)
        if spec.softhsm_conf and os.environ.get("SOFTHSM2_CONF") != spec.softhsm_conf:
            os.environ["SOFTHSM2_CONF"] = spec.softhsm_conf  # the desk moved to another home
            module.reload()
        token = module.open_token(label=spec.label)
        try:
            return token_opener(token, OneTimePin(spec.pin), store, progress)(bid)
        finally:
            token.close()
    with SoftKeyStore.from_pem(spec.key_path, spec.cert_path) as keys:
        return key_opener(keys, store, progress)(bid)


# -- in the desk's process -----------------------------------------------------------


class DecryptWorker:
    """The worker process and the thread that relays its progress reports."""

    def __init__(self) -> None:
        spawn = multiprocessing.get_context("spawn")
        self._queue = spawn.SimpleQueue()
        self._pool = ProcessPoolExecutor(
            max_workers=1, mp_context=spawn, initializer=_start_worker, initargs=(self._queue,)
        )
        self._callbacks: dict[int, Progress] = {}
        self._jobs = itertools.count(1)
        self._lock = threading.Lock()
        relay = threading.Thread(target=self._relay, name="decrypt-progress", daemon=True)
        relay.start()

    def _relay(self) -> None:
        while True:
            try:
                job, done, total = self._queue.get()
            except (EOFError, OSError, ValueError):  # closed at shutdown
                return
            with self._lock:
                callback = self._callbacks.get(job)
            if callback is not None:
                callback(done, total)

    def run(
        self, spec: KeySpec, settings: Settings, bid: Bid, progress: Progress | None
    ) -> OpenedBid:
        job = next(self._jobs)
        if progress is not None:
            with self._lock:
                self._callbacks[job] = progress
        fields = {
            "platform_id": bid.platform_id,
            "local_path": bid.local_path,
            "receipt_sha256": bid.receipt_sha256,
            "size": bid.size,
        }
        try:
            return self._pool.submit(_decrypt_job, job, spec, settings, fields).result()
        except BrokenProcessPool:
            raise UserFacingError(E_WORKER) from None
        finally:
            with self._lock:
                self._callbacks.pop(job, None)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


_worker: DecryptWorker | None = None
_worker_lock = threading.Lock()


def shared_worker() -> DecryptWorker:
    """The process's decryption worker, started on first use (and again if it died)."""
    global _worker  # noqa: PLW0603 - one worker per desk process
    with _worker_lock:
        if _worker is None or getattr(_worker._pool, "_broken", False):
            _worker = DecryptWorker()
        return _worker


def process_opener(spec: KeySpec, settings: Settings, progress: Progress | None = None) -> Opener:
    """An opener that decrypts in the worker process."""

    def opener(bid: Bid) -> OpenedBid:
        return shared_worker().run(spec, settings, bid, progress)

    return opener
