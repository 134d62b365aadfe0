"""A throwaway certificate authority for demo mode and tests: bidder certificates
with the company name and its USCC in the subject, any validity period.

Convention used here (and read back by :func:`certificate_uscc`): the USCC is the
subject's ``serialNumber`` (2.5.4.5); ``CN`` and ``O`` carry the company name.
Real CAs vary: :func:`certificate_uscc` also accepts ``organizationIdentifier``
(2.5.4.97, optionally ``NTRCN-`` prefixed) and an 18-character code in ``OU`` or
``CN`` (``name@USCC``, ``name(USCC)``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

Usage = Literal["encipherment", "agreement", "signature"]
_USCC = re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")


class DemoCa:
    """An EC P-256 root that issues end-entity certificates."""

    def __init__(self, name: str = "演示数字证书认证中心", *, days: int = 3650) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        subject = x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
                x509.NameAttribute(NameOID.COMMON_NAME, name),
            ]
        )
        now = datetime.now(UTC)
        public = self.key.public_key()
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(subject)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=days))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_key_usage(cert_sign=True), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(self.key, hashes.SHA256())
        )

    def issue(
        self,
        public_key: rsa.RSAPublicKey | ec.EllipticCurvePublicKey,
        *,
        name: str,
        uscc: str | None = None,
        usage: Usage = "encipherment",
        not_before: datetime | None = None,
        not_after: datetime | None = None,
    ) -> x509.Certificate:
        """An end-entity certificate; ``usage`` picks key encipherment (RSA key
        transport), key agreement (ECDH) or signature only; digital signature is
        always allowed (the check-in challenge)."""
        attributes = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, name),
            x509.NameAttribute(NameOID.COMMON_NAME, name),
        ]
        if uscc:
            attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, uscc))
        now = datetime.now(UTC)
        ca_ski = self.certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
        return (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attributes))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(not_before or now - timedelta(minutes=5))
            .not_valid_after(not_after or now + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(
                _key_usage(
                    key_encipherment=usage == "encipherment",
                    key_agreement=usage == "agreement",
                ),
                critical=True,
            )
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(ca_ski.value),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )


def certificate_uscc(certificate: x509.Certificate) -> str | None:
    """The company's USCC from a certificate subject, if one is found (not
    checked for its check character: that is the caller's rule)."""
    subject = certificate.subject
    for oid in (NameOID.SERIAL_NUMBER, NameOID.ORGANIZATION_IDENTIFIER):
        for attribute in subject.get_attributes_for_oid(oid):
            value = str(attribute.value).upper().removeprefix("NTRCN-")
            if _USCC.fullmatch(value):
                return value
    for oid in (NameOID.ORGANIZATIONAL_UNIT_NAME, NameOID.COMMON_NAME):
        for attribute in subject.get_attributes_for_oid(oid):
            match = _USCC.search(str(attribute.value).upper())
            if match:
                return match.group(0)
    return None


def _key_usage(
    *, cert_sign: bool = False, key_encipherment: bool = False, key_agreement: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=key_encipherment,
        data_encipherment=False,
        key_agreement=key_agreement,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )
