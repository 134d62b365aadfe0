"""Keys and helpers shared by the VBE1 tests."""

from __future__ import annotations

import io
import os
from functools import cache

from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.token import SoftKeyStore
from tests.support.softhsm import self_signed
from venue_client.crypto.sm2 import Sm2PrivateKey
from venue_client.crypto.vbe1 import Recipient, SealInfo, decrypt, seal


@cache
def rsa_store() -> SoftKeyStore:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return SoftKeyStore([(key, self_signed(key, "vbe1 rsa"))])


@cache
def ec_store() -> SoftKeyStore:
    key = ec.generate_private_key(ec.SECP256R1())
    return SoftKeyStore([(key, self_signed(key, "vbe1 ec"))])


@cache
def sm2_key() -> Sm2PrivateKey:
    return Sm2PrivateKey.generate()


LOCAL = bytes(range(32))


def sealed(plain: bytes, recipients: list[Recipient], **kw: object) -> tuple[bytes, SealInfo]:
    out = io.BytesIO()
    info = seal(io.BytesIO(plain), out, recipients, **kw)  # type: ignore[arg-type]
    return out.getvalue(), info


def opened(envelope: bytes, key: object, **kw: object) -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO(envelope), out, key, **kw)  # type: ignore[arg-type]
    return out.getvalue()


def data(n: int) -> bytes:
    return os.urandom(n)
