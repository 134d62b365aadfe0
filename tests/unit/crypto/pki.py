"""A small PKI for the certificate-check tests, made at run time with
``cryptography``: CA and bidder certificates with any subject, validity and
extensions, CRLs, and the USCCs to put in them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from venue_client.domain.identity import uscc_check_char

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey


def uscc(first17: str) -> str:
    return first17 + uscc_check_char(first17)


USCC_A = uscc("91330100MA2XXXXXX")  # 投标人甲
USCC_B = uscc("91330106MA27Y4QP1")  # 投标人乙


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def name(common: str, *extra: tuple[x509.ObjectIdentifier, str]) -> x509.Name:
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, common),
        x509.NameAttribute(NameOID.COMMON_NAME, common),
    ]
    attributes += [x509.NameAttribute(oid, value) for oid, value in extra]
    return x509.Name(attributes)


def key_usage(
    *, sign: bool = True, cert_sign: bool = False, encipher: bool = False
) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=sign,
        content_commitment=sign and not cert_sign,
        key_encipherment=encipher,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


class Ca:
    """A root (``parent`` None) or intermediate CA with its key."""

    def __init__(
        self,
        common: str,
        *,
        parent: Ca | None = None,
        key: PrivateKey | None = None,
        not_before: datetime | None = None,
        not_after: datetime | None = None,
    ) -> None:
        self.key = key or ec.generate_private_key(ec.SECP256R1())
        self.name = name(common)
        signer = parent or self
        start = not_before or now() - timedelta(days=30)
        builder = (
            x509.CertificateBuilder()
            .subject_name(self.name)
            .issuer_name(signer.name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(not_after or start + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(key_usage(cert_sign=True), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False
            )
        )
        if parent is not None:
            builder = builder.add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(parent.key.public_key()),
                critical=False,
            )
        self.certificate = builder.sign(signer.key, hashes.SHA256())

    def issue(
        self,
        public_key: PublicKey,
        *,
        subject: x509.Name | None = None,
        uscc: str | None = USCC_A,
        company: str = "杭州某某建设工程有限公司",
        not_before: datetime | None = None,
        not_after: datetime | None = None,
        usage: x509.KeyUsage | None = None,
        is_ca: bool = False,
        crl_url: str | None = None,
    ) -> x509.Certificate:
        if subject is None:
            subject = name(company, *([(NameOID.SERIAL_NUMBER, uscc)] if uscc else []))
        start = not_before or now() - timedelta(days=1)
        builder = (
            x509.CertificateBuilder()
            .subject_name(subject)
            .issuer_name(self.name)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(not_after or start + timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=is_ca, path_length=None), critical=True)
            .add_extension(usage or key_usage(cert_sign=is_ca), critical=True)
            .add_extension(
                x509.ExtendedKeyUsage(
                    [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION]
                ),
                critical=False,
            )
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()),
                critical=False,
            )
        )
        if crl_url:
            point = x509.DistributionPoint(
                [x509.UniformResourceIdentifier(crl_url)], None, None, None
            )
            builder = builder.add_extension(x509.CRLDistributionPoints([point]), critical=False)
        return builder.sign(self.key, hashes.SHA256())

    def crl(
        self,
        revoked: Sequence[x509.Certificate] = (),
        *,
        at: datetime | None = None,
        this_update: datetime | None = None,
        next_update: datetime | None = None,
        reason: x509.ReasonFlags | None = None,
        scope: x509.IssuingDistributionPoint | None = None,
        signer: PrivateKey | None = None,
    ) -> x509.CertificateRevocationList:
        issued = this_update or now() - timedelta(hours=1)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.name)
            .last_update(issued)
            .next_update(next_update or issued + timedelta(days=7))
        )
        for cert in revoked:
            entry = (
                x509.RevokedCertificateBuilder()
                .serial_number(cert.serial_number)
                .revocation_date(at or issued - timedelta(hours=1))
            )
            if reason is not None:
                entry = entry.add_extension(x509.CRLReason(reason), critical=False)
            builder = builder.add_revoked_certificate(entry.build())
        if scope is not None:
            builder = builder.add_extension(scope, critical=True)
        return builder.sign(signer or self.key, hashes.SHA256())
