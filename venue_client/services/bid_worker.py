"""Bid decryption in a worker process. ``cryptography`` holds the GIL while it runs
AES-GCM, so bulk decryption on threads of the desk's own process makes its event
loop stutter; a spawned process decrypts instead and reports progress through a
pipe. The key never crosses the pipe: the worker opens the USB key itself through
the same PKCS#11 module (the PIN is handed over), or the backup key file.

Errors come back whole (the envelope and key errors pickle with their class and
arguments), so the opening service records the same causes as in-process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import SimpleNamespace
from typing import Any

from venue_client.config import Settings
from venue_client.services.opening_causes import OpenedBid, Opener
from venue_client.store.models import Bid

Progress = Callable[[int, int], None]
E_WORKER = "the decryption worker process ended without an answer (exit code {code})"


@dataclass(frozen=True)
class KeySpec:
    """Where the worker finds the key: a token (module, label, PIN) or key files."""

    module: str = ""
    label: str = ""
    pin: str = ""
    key_path: str = ""
    cert_path: str = ""


def _bid_fields(bid: Bid) -> dict[str, Any]:
    return {
        "platform_id": bid.platform_id,
        "local_path": bid.local_path,
        "receipt_sha256": bid.receipt_sha256,
        "size": bid.size,
    }


def _child(spec: KeySpec, settings: Settings, fields: dict[str, Any], conn: Connection) -> None:
    """The worker: open the key, decrypt, re-seal at rest; answer on ``conn``."""
    with contextlib.suppress(OSError, AttributeError):  # the desk's own loop comes first
        os.nice(10)
    from drivers.token.pkcs11 import Pkcs11Module
    from drivers.token.softkeys import SoftKeyStore
    from venue_client.services.bid_opener import OpenedBids, key_opener, token_opener
    from venue_client.services.certsignin import OneTimePin

    sent = [0]

    def progress(done: int, total: int) -> None:
        if done - sent[0] >= 4 << 20 or done >= total:  # every 4 MiB is plenty
            sent[0] = done
            conn.send(("progress", done, total))

    bid: Any = SimpleNamespace(**fields)
    try:
        store = OpenedBids(settings)
        if spec.module:
            token = Pkcs11Module(spec.module).open_token(label=spec.label)
            try:
                opened = token_opener(token, OneTimePin(spec.pin), store, progress)(bid)
            finally:
                token.close()
        else:
            with SoftKeyStore.from_pem(spec.key_path, spec.cert_path) as keys:
                opened = key_opener(keys, store, progress)(bid)
        conn.send(("done", opened))
    except Exception as exc:  # sent whole; the parent raises it as if local
        conn.send(("error", exc))
    finally:
        conn.close()


def process_opener(spec: KeySpec, settings: Settings, progress: Progress | None = None) -> Opener:
    """An opener that decrypts in a spawned worker process."""

    def opener(bid: Bid) -> OpenedBid:
        spawn = multiprocessing.get_context("spawn")
        parent, child = spawn.Pipe(duplex=False)
        worker = spawn.Process(
            target=_child, args=(spec, settings, _bid_fields(bid), child), daemon=True
        )
        worker.start()
        child.close()
        try:
            while True:
                try:
                    message = parent.recv()
                except EOFError:
                    worker.join(timeout=5)
                    raise RuntimeError(E_WORKER.format(code=worker.exitcode)) from None
                if message[0] == "progress":
                    if progress is not None:
                        progress(message[1], message[2])
                elif message[0] == "done":
                    result: OpenedBid = message[1]
                    return result
                else:
                    raise message[1]
        finally:
            parent.close()
            worker.join(timeout=10)
            if worker.is_alive():
                worker.kill()

    return opener
