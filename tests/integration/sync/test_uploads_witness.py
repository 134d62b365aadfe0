"""Resumable uploads (HEAD after an interruption, restart on 460) and the checkpoint
witness (consistency proofs, cosignature, INCONSISTENT alarm)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select, update

from tests.central.server import CentralServer
from tests.integration.sync.conftest import FAST, WS, add_events
from venue_client.audit import log as audit_log
from venue_client.services.context import AppContext
from venue_client.store.log_models import AuditEvent
from venue_client.store.sync_models import UploadItem
from venue_client.sync import alarms, state, uploads
from venue_client.sync.client import CentralClient, RetryPolicy
from venue_client.sync.errors import OfflineError, SyncBlockedError
from venue_client.sync.witness import witness


def _file(tmp_path: Path, size: int) -> tuple[Path, bytes]:
    data = os.urandom(size)
    path = tmp_path / "segment-0001.mp4"
    path.write_bytes(data)
    return path, data


def test_upload_resumes_with_head_after_interruptions(
    sctx: AppContext, central: CentralServer, client: CentralClient, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 5 * 1024 * 1024 + 3)
    uid = uploads.enqueue(sctx, path, "recording", session="O1", camera="全景", segment="1")
    # the answer to a processed chunk is lost: the retry gets 409, HEAD tells the offset
    central.faults.add(r"/uploads/", "drop_after", method="PATCH", times=1, skip=1)
    # a process that dies mid-upload: its client gives up, the row keeps URL and offset
    dying = CentralClient.from_settings(
        sctx.settings.central,
        sctx.workstation_id,
        retry=RetryPolicy(attempts=1),
        sleep=lambda _s: None,
    )
    central.faults.add(r"/uploads/", "drop_before", method="PATCH", times=1, skip=3)
    with pytest.raises(OfflineError):
        uploads.Uploader(sctx, dying, chunk=1024 * 1024).upload(uid)
    dying.close()
    with sctx.reading() as s:
        row = s.get(UploadItem, uid)
        assert row is not None and row.url and 0 < row.offset < row.size
    # "after a restart": a new uploader resumes from HEAD
    heads: list[str] = []
    orig = client.request

    def spy(method: str, path_: str, **kw):  # type: ignore[no-untyped-def]
        if method == "HEAD":
            heads.append(path_)
        return orig(method, path_, **kw)

    client.request = spy  # type: ignore[method-assign]
    result = uploads.Uploader(sctx, client, chunk=1024 * 1024).run()
    assert result.done == [uid] and heads
    (finished,) = central.platform.finished_uploads().values()
    assert finished.data() == data
    assert finished.sha256 == hashlib.sha256(data).hexdigest()
    assert finished.metadata["camera"] == "全景"


class CorruptFirstPatch(httpx.HTTPTransport):
    """Flips one byte of the first PATCH body on the wire."""

    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH" and not self.done:
            self.done = True
            body = bytearray(request.read())
            body[0] ^= 0xFF
            request = httpx.Request(
                request.method, request.url, headers=request.headers, content=bytes(body)
            )
        return super().handle_request(request)


def test_upload_restarts_on_checksum_mismatch(
    sctx: AppContext, central: CentralServer, tmp_path: Path
) -> None:
    path, data = _file(tmp_path, 300_000)
    uid = uploads.enqueue(sctx, path, "pdf", session="O1")
    client = CentralClient.from_settings(
        sctx.settings.central,
        sctx.workstation_id,
        retry=FAST,
        sleep=lambda _s: None,
        transport=CorruptFirstPatch(),
    )
    result = uploads.Uploader(sctx, client).run()
    assert result.done == [uid] and result.restarts == 1
    (finished,) = central.platform.finished_uploads().values()
    assert finished.data() == data
    client.close()


def test_checkpoints_witnessed_with_consistency_proofs(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    central.platform.register_note_key(WS, sctx.signer.verifier_key())
    add_events(sctx, 5)
    first = witness(sctx, client)
    assert first == 5
    add_events(sctx, 7, start=5)
    assert witness(sctx, client) == 12  # proof from 5 to 12
    assert witness(sctx, client) is None  # nothing new
    with sctx.reading() as s:
        last = audit_log.latest_checkpoint(s)
        assert last is not None and last.cosignature and last.cosignature.startswith("— ")
        assert state.get_int(s, state.WITNESS_SIZE) == 12


def test_rewritten_log_is_inconsistent_alarm(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    central.platform.register_note_key(WS, sctx.signer.verifier_key())
    add_events(sctx, 4)
    witness(sctx, client)
    # rewrite history: change a leaf, then recompute the head as a forger would
    from venue_client.audit import merkle
    from venue_client.store.log_models import LogHead

    with sctx.reading() as s:
        s.execute(update(AuditEvent).where(AuditEvent.seq == 1).values(leaf_hash=b"\x11" * 32))
        leaves = list(s.execute(select(AuditEvent.leaf_hash).order_by(AuditEvent.seq)).scalars())
        tree = merkle.CompactTree(leaves)
        head = s.get(LogHead, 1)
        assert head is not None
        head.root_hash = tree.root()
        head.frontier = __import__("json").dumps([h.hex() for h in tree.frontier])
    add_events(sctx, 2, start=4)
    with pytest.raises(SyncBlockedError):
        witness(sctx, client)
    with sctx.reading() as s:
        assert [a.kind for a in alarms.open_alarms(s)] == [alarms.INCONSISTENT]
        assert alarms.blocking_count(s) == 1
