"""Key schedule and AEAD suites of VBE1 (``docs/vbe1.md`` "Key schedule").

Every key is HKDF-SHA256 of the 32-byte file key with the header's 16-byte payload
nonce as salt and an ASCII label as info; the suite decides the AEAD key length
(AES-256-GCM: 32 bytes, SM4-GCM: 16 bytes).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from venue_client.crypto.vbe1.format import TAG_LEN, Suite

INFO_HEADER = b"VBE1 header"
INFO_PAYLOAD = b"VBE1 payload"
INFO_SUMMARY = b"VBE1 summary"
INFO_LOCAL_WRAP = b"VBE1 local"
INFO_LOCAL_ID = b"VBE1 local key id"
INFO_ECDH = b"VBE1 ecdh-p256"
SUMMARY_NONCE = bytes(12)
LAST = b"\x01"
NOT_LAST = b"\x00"

Buffer = bytes | bytearray | memoryview


def hkdf(ikm: bytes, salt: bytes, info: bytes, length: int) -> bytes:
    return HKDF(hashes.SHA256(), length, salt, info).derive(ikm)


def header_mac(file_key: bytes, nonce: bytes, raw_header: bytes) -> bytes:
    return hmac.new(hkdf(file_key, nonce, INFO_HEADER, 32), raw_header, hashlib.sha256).digest()


def local_key_id(local_key: bytes) -> bytes:
    """The fingerprint of a local (symmetric) recipient."""
    return hmac.new(local_key, INFO_LOCAL_ID, hashlib.sha256).digest()


def chunk_nonce(index: int, last: bool) -> bytes:
    """STREAM nonce: 11-byte big-endian chunk counter, then 0x01 for the last chunk."""
    return index.to_bytes(11, "big") + (LAST if last else NOT_LAST)


class Aead:
    """The suite's AEAD with one key: 12-byte nonces, 16-byte tags appended."""

    def __init__(self, suite: Suite, key: bytes) -> None:
        self.suite = suite
        self._key = key
        self._aes = AESGCM(key) if suite is Suite.AES_256_GCM else None
        self.open_into: Callable[[bytes, Buffer, memoryview], None] = (
            self._aes_open_into if self._aes is not None else self._sm4_open_into
        )
        self.seal_into: Callable[[bytes, Buffer, memoryview], None] = (
            self._aes_seal_into if self._aes is not None else self._sm4_seal_into
        )

    @classmethod
    def derive(cls, suite: Suite, file_key: bytes, nonce: bytes, info: bytes) -> Aead:
        return cls(suite, hkdf(file_key, nonce, info, suite.key_length))

    def seal(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        if self._aes is not None:
            return self._aes.encrypt(nonce, data, aad)
        enc = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        enc.authenticate_additional_data(aad)
        out = enc.update(data) + enc.finalize()
        return out + enc.tag

    def open(self, nonce: bytes, data: bytes, aad: bytes) -> bytes:
        """Plaintext, or :class:`InvalidTag`."""
        if len(data) < TAG_LEN:
            raise InvalidTag()
        if self._aes is not None:
            return self._aes.decrypt(nonce, data, aad)
        dec = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, data[-TAG_LEN:])).decryptor()
        dec.authenticate_additional_data(aad)
        return dec.update(data[:-TAG_LEN]) + dec.finalize()

    # ``out`` is exactly the plaintext length (len(data) - 16 when opening).
    def _aes_open_into(self, nonce: bytes, data: Buffer, out: memoryview) -> None:
        assert self._aes is not None
        self._aes.decrypt_into(nonce, data, None, out)

    def _aes_seal_into(self, nonce: bytes, data: Buffer, out: memoryview) -> None:
        assert self._aes is not None
        self._aes.encrypt_into(nonce, data, None, out)

    def _sm4_open_into(self, nonce: bytes, data: Buffer, out: memoryview) -> None:
        view = memoryview(data)
        tag = bytes(view[-TAG_LEN:])
        dec = Cipher(algorithms.SM4(self._key), modes.GCM(nonce, tag)).decryptor()
        plain = dec.update(view[:-TAG_LEN])
        dec.finalize()
        out[:] = plain

    def _sm4_seal_into(self, nonce: bytes, data: Buffer, out: memoryview) -> None:
        enc = Cipher(algorithms.SM4(self._key), modes.GCM(nonce)).encryptor()
        body = enc.update(data) + enc.finalize()
        out[: len(body)] = body
        out[len(body) :] = enc.tag
