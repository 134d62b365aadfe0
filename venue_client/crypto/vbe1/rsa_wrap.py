"""RSA key transport for the sealer, with the padding randomness taken from the
caller (so test vectors are reproducible): RSAES-OAEP (SHA-1 or SHA-256, MGF1 with
the same hash, empty label) and RSAES-PKCS1-v1_5 as in RFC 8017 §7.1.1 / §7.2.1.
Only public-key operations happen here; decryption is the key holder's (a token
or a key file through :class:`~drivers.token.keys.KeySession`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric import rsa

Random = Callable[[int], bytes]


def _mgf1(seed: bytes, length: int, hash_name: str) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.new(hash_name, seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return bytes(out[:length])


def _xor(a: bytes, b: bytes) -> bytes:
    return bytes(x ^ y for x, y in zip(a, b, strict=True))


def oaep_encode(message: bytes, k: int, hash_name: str, rng: Random) -> bytes:
    """EME-OAEP encoding (RFC 8017 §7.1.1 step 2) to ``k`` bytes."""
    h_len = hashlib.new(hash_name).digest_size
    if len(message) > k - 2 * h_len - 2:
        raise ValueError("message too long for RSA-OAEP")
    l_hash = hashlib.new(hash_name, b"").digest()
    ps = bytes(k - len(message) - 2 * h_len - 2)
    db = l_hash + ps + b"\x01" + message
    seed = rng(h_len)
    masked_db = _xor(db, _mgf1(seed, k - h_len - 1, hash_name))
    masked_seed = _xor(seed, _mgf1(masked_db, h_len, hash_name))
    return b"\x00" + masked_seed + masked_db


def pkcs1v15_encode(message: bytes, k: int, rng: Random) -> bytes:
    """EME-PKCS1-v1_5 encoding (RFC 8017 §7.2.1 step 2): nonzero random padding."""
    if len(message) > k - 11:
        raise ValueError("message too long for RSA PKCS#1 v1.5")
    ps = bytearray()
    while len(ps) < k - len(message) - 3:
        ps += bytes(b for b in rng(k) if b)
    return b"\x00\x02" + bytes(ps[: k - len(message) - 3]) + b"\x00" + message


def rsa_encrypt(public: rsa.RSAPublicKey, message: bytes, scheme: str, rng: Random) -> bytes:
    """``scheme``: ``oaep-sha256``, ``oaep-sha1`` or ``pkcs1v15``."""
    numbers = public.public_numbers()
    k = (numbers.n.bit_length() + 7) // 8
    if scheme == "pkcs1v15":
        encoded = pkcs1v15_encode(message, k, rng)
    else:
        encoded = oaep_encode(message, k, "sha256" if scheme == "oaep-sha256" else "sha1", rng)
    m = int.from_bytes(encoded, "big")
    return pow(m, numbers.e, numbers.n).to_bytes(k, "big")
