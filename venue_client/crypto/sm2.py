"""SM2 public-key encryption (GB/T 32918.4) for content-key transport.

``cryptography`` cannot load SM2 keys, so keys are parsed with ``asn1crypto``
(PKCS#8 as written by OpenSSL 3 ``genpkey -algorithm SM2``: id-ecPublicKey with the
curve 1.2.156.10197.1.301, SEC1 ``EC PRIVATE KEY``, SubjectPublicKeyInfo, X.509
certificates) and the curve arithmetic is ``gmssl``'s (pure Python, tens of
operations per second: fine for unwrapping one 32-byte key, not for bulk data).
SM3 (hash and KDF) comes from ``cryptography``.

Ciphertexts here are the raw GM/T 0003 form ``C1 ‖ C3 ‖ C2`` with
``C1 = 04 ‖ x1 ‖ y1`` (65 bytes), ``C3 = SM3(x2 ‖ M ‖ y2)`` (32 bytes) and
``C2 = M xor KDF(x2 ‖ y2)``; :func:`der_to_c1c3c2` / :func:`c1c3c2_to_der` convert
from/to OpenSSL's DER ``SM2Cipher`` (GM/T 0009). Unlike ``gmssl``'s own
``decrypt``, :func:`sm2_decrypt` checks C1 is on the curve and checks C3, and
:func:`sm2_encrypt` draws its ephemeral scalar from :mod:`secrets`.

Bad keys raise :class:`~drivers.token.errors.KeyFileError` (or
:class:`~drivers.token.errors.KeyFilePasswordError`); bad ciphertexts raise
:class:`MalformedEnvelopeError` (structure) or :class:`KeyUnwrapError` (C3
mismatch: wrong key or damaged ciphertext).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from asn1crypto import core
from asn1crypto import keys as asn1_keys
from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from gmssl.sm2 import CryptSM2, default_ecc_table

from drivers.token.errors import KeyFileError, KeyFilePasswordError
from venue_client.crypto.envelope_errors import KeyUnwrapError, MalformedEnvelopeError

__all__ = [
    "SM2_CURVE_OID",
    "Sm2PrivateKey",
    "Sm2PublicKey",
    "c1c3c2_to_der",
    "der_to_c1c3c2",
    "load_sm2_private_key",
    "load_sm2_public_key",
    "sm2_decrypt",
    "sm2_encrypt",
    "sm2_public_key_from_certificate",
]

SM2_CURVE_OID = "1.2.156.10197.1.301"
EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1"

P = int(default_ecc_table["p"], 16)
A = int(default_ecc_table["a"], 16)
B = int(default_ecc_table["b"], 16)
N = int(default_ecc_table["n"], 16)
G_HEX: str = default_ecc_table["g"]
COORD = 32  # bytes per coordinate
C1_LEN = 1 + 2 * COORD
C3_LEN = 32
KEY_LABEL = "SM2 key"

_PBES2_CIPHERS: dict[str, tuple[Callable[[bytes], BlockCipherAlgorithm], int]] = {
    "aes128_cbc": (algorithms.AES, 16),
    "aes192_cbc": (algorithms.AES, 24),
    "aes256_cbc": (algorithms.AES, 32),
}


def _on_curve(x: int, y: int) -> bool:
    return 0 <= x < P and 0 <= y < P and (y * y - (x * x * x + A * x + B)) % P == 0


def _curve() -> CryptSM2:
    # gmssl's constructor lstrip()s "04" from the public key, mangling points whose
    # x starts with 0 or 4: never give it a key there, set ``public_key`` directly.
    return CryptSM2(private_key="", public_key="")


def _mul(k: int, point_hex: str) -> tuple[int, int]:
    """``k * point`` with gmssl's Jacobian arithmetic (point as 128 hex digits x‖y)."""
    out = _curve()._kg(k, point_hex)
    if out is None:  # point at infinity
        raise KeyUnwrapError()
    return int(out[:64], 16), int(out[64:128], 16)


def _hex_point(x: int, y: int) -> str:
    return f"{x:064x}{y:064x}"


def _sm3(data: bytes) -> bytes:
    digest = hashes.Hash(hashes.SM3())
    digest.update(data)
    return digest.finalize()


