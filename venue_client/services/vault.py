"""Personal data at rest (ARCHITECTURE rule 5): snapshots and ID photos are stored
AES-256-GCM encrypted with the venue's data key (``keys/personal-data.key``, 0600,
created on first use). Desks sharing one database must share this key file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.fileutil import atomic_write_bytes
from venue_client.store.models import PersonalBlob

KEY_FILE = "personal-data.key"
E_KEY = QT_TRANSLATE_NOOP("vault", "个人数据密钥文件 {path} 无效：{detail}")
E_DECRYPT = QT_TRANSLATE_NOOP("vault", "个人数据无法解密（密钥不符或数据被篡改）：记录 {id}")


class Vault:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    @classmethod
    def open(cls, key_dir: Path) -> Vault:
        path = key_dir / KEY_FILE
        if not path.exists():
            atomic_write_bytes(path, AESGCM.generate_key(bit_length=256))
        key = path.read_bytes()
        if len(key) != 32:
            raise UserFacingError(E_KEY, path=path, detail=f"{len(key)} bytes")
        return cls(key)

    def store(self, session: Session, kind: str, data: bytes, now: datetime) -> PersonalBlob:
        """Encrypt ``data`` into a new row (in the caller's transaction)."""
        nonce = os.urandom(12)
        blob = PersonalBlob(
            kind=kind,
            nonce=nonce,
            ciphertext=self._aead.encrypt(nonce, data, kind.encode()),
            created_at=now,
        )
        session.add(blob)
        session.flush()
        return blob

    def load(self, blob: PersonalBlob) -> bytes:
        try:
            return self._aead.decrypt(blob.nonce, blob.ciphertext, blob.kind.encode())
        except InvalidTag as exc:
            raise UserFacingError(E_DECRYPT, id=blob.id) from exc
