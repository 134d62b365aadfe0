"""CA-certificate check-in (CA 证书签到) as the desk does it: list the USB keys in
the slots, read a key's certificates (no PIN needed), have the key sign a fresh
challenge (the PIN goes to the token through the caller's handler), and build the
trust policy the certificate is checked against.

Every call here blocks on the token: run them on a worker thread. The private key
never leaves the token; the desk only sees the certificate and the signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, cast

from cryptography import x509
from cryptography.x509.oid import NameOID

from drivers.common.errors import DeviceError, DriverText
from drivers.common.handler import DeviceHandler
from drivers.token.errors import NoCertificateError
from drivers.token.keys import KeyCertificate, KeySession, KeyToken, TokenInfo
from venue_client.config import Settings
from venue_client.crypto.certcheck import CertificatePolicy, make_challenge, prove_with_token
from venue_client.crypto.certpolicy import DEFAULT_CLOCK_SKEW
from venue_client.domain.errors import Text, UserFacingError


class TokenSource(Protocol):
    """Where USB keys are found: a PKCS#11 module, or the demo's token simulator."""

    def tokens(self) -> list[TokenInfo]: ...

    def open_token(self, *, label: str | None = None) -> KeyToken: ...


@dataclass(frozen=True)
class PresentedKey:
    """A USB key at the desk and the signing certificate read from it."""

    label: str
    serial: str
    certificate: x509.Certificate
    company: str  # the subject's O (else CN), as the certificate says
    uscc: str  # the subject's serialNumber (may be empty or invalid: checked later)


@dataclass(frozen=True)
class SignedChallenge:
    certificate: x509.Certificate
    challenge: bytes
    signature: bytes


def present_tokens(source: TokenSource) -> list[TokenInfo]:
    """The keys in the slots (empty readers left out)."""
    return [t for t in source.tokens() if t.present and t.label]


def _attribute(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def _signing_key(keys: Sequence[KeyCertificate]) -> KeyCertificate:
    """The key whose certificate allows digital signatures (Chinese USB keys hold a
    signing and an encryption certificate); the first one when several do."""
    for key in keys:
        try:
            usage = key.certificate.extensions.get_extension_for_class(x509.KeyUsage).value
        except x509.ExtensionNotFound:
            return key
        if usage.digital_signature:
            return key
    if keys:
        return keys[0]  # certcheck names the usage problem
    raise NoCertificateError()


def read_key(source: TokenSource, info: TokenInfo, handler: DeviceHandler) -> PresentedKey:
    """Read the signing certificate of the key ``info`` names (no login)."""
    token = source.open_token(label=info.label)
    try:
        keys = token.run(handler, lambda s: s.certificates()).result()
    finally:
        token.close()
    cert = _signing_key(keys).certificate
    company = _attribute(cert, NameOID.ORGANIZATION_NAME) or _attribute(cert, NameOID.COMMON_NAME)
    uscc = _attribute(cert, NameOID.SERIAL_NUMBER).strip().upper()
    return PresentedKey(info.label, info.serial, cert, company, uscc)


def sign_challenge(
    source: TokenSource,
    key: PresentedKey,
    handler: DeviceHandler,
    *,
    venue: str,
    session: str,
    now: datetime,
) -> SignedChallenge:
    """A fresh challenge for this venue and session, signed on the token (the PIN is
    asked through ``handler``)."""
    challenge = make_challenge(venue=venue, session=session, now=now)
    token = source.open_token(label=key.label)

    def work(s: KeySession) -> bytes:
        return prove_with_token(s, key.certificate, challenge)

    try:
        signature = token.run(handler, work).result()
    finally:
        token.close()
    return SignedChallenge(key.certificate, challenge, signature)


def certificate_policy(
    settings: Settings, extra_roots: Sequence[x509.Certificate] = ()
) -> CertificatePolicy:
    """The venue's trusted CAs (``[checkin] ca_dir``) plus ``extra_roots`` (the demo
    CA of simulated keys). :class:`CertificatePolicyError` when nothing is trusted."""
    require = settings.checkin.require_crl.strip().lower() == "on"
    if extra_roots and not settings.ca_dir.is_dir():
        return CertificatePolicy(trust_roots=extra_roots, require_revocation_data=require)
    policy = CertificatePolicy.from_dir(
        settings.ca_dir, require_revocation_data=require, clock_skew=DEFAULT_CLOCK_SKEW
    )
    if not extra_roots:
        return policy
    return CertificatePolicy(
        trust_roots=[*policy.trust_roots, *extra_roots],
        intermediates=policy.intermediates,
        crls=policy.crls,
        require_revocation_data=require,
    )


class OneTimePin:
    """A :class:`DeviceHandler` that gives the token the PIN typed at the desk once;
    a second prompt (the token asking again) is a cancel, never a retry loop."""

    def __init__(self, pin: str) -> None:
        self._pin: str | None = pin
        self.messages: list[str] = []

    def prompt_secret(self, text: DriverText, **args: object) -> str | None:
        pin, self._pin = self._pin, None
        return pin

    def message(self, text: DriverText, **args: object) -> None:
        self.messages.append(str(text))

    def error(self, text: DriverText, **args: object) -> None:
        self.messages.append(str(text))


class NoPin(OneTimePin):
    """Reading a certificate needs no PIN: a prompt is answered with a cancel."""

    def __init__(self) -> None:
        super().__init__("")
        self._pin = None


def user_error(exc: DeviceError) -> UserFacingError:
    """A token's error as the desk shows it (the driver's translatable message)."""
    return UserFacingError(cast(Text, exc.text), **exc.args_map)