def _kdf(z: bytes, length: int) -> bytes:
    """GB/T 32918.4 KDF with SM3: SM3(z ‖ counter32) for counter = 1, 2, ..."""
    out = bytearray()
    counter = 1
    while len(out) < length:
        out += _sm3(z + counter.to_bytes(4, "big"))
        counter += 1
    return bytes(out[:length])


@dataclass(frozen=True)
class Sm2PublicKey:
    """A point on the SM2 curve (validated on construction)."""

    x: int
    y: int

    def __post_init__(self) -> None:
        if not _on_curve(self.x, self.y):
            raise KeyFileError(KEY_LABEL)

    @classmethod
    def from_point(cls, point: bytes) -> Sm2PublicKey:
        """From an uncompressed point ``04 ‖ x ‖ y`` (65 bytes)."""
        if len(point) != C1_LEN or point[0] != 4:
            raise KeyFileError(KEY_LABEL)
        return cls(int.from_bytes(point[1:33], "big"), int.from_bytes(point[33:], "big"))

    def point(self) -> bytes:
        """Uncompressed point ``04 ‖ x ‖ y``."""
        return b"\x04" + self.x.to_bytes(COORD, "big") + self.y.to_bytes(COORD, "big")

    def spki_der(self) -> bytes:
        """SubjectPublicKeyInfo DER, as OpenSSL writes it (id-ecPublicKey + SM2 curve)."""
        info = asn1_keys.PublicKeyInfo(
            {
                "algorithm": asn1_keys.PublicKeyAlgorithm(
                    {
                        "algorithm": EC_PUBLIC_KEY_OID,
                        "parameters": asn1_keys.ECDomainParameters(
                            name="named", value=SM2_CURVE_OID
                        ),
                    }
                ),
                "public_key": self.point(),
            }
        )
        return bytes(info.dump())


@dataclass(frozen=True)
class Sm2PrivateKey:
    """An SM2 private scalar and its public key (``repr`` never shows the scalar)."""

    d: int = field(repr=False)
    public_key: Sm2PublicKey = field(init=False)

    def __post_init__(self) -> None:
        if not 1 <= self.d <= N - 2:
            raise KeyFileError(KEY_LABEL)
        x, y = _mul(self.d, G_HEX)
        object.__setattr__(self, "public_key", Sm2PublicKey(x, y))

    @classmethod
    def generate(cls) -> Sm2PrivateKey:
        return cls(secrets.randbelow(N - 2) + 1)


# -- loading ------------------------------------------------------------------------


def _unarmor(data: bytes) -> tuple[str | None, bytes]:
    try:
        if asn1_pem.detect(data):
            kind, _headers, der = asn1_pem.unarmor(data)
            return str(kind), bytes(der)
    except (ValueError, TypeError) as exc:
        raise KeyFileError(KEY_LABEL) from exc
    return None, data


def _is_sm2_ec(algorithm: asn1_keys.PublicKeyAlgorithm | asn1_keys.PrivateKeyAlgorithm) -> bool:
    oid = algorithm["algorithm"].dotted
    if oid == SM2_CURVE_OID:
        return True
    if oid != EC_PUBLIC_KEY_OID:
        return False
    params = algorithm["parameters"]
    return bool(params.name == "named" and params.chosen.dotted == SM2_CURVE_OID)


def _from_ec_private_key(ec_key: asn1_keys.ECPrivateKey, need_curve: bool) -> Sm2PrivateKey:
    params = ec_key["parameters"]
    if params.native is None:
        if need_curve:
            raise KeyFileError(KEY_LABEL)
    elif params.name != "named" or params.chosen.dotted != SM2_CURVE_OID:
        raise KeyFileError(KEY_LABEL)
    d = int.from_bytes(ec_key["private_key"].contents, "big")
    private = Sm2PrivateKey(d)
    public = ec_key["public_key"]
    if public.native is not None and bytes(public.native) != private.public_key.point():
        raise KeyFileError(KEY_LABEL)
    return private


