"""The few ASN.1 shapes the CMS import parses with asn1crypto once they are in
memory, and the object identifiers it knows."""

from __future__ import annotations

from typing import Literal

from asn1crypto import core

from venue_client.crypto.envelope_errors import EnvelopeError, MalformedEnvelopeError

# Content types (RFC 5652, RFC 5083, GM/T 0010-2012 §6).
OID_DATA = "1.2.840.113549.1.7.1"
OID_ENVELOPED = "1.2.840.113549.1.7.3"
OID_AUTH_ENVELOPED = "1.2.840.113549.1.9.16.1.23"
OID_GMT_DATA = "1.2.156.10197.6.1.4.2.1"
OID_GMT_ENVELOPED = "1.2.156.10197.6.1.4.2.3"

ENVELOPE_TYPES = {
    OID_ENVELOPED: ("CMS", "Enveloped"),
    OID_AUTH_ENVELOPED: ("CMS", "AuthEnveloped"),
    OID_GMT_ENVELOPED: ("GMT0010", "Enveloped"),
}
DATA_TYPES = {OID_DATA, OID_GMT_DATA}

# Key transport.
OID_RSA = "1.2.840.113549.1.1.1"
OID_RSAES_OAEP = "1.2.840.113549.1.1.7"
OID_MGF1 = "1.2.840.113549.1.1.8"
OID_P_SPECIFIED = "1.2.840.113549.1.1.9"
OID_SHA1 = "1.3.14.3.2.26"
OID_SHA256 = "2.16.840.1.101.3.4.2.1"
OID_SM2_ENCRYPT = "1.2.156.10197.1.301.3"
OID_SM2_CURVE = "1.2.156.10197.1.301"

HASH_NAMES = {
    OID_SHA1: "SHA-1",
    "2.16.840.1.101.3.4.2.4": "SHA-224",
    OID_SHA256: "SHA-256",
    "2.16.840.1.101.3.4.2.2": "SHA-384",
    "2.16.840.1.101.3.4.2.3": "SHA-512",
}

# Key agreement (RFC 5753): scheme OID -> KDF hash.
ECDH_SCHEMES = {
    "1.3.133.16.840.63.0.2": "SHA-1",  # dhSinglePass-stdDH-sha1kdf-scheme
    "1.3.132.1.11.0": "SHA-224",
    "1.3.132.1.11.1": "SHA-256",
    "1.3.132.1.11.2": "SHA-384",
    "1.3.132.1.11.3": "SHA-512",
    "1.3.133.16.840.63.0.3": "SHA-1",  # dhSinglePass-cofactorDH-sha1kdf-scheme
    "1.3.132.1.14.0": "SHA-224",
    "1.3.132.1.14.1": "SHA-256",
    "1.3.132.1.14.2": "SHA-384",
    "1.3.132.1.14.3": "SHA-512",
}
KEY_WRAPS = {
    "2.16.840.1.101.3.4.1.5": 16,  # id-aes128-wrap
    "2.16.840.1.101.3.4.1.25": 24,
    "2.16.840.1.101.3.4.1.45": 32,
}


class AlgorithmIdentifier(core.Sequence):  # type: ignore[misc]
    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("algorithm", core.ObjectIdentifier),
        ("parameters", core.Any, {"optional": True}),
    ]


class GcmParameters(core.Sequence):  # type: ignore[misc]
    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("aes_nonce", core.OctetString),
        ("aes_icvlen", core.Integer, {"default": 12}),
    ]


class EccCmsSharedInfo(core.Sequence):  # type: ignore[misc]
    """RFC 5753 §7.2: the KDF's SharedInfo."""

    _fields = [  # noqa: RUF012 - asn1crypto's declaration style
        ("key_info", AlgorithmIdentifier),
        ("entity_u_info", core.OctetString, {"explicit": 0, "optional": True}),
        ("supp_pub_info", core.OctetString, {"explicit": 2}),
    ]


def algorithm(der_or_value: bytes | core.Asn1Value) -> tuple[str, bytes | None]:
    """An AlgorithmIdentifier's OID and its parameters' DER (None when absent)."""
    ident = (
        AlgorithmIdentifier.load(der_or_value, strict=True)
        if isinstance(der_or_value, bytes)
        else der_or_value
    )
    oid = str(ident["algorithm"].dotted)
    params = ident["parameters"]
    if isinstance(params, core.Void) or params.contents is None:
        return oid, None
    return oid, bytes(params.untag().dump()) if params.explicit else bytes(params.dump())


class parsing:  # noqa: N801 - used as a context manager, reads like a phrase
    """Turn whatever asn1crypto raises on bad input into MalformedEnvelopeError."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: object
    ) -> Literal[False]:
        if exc is None or not isinstance(exc, Exception) or isinstance(exc, EnvelopeError):
            return False
        raise MalformedEnvelopeError(self.what) from exc
