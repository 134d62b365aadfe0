"""RecipientInfos: who an envelope is for (issuer and serial number, or subject key
identifier), with which key-transport or key-agreement algorithm, parsed with
asn1crypto once the SET is in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from asn1crypto import algos, cms, core
from asn1crypto import x509 as asn1_x509

from drivers.token.keys import RsaPadding
from venue_client.crypto.cms.asn1 import (
    ECDH_SCHEMES,
    HASH_NAMES,
    KEY_WRAPS,
    OID_MGF1,
    OID_P_SPECIFIED,
    OID_RSA,
    OID_RSAES_OAEP,
    OID_SHA1,
    OID_SHA256,
    OID_SM2_ENCRYPT,
    algorithm,
    parsing,
)
from venue_client.crypto.envelope_errors import MalformedEnvelopeError

RecipientKind = Literal["ktri", "kari", "kekri", "pwri", "ori"]
KINDS: dict[str, RecipientKind] = {
    "ktri": "ktri",
    "kari": "kari",
    "kekri": "kekri",
    "pwri": "pwri",
    "ori": "ori",
}
MAX_RECIPIENTS = 1000


@dataclass(frozen=True)
class Recipient:
    """One recipient entry (a KeyAgreeRecipientInfo gives one per encrypted key).

    ``algorithm`` names the key transport ("RSA-PKCS1-v1_5", "RSA-OAEP-SHA256",
    "SM2", "ECDH-SHA-1-KDF/AES-128-WRAP" ...); ``unsupported`` is set when this
    build cannot use the entry (then ``algorithm`` says what it asks for)."""

    kind: RecipientKind
    algorithm: str
    issuer: str | None = None
    serial: int | None = None
    ski: bytes | None = None
    unsupported: bool = False
    padding: RsaPadding | None = None
    encrypted_key: bytes = field(default=b"", repr=False)
    issuer_name: asn1_x509.Name | None = field(default=None, repr=False, compare=False)
    # Key agreement (RFC 5753).
    originator_point: bytes | None = field(default=None, repr=False)
    ukm: bytes | None = field(default=None, repr=False)
    kdf_hash: str | None = None
    wrap_der: bytes | None = field(default=None, repr=False)
    wrap_size: int = 0

    @property
    def identifier(self) -> str:
        if self.ski is not None:
            return f"ski:{self.ski.hex()}"
        if self.serial is not None:
            return f"issuer:{self.issuer};serial:{self.serial:x}"
        return self.kind


def parse_recipients(der: bytes) -> list[Recipient]:
    """The RecipientInfos SET (DER/BER) as a flat list of recipients."""
    out: list[Recipient] = []
    with parsing("recipientInfos"):
        infos = cms.RecipientInfos.load(der, strict=True)
        if len(infos) == 0 or len(infos) > MAX_RECIPIENTS:
            raise MalformedEnvelopeError("recipientInfos count")
        for info in infos:
            kind = KINDS.get(info.name)
            if kind is None:
                raise MalformedEnvelopeError("recipientInfo")
            if kind == "ktri":
                out.append(_key_trans(info.chosen))
            elif kind == "kari":
                out.extend(_key_agree(info.chosen))
            else:
                out.append(Recipient(kind, kind.upper(), unsupported=True))
    return out


def _rid(rid: cms.RecipientIdentifier | cms.KeyAgreementRecipientIdentifier) -> dict[str, object]:
    if rid.name == "issuer_and_serial_number":
        name = rid.chosen["issuer"]
        return {
            "issuer": name.human_friendly,
            "issuer_name": name,
            "serial": rid.chosen["serial_number"].native,
        }
    if rid.name == "subject_key_identifier":
        return {"ski": rid.chosen.native}
    if rid.name == "r_key_id":
        return {"ski": rid.chosen["subject_key_identifier"].native}
    raise MalformedEnvelopeError("recipient identifier")


def _key_trans(info: cms.KeyTransRecipientInfo) -> Recipient:
    ids = _rid(info["rid"])
    oid, params = algorithm(info["key_encryption_algorithm"])
    encrypted = info["encrypted_key"].native
    padding: RsaPadding | None = None
    name = oid
    if oid == OID_RSA:
        padding = RsaPadding.PKCS1_V15
    elif oid == OID_RSAES_OAEP:
        padding, name = _oaep(params)
    elif oid == OID_SM2_ENCRYPT:
        name = "SM2"
    if padding is not None:
        name = padding.value
    return Recipient(
        "ktri",
        name,
        unsupported=padding is None and name != "SM2",
        padding=padding,
        encrypted_key=encrypted,
        **ids,  # type: ignore[arg-type]
    )


def _oaep(params: bytes | None) -> tuple[RsaPadding | None, str]:
    """RSAES-OAEP-params (RFC 4055): SHA-1 or SHA-256 with MGF1 of the same hash
    and an empty label are what tokens and ``cryptography`` offer."""
    if params is None:
        return RsaPadding.OAEP_SHA1, RsaPadding.OAEP_SHA1.value
    decoded = algos.RSAESOAEPParams.load(params, strict=True)
    hash_oid, _ = algorithm(decoded["hash_algorithm"])
    mgf_oid, mgf_params = algorithm(decoded["mask_gen_algorithm"])
    mgf_hash = algorithm(mgf_params)[0] if mgf_params is not None else OID_SHA1
    source_oid, source_params = algorithm(decoded["p_source_algorithm"])
    label = core.OctetString.load(source_params).native if source_params else b""
    name = f"RSA-OAEP-{HASH_NAMES.get(hash_oid, hash_oid)}"
    if mgf_oid != OID_MGF1 or mgf_hash != hash_oid or source_oid != OID_P_SPECIFIED or label:
        return None, name + " (MGF/label)"
    if hash_oid == OID_SHA1:
        return RsaPadding.OAEP_SHA1, name
    if hash_oid == OID_SHA256:
        return RsaPadding.OAEP_SHA256, name
    return None, name


def _key_agree(info: cms.KeyAgreeRecipientInfo) -> list[Recipient]:
    originator = info["originator"]
    point: bytes | None = None
    if originator.name == "originator_key":
        point = originator.chosen["public_key"].native
        if not isinstance(point, bytes):
            point = bytes(originator.chosen["public_key"].contents[1:])
    ukm = info["ukm"].native if info["ukm"].native is not None else None
    scheme, params = algorithm(info["key_encryption_algorithm"])
    wrap_oid, _ = algorithm(params) if params is not None else ("", None)
    kdf_hash = ECDH_SCHEMES.get(scheme)
    wrap_size = KEY_WRAPS.get(wrap_oid, 0)
    usable = kdf_hash is not None and wrap_size > 0 and point is not None
    name = f"ECDH-{kdf_hash}-KDF/AES-{wrap_size * 8}-WRAP" if usable else f"ECDH {scheme}"
    out = []
    for entry in info["recipient_encrypted_keys"]:
        out.append(
            Recipient(
                "kari",
                name,
                unsupported=not usable,
                encrypted_key=entry["encrypted_key"].native,
                originator_point=point,
                ukm=ukm,
                kdf_hash=kdf_hash,
                wrap_der=params,
                wrap_size=wrap_size,
                **_rid(entry["rid"]),  # type: ignore[arg-type]
            )
        )
    return out