def _decrypt_pkcs8(der: bytes, password: bytes | None) -> bytes:
    """PBES2 (PBKDF2-HMAC + AES-CBC) encrypted PKCS#8, as OpenSSL 3 writes it."""
    if password is None:
        raise KeyFilePasswordError(KEY_LABEL)
    info = asn1_keys.EncryptedPrivateKeyInfo.load(der, strict=True)
    algo = info["encryption_algorithm"]
    if algo.kdf != "pbkdf2" or algo.encryption_cipher not in ("aes",):
        raise KeyFileError(KEY_LABEL)
    cipher_name = algo["parameters"]["encryption_scheme"]["algorithm"].native
    if cipher_name not in _PBES2_CIPHERS:
        raise KeyFileError(KEY_LABEL)
    make, key_len = _PBES2_CIPHERS[cipher_name]
    hmac_name = algo.kdf_hmac
    hash_algo: hashes.HashAlgorithm = {
        "sha1": hashes.SHA1(),  # noqa: S303
        "sha256": hashes.SHA256(),
        "sha384": hashes.SHA384(),
        "sha512": hashes.SHA512(),
    }.get(hmac_name, hashes.SHA256())
    if hmac_name not in ("sha1", "sha256", "sha384", "sha512"):
        raise KeyFileError(KEY_LABEL)
    key = PBKDF2HMAC(hash_algo, key_len, algo.kdf_salt, algo.kdf_iterations).derive(password)
    decryptor = Cipher(make(key), modes.CBC(algo.encryption_iv)).decryptor()
    padded = decryptor.update(info["encrypted_data"].native) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        return unpadder.update(padded) + unpadder.finalize()
    except ValueError as exc:
        raise KeyFilePasswordError(KEY_LABEL) from exc


def load_sm2_private_key(pem: bytes, password: bytes | None = None) -> Sm2PrivateKey:
    """An SM2 private key from PEM or DER: PKCS#8 (plain or PBES2-encrypted with
    ``password``) or SEC1 ``EC PRIVATE KEY`` on the SM2 curve."""
    kind, der = _unarmor(pem)
    try:
        if kind == "ENCRYPTED PRIVATE KEY":
            der = _decrypt_pkcs8(der, password)
            kind = "PRIVATE KEY"
        if kind in ("EC PRIVATE KEY", "SM2 PRIVATE KEY"):
            ec_key = asn1_keys.ECPrivateKey.load(der, strict=True)
            return _from_ec_private_key(ec_key, kind == "EC PRIVATE KEY")
        if kind not in (None, "PRIVATE KEY"):
            raise KeyFileError(KEY_LABEL)
        info = asn1_keys.PrivateKeyInfo.load(der, strict=True)
        if not _is_sm2_ec(info["private_key_algorithm"]):
            raise KeyFileError(KEY_LABEL)
        inner = asn1_keys.ECPrivateKey.load(info["private_key"].contents, strict=True)
        return _from_ec_private_key(inner, False)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise KeyFileError(KEY_LABEL) from exc


def _from_spki(info: asn1_keys.PublicKeyInfo) -> Sm2PublicKey:
    if not _is_sm2_ec(info["algorithm"]):
        raise KeyFileError(KEY_LABEL)
    return Sm2PublicKey.from_point(bytes(info["public_key"].native))


def load_sm2_public_key(pem_or_der: bytes) -> Sm2PublicKey:
    """An SM2 public key from a SubjectPublicKeyInfo (PEM ``PUBLIC KEY`` or DER), a
    certificate (PEM or DER), or a bare uncompressed point."""
    kind, der = _unarmor(pem_or_der)
    if kind is None and len(der) == C1_LEN and der[0] == 4:
        return Sm2PublicKey.from_point(der)
    if kind == "CERTIFICATE":
        return sm2_public_key_from_certificate(der)
    if kind not in (None, "PUBLIC KEY"):
        raise KeyFileError(KEY_LABEL)
    try:
        return _from_spki(asn1_keys.PublicKeyInfo.load(der, strict=True))
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        if kind is None:
            return sm2_public_key_from_certificate(der)
        raise KeyFileError(KEY_LABEL) from exc


def sm2_public_key_from_certificate(der: bytes) -> Sm2PublicKey:
    """The SM2 public key of an X.509 certificate (DER; PEM accepted too)."""
    kind, der = _unarmor(der)
    if kind not in (None, "CERTIFICATE"):
        raise KeyFileError(KEY_LABEL)
    try:
        cert = asn1_x509.Certificate.load(der, strict=True)
        return _from_spki(cert["tbs_certificate"]["subject_public_key_info"])
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise KeyFileError(KEY_LABEL) from exc


# -- encryption ---------------------------------------------------------------------


def sm2_encrypt(public: Sm2PublicKey, data: bytes, *, _k: Callable[[], int] | None = None) -> bytes:
    """``C1 ‖ C3 ‖ C2`` for ``data`` (``_k``: a test seam for the ephemeral scalar)."""
    if not data:
        raise MalformedEnvelopeError("SM2: empty message")
    draw = _k or (lambda: secrets.randbelow(N - 1) + 1)
    for _ in range(16):
        k = draw()
        if not 1 <= k < N:
            raise MalformedEnvelopeError("SM2: bad ephemeral scalar")
        x1, y1 = _mul(k, G_HEX)
        x2, y2 = _mul(k, _hex_point(public.x, public.y))
        xb, yb = x2.to_bytes(COORD, "big"), y2.to_bytes(COORD, "big")
        t = _kdf(xb + yb, len(data))
        if any(t):
            c1 = b"\x04" + x1.to_bytes(COORD, "big") + y1.to_bytes(COORD, "big")
            c2 = bytes(a ^ b for a, b in zip(data, t, strict=True))
            return c1 + _sm3(xb + data + yb) + c2
    raise KeyUnwrapError()  # pragma: no cover - 2^-256 per try


def sm2_decrypt(private: Sm2PrivateKey, ciphertext: bytes) -> bytes:
    """The message in a ``C1 ‖ C3 ‖ C2`` ciphertext; :class:`KeyUnwrapError` when C3
    does not match (wrong key or damaged ciphertext)."""
    if len(ciphertext) <= C1_LEN + C3_LEN or ciphertext[0] != 4:
        raise MalformedEnvelopeError("SM2 ciphertext")
    x1 = int.from_bytes(ciphertext[1:33], "big")
    y1 = int.from_bytes(ciphertext[33:65], "big")
    if not _on_curve(x1, y1):
        raise MalformedEnvelopeError("SM2 ciphertext C1")
    c3 = ciphertext[C1_LEN : C1_LEN + C3_LEN]
    c2 = ciphertext[C1_LEN + C3_LEN :]
    x2, y2 = _mul(private.d, _hex_point(x1, y1))
    xb, yb = x2.to_bytes(COORD, "big"), y2.to_bytes(COORD, "big")
    t = _kdf(xb + yb, len(c2))
    if not any(t):
        raise KeyUnwrapError()
    message = bytes(a ^ b for a, b in zip(c2, t, strict=True))
    if not secrets.compare_digest(_sm3(xb + message + yb), c3):
        raise KeyUnwrapError()
    return message


# -- GM/T 0009 DER ------------------------------------------------------------------


class _Sm2Cipher(core.Sequence):  # type: ignore[misc]
    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("x", core.Integer),
        ("y", core.Integer),
        ("hash", core.OctetString),
        ("ciphertext", core.OctetString),
    ]


def der_to_c1c3c2(der: bytes) -> bytes:
    """OpenSSL's DER ``SM2Cipher`` (x, y, hash, ciphertext) to ``C1 ‖ C3 ‖ C2``."""
    try:
        cipher = _Sm2Cipher.load(der, strict=True)
        x, y = int(cipher["x"].native), int(cipher["y"].native)
        c3 = bytes(cipher["hash"].native)
        c2 = bytes(cipher["ciphertext"].native)
        canonical = cipher.dump(force=True) == der
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise MalformedEnvelopeError("SM2Cipher DER") from exc
    if not canonical or not _on_curve(x, y) or len(c3) != C3_LEN or not c2:
        raise MalformedEnvelopeError("SM2Cipher DER")
    return b"\x04" + x.to_bytes(COORD, "big") + y.to_bytes(COORD, "big") + c3 + c2


def c1c3c2_to_der(ciphertext: bytes) -> bytes:
    """``C1 ‖ C3 ‖ C2`` to OpenSSL's DER ``SM2Cipher``."""
    if len(ciphertext) <= C1_LEN + C3_LEN or ciphertext[0] != 4:
        raise MalformedEnvelopeError("SM2 ciphertext")
    cipher = _Sm2Cipher(
        {
            "x": int.from_bytes(ciphertext[1:33], "big"),
            "y": int.from_bytes(ciphertext[33:65], "big"),
            "hash": ciphertext[C1_LEN : C1_LEN + C3_LEN],
            "ciphertext": ciphertext[C1_LEN + C3_LEN :],
        }
    )
    return bytes(cipher.dump())
