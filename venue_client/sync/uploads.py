"""Recording and document uploads (central-api.md §5), tus-style and resumable.

A queued file gets ``POST /uploads`` (``Upload-Length``, ``Upload-Metadata``); its
``Location`` and the confirmed offset are persisted after every chunk, so a restart
resumes with ``HEAD``. ``PATCH`` sends the next chunk at ``Upload-Offset``; 409 means
the offsets disagree (ask ``HEAD`` and resume); 460 ``CHECKSUM_MISMATCH`` restarts the
upload from scratch (a few times, then an alarm).
"""

from __future__ import annotations

import base64
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import select

from venue_client.services.context import AppContext
from venue_client.store.sync_models import UploadItem, UploadState
from venue_client.sync import alarms
from venue_client.sync.client import CentralClient
from venue_client.sync.errors import E_PROTOCOL, ProtocolError, RequestRejectedError

log = logging.getLogger(__name__)
CHUNK = 8 << 20
MAX_RESTARTS = 3
MAX_CONFLICTS = 20


def file_sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def enqueue(
    ctx: AppContext,
    path: Path,
    kind: str,
    *,
    session: str = "",
    camera: str = "",
    segment: str = "",
    actor: str = "system:sync",
) -> int:
    """Queue ``path`` for upload (its SHA-256 taken now); returns the queue id."""
    sha, size = file_sha256(path)
    with ctx.transaction(actor) as tx:
        row = UploadItem(
            kind=kind,
            path=str(path),
            session=session,
            camera=camera,
            segment=segment,
            sha256=sha,
            size=size,
            created_at=ctx.clock.now(),
        )
        tx.session.add(row)
        tx.session.flush()
        tx.record(
            "upload.queued",
            {"v": 1, "upload": row.id, "kind": kind, "sha256": sha, "size": size},
            outbox=False,
        )
        return row.id


def metadata(row: UploadItem) -> str:
    pairs = {
        "kind": row.kind,
        "session": row.session,
        "camera": row.camera,
        "segment": row.segment,
        "sha256": row.sha256,
    }
    return ",".join(
        f"{k} {base64.b64encode(v.encode('utf-8')).decode('ascii')}" for k, v in pairs.items()
    )


@dataclass
class UploadResult:
    done: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    restarts: int = 0


class Uploader:
    def __init__(self, ctx: AppContext, client: CentralClient, *, chunk: int = CHUNK) -> None:
        self.ctx = ctx
        self.client = client
        self.chunk = chunk

    def queued(self) -> list[int]:
        with self.ctx.reading() as s:
            return list(
                s.execute(
                    select(UploadItem.id)
                    .where(UploadItem.state == UploadState.QUEUED)
                    .order_by(UploadItem.id)
                ).scalars()
            )

    def run(self) -> UploadResult:
        result = UploadResult()
        for upload_id in self.queued():
            if self.upload(upload_id, result):
                result.done.append(upload_id)
            else:
                result.failed.append(upload_id)
        return result

    def _save(self, upload_id: int, **values: object) -> UploadItem:
        with self.ctx.reading() as s:
            row = s.get(UploadItem, upload_id)
            assert row is not None
            for key, value in values.items():
                setattr(row, key, value)
            return row

    def _create(self, row: UploadItem) -> str:
        response = self.client.request(
            "POST",
            "uploads",
            content=b"",
            headers={
                "Upload-Length": str(row.size),
                "Upload-Metadata": metadata(row),
                "Tus-Resumable": "1.0.0",
            },
        )
        location = response.headers.get("Location")
        if response.status_code != 201 or not location:
            raise ProtocolError(E_PROTOCOL, detail=f"POST /uploads: {response.status_code}")
        return str(location)

    def _head(self, url: str) -> int | None:
        """The server's offset, or None when it no longer knows the upload."""
        response = self.client.request(
            "HEAD", url, headers={"Tus-Resumable": "1.0.0"}, accept=(404, 410)
        )
        if response.status_code in (404, 410):
            return None
        try:
            return int(response.headers["Upload-Offset"])
        except (KeyError, ValueError) as exc:
            raise ProtocolError(E_PROTOCOL, detail=f"HEAD without Upload-Offset: {exc}") from exc

    def upload(self, upload_id: int, result: UploadResult | None = None) -> bool:
        """Send one queued file to the end; True when the platform confirmed it."""
        result = result or UploadResult()
        row = self._save(upload_id)
        path = Path(row.path)
        conflicts = 0
        with path.open("rb") as fh:
            offset = row.offset
            url = row.url
            known = False  # is ``offset`` the server's, confirmed in this run?
            while True:
                if url is None:
                    url = self._create(row)
                    offset, known = 0, True
                    row = self._save(upload_id, url=url, offset=0)
                if not known:
                    server = self._head(url)
                    if server is None:
                        url = None
                        continue
                    offset, known = server, True
                    row = self._save(upload_id, offset=offset)
                if offset > row.size:
                    raise ProtocolError(E_PROTOCOL, detail=f"offset {offset} beyond {row.size}")
                fh.seek(offset)
                data = fh.read(self.chunk)
                response = self._patch(url, offset, data)
                status = response.status_code
                if status == 409:
                    conflicts += 1
                    if conflicts > MAX_CONFLICTS:
                        raise ProtocolError(E_PROTOCOL, detail="offsets keep disagreeing")
                    known = False
                    continue
                if status in (404, 410):
                    url = None
                    continue
                if status == 460:
                    result.restarts += 1
                    if not self._restart(upload_id, row):
                        return False
                    url, row = None, self._save(upload_id)
                    continue
                new_offset = response.headers.get("Upload-Offset")
                offset = int(new_offset) if new_offset else offset + len(data)
                if offset >= row.size:
                    self._finish(upload_id, row)
                    return True
                row = self._save(upload_id, offset=offset)

    def _patch(self, url: str, offset: int, data: bytes) -> httpx.Response:
        try:
            return self.client.request(
                "PATCH",
                url,
                content=data,
                headers={
                    "Upload-Offset": str(offset),
                    "Content-Type": "application/offset+octet-stream",
                    "Tus-Resumable": "1.0.0",
                },
                accept=(409, 404, 410, 460),
            )
        except RequestRejectedError as exc:
            raise ProtocolError(E_PROTOCOL, detail=f"PATCH: {exc.status}") from exc

    def _restart(self, upload_id: int, row: UploadItem) -> bool:
        """460: start the upload again from byte 0; False once it failed too often."""
        restarts = row.restarts + 1
        log.warning("upload %d: checksum mismatch, restart %d", upload_id, restarts)
        if restarts > MAX_RESTARTS:
            self._save(upload_id, state=UploadState.FAILED, restarts=restarts)
            alarms.raise_alarm(self.ctx, alarms.UPLOAD_FAILED, f"upload {upload_id}", row.path)
            return False
        self._save(upload_id, url=None, offset=0, restarts=restarts)
        return True

    def _finish(self, upload_id: int, row: UploadItem) -> None:
        with self.ctx.transaction("system:sync") as tx:
            item = tx.session.get(UploadItem, upload_id)
            assert item is not None
            item.offset = item.size
            item.state = UploadState.DONE
            item.finished_at = self.ctx.clock.now()
            tx.record(
                "upload.finished",
                {"v": 1, "upload": upload_id, "kind": row.kind, "sha256": row.sha256},
                outbox=False,
            )
        self.ctx.bus.publish("sync.upload_done", upload=upload_id, sha256=row.sha256)
