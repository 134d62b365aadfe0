"""Resumable uploads, tus-style (central-api.md §5), stored on disk.

- ``POST /uploads``: ``Upload-Length`` (decimal, at most ``max_length``) and ``Upload-Metadata``
  (``key base64,key base64``; keys ``kind`` and ``sha256`` required, ``sha256`` being the
  base64 of the 64 lowercase hex digits) → 201, ``Location: /uploads/{id}`` (relative to the
  base URL, as every path of the spec), ``Upload-Offset: 0``.
- ``HEAD /uploads/{id}`` → 200 with ``Upload-Offset`` and ``Upload-Length``; 404 when unknown.
- ``PATCH /uploads/{id}``: ``Content-Type: application/offset+octet-stream`` (415 otherwise),
  ``Upload-Offset`` equal to the server's (409 ``OFFSET_MISMATCH`` otherwise), body not past
  ``Upload-Length`` (400 ``EXCEEDS_LENGTH``) → 204 with the new ``Upload-Offset``. Bytes that
  arrived before a connection dropped are kept (the client asks HEAD and resumes). With the last
  byte the sha256 is checked: 204, or 460 ``CHECKSUM_MISMATCH`` and the upload is deleted
  (HEAD/PATCH then answer 404: the client starts that upload again with a new POST).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.central.httpio import ApiError

OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEY = re.compile(r"[A-Za-z0-9_.\-]+")


@dataclass
class Upload:
    id: str
    length: int
    metadata: dict[str, str]
    path: Path
    offset: int = 0
    finished: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def sha256(self) -> str:
        return self.metadata["sha256"]

    def data(self) -> bytes:
        return self.path.read_bytes()


def parse_metadata(header: str | None) -> dict[str, str]:
    if not header:
        raise ApiError(400, "BAD_METADATA", "Upload-Metadata is required")
    result: dict[str, str] = {}
    for pair in header.split(","):
        key, _, value = pair.strip().partition(" ")
        if not _KEY.fullmatch(key) or key in result:
            raise ApiError(400, "BAD_METADATA", f"bad or repeated metadata key {key!r}")
        try:
            result[key] = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            raise ApiError(400, "BAD_METADATA", f"metadata {key} is not base64 UTF-8") from None
    for required in ("kind", "sha256"):
        if required not in result:
            raise ApiError(400, "BAD_METADATA", f"metadata {required} is required")
    if not _HEX64.fullmatch(result["sha256"]):
        raise ApiError(
            400, "BAD_METADATA", "metadata sha256 must be base64 of 64 lowercase hex digits"
        )
    return result


class UploadStore:
    def __init__(self, root: Path, max_length: int = 8 * 1024**3) -> None:
        self.root = root
        self.max_length = max_length
        root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._uploads: dict[str, Upload] = {}
        self._finished: dict[str, Upload] = {}

    def create(self, length_header: str | None, metadata_header: str | None) -> Upload:
        if length_header is None or not length_header.strip().isdigit():
            raise ApiError(400, "BAD_LENGTH", "Upload-Length must be a non-negative integer")
        length = int(length_header)
        if length > self.max_length:
            raise ApiError(413, "UPLOAD_TOO_LARGE", f"uploads hold at most {self.max_length} bytes")
        metadata = parse_metadata(metadata_header)
        upload_id = secrets.token_hex(12)
        upload = Upload(upload_id, length, metadata, self.root / f"{upload_id}.part")
        upload.path.write_bytes(b"")
        with self._lock:
            self._uploads[upload_id] = upload
        if length == 0:
            self._finish(upload)
        return upload

    def get(self, upload_id: str) -> Upload:
        with self._lock:
            upload = self._uploads.get(upload_id)
        if upload is None:
            raise ApiError(404, "UNKNOWN_UPLOAD", f"no upload {upload_id}")
        return upload

    def append(
        self, upload_id: str, offset_header: str | None, content_type: str | None, data: bytes
    ) -> Upload:
        """Append a chunk (possibly a partial one, when the client dropped mid-body)."""
        upload = self.get(upload_id)
        if (content_type or "").split(";")[0].strip().lower() != OFFSET_CONTENT_TYPE:
            raise ApiError(
                415, "BAD_CONTENT_TYPE", f"PATCH needs Content-Type {OFFSET_CONTENT_TYPE}"
            )
        if offset_header is None or not offset_header.strip().isdigit():
            raise ApiError(400, "BAD_OFFSET", "Upload-Offset must be a non-negative integer")
        with upload.lock:
            if int(offset_header) != upload.offset:
                raise ApiError(
                    409,
                    "OFFSET_MISMATCH",
                    f"Upload-Offset {offset_header} does not match the server's {upload.offset}",
                    headers=[("Upload-Offset", str(upload.offset))],
                )
            if upload.offset + len(data) > upload.length:
                raise ApiError(400, "EXCEEDS_LENGTH", "the chunk goes past Upload-Length")
            with upload.path.open("ab") as f:
                f.write(data)
            upload.offset += len(data)
            if upload.offset == upload.length and not upload.finished:
                self._finish(upload)
        return upload

    def _finish(self, upload: Upload) -> None:
        digest = hashlib.sha256(upload.path.read_bytes()).hexdigest()
        if digest != upload.sha256:
            with self._lock:
                del self._uploads[upload.id]
            upload.path.unlink()
            raise ApiError(
                460,
                "CHECKSUM_MISMATCH",
                f"received bytes hash to {digest}, metadata says {upload.sha256}",
            )
        final = upload.path.with_suffix(".done")
        upload.path.replace(final)
        upload.path = final
        upload.finished = True
        with self._lock:
            self._finished[upload.sha256] = upload

    def finished(self) -> dict[str, Upload]:
        """Finished uploads by sha256 (for assertions)."""
        with self._lock:
            return dict(self._finished)

    def is_finished(self, sha256: str) -> bool:
        with self._lock:
            return sha256 in self._finished
