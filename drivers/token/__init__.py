"""Key tokens: PKCS#11 USB keys (python-pkcs11), key files (PEM / PKCS#12), and a
``sim://`` simulator for demo mode. All offer the same :class:`KeySession`:
certificates, RSA key-transport decryption (PKCS#1 v1.5, OAEP), ECDH and
SHA-256 signatures; the private key never leaves its token or store.

Typical use, on any thread::

    module = Pkcs11Module("/usr/lib/vendor/libgmpkcs11.so")
    token = module.open_token()                      # owner thread started
    plain = token.run(handler, lambda s: s.decrypt(
        find_recipient(s.certificates(), envelope_fingerprints), wrapped,
        RsaPadding.OAEP_SHA256)).result()
"""

from drivers.token.democa import DemoCa, certificate_uscc
from drivers.token.errors import (
    DecryptionFailedError,
    KeyFileError,
    KeyFilePasswordError,
    KeyMismatchError,
    MechanismUnsupportedError,
    NoCertificateError,
    NoPrivateKeyError,
    NoTokenError,
    PinCancelledError,
    PinExpiredError,
    PinIncorrectError,
    PinLockedError,
    TokenError,
    TokenModuleError,
    TokenOperationError,
    TokenRemovedError,
)
from drivers.token.keys import (
    KeyCertificate,
    KeySession,
    KeyToken,
    RsaPadding,
    TokenInfo,
    certificate_fingerprint,
    find_recipient,
    require_recipient,
    verify_signature,
)
from drivers.token.pkcs11 import Pkcs11Module, Pkcs11Token
from drivers.token.simulator import SimBidder, SimulatedKey, TokenSimulator
from drivers.token.softkeys import SoftKeyStore
from drivers.token.softtoken import SoftToken

__all__ = [
    "DecryptionFailedError",
    "DemoCa",
    "KeyCertificate",
    "KeyFileError",
    "KeyFilePasswordError",
    "KeyMismatchError",
    "KeySession",
    "KeyToken",
    "MechanismUnsupportedError",
    "NoCertificateError",
    "NoPrivateKeyError",
    "NoTokenError",
    "PinCancelledError",
    "PinExpiredError",
    "PinIncorrectError",
    "PinLockedError",
    "Pkcs11Module",
    "Pkcs11Token",
    "RsaPadding",
    "SimBidder",
    "SimulatedKey",
    "SoftKeyStore",
    "SoftToken",
    "TokenError",
    "TokenInfo",
    "TokenModuleError",
    "TokenOperationError",
    "TokenRemovedError",
    "TokenSimulator",
    "certificate_fingerprint",
    "certificate_uscc",
    "find_recipient",
    "require_recipient",
    "verify_signature",
]
