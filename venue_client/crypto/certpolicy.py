"""Which CAs the venue trusts for bidder certificates (a directory of root and
intermediate CA certificates and CRLs), and the ``cryptography`` X.509 verifier
built from it.

The verifier's Web PKI rules for issuers stay (basicConstraints cA, path length,
name constraints, validity, RSA / ECDSA with SHA-256 or better), with two
allowances older Chinese CA certificates need: basicConstraints may be
non-critical, and keyUsage may be absent (if present it must allow keyCertSign).
Its end-entity rules (a subjectAltName, the clientAuth purpose) do not apply to
bidder certificates: :mod:`venue_client.crypto.certcheck` checks those itself.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.x509 import verification

from venue_client.crypto.certerrors import CertificatePolicyError

DEFAULT_CLOCK_SKEW = timedelta(minutes=5)
_FILE_SUFFIXES = frozenset({".pem", ".crt", ".cer", ".der", ".crl"})
_PEM_BLOCK = re.compile(rb"-----BEGIN ([A-Z0-9 ]+)-----.+?-----END \1-----", re.DOTALL)


def _issuer_key_usage(
    policy: verification.Policy, cert: x509.Certificate, usage: x509.KeyUsage | None
) -> None:
    if usage is not None and not usage.key_cert_sign:
        raise ValueError("keyUsage of a CA certificate lacks keyCertSign")


# Issuers: basicConstraints present (the verifier insists on cA=TRUE), criticality
# not held against older CA certificates; keyUsage, if present, allows keyCertSign.
_CA_POLICY = (
    verification.ExtensionPolicy.permit_all()
    .require_present(x509.BasicConstraints, verification.Criticality.AGNOSTIC, None)
    .may_be_present(x509.KeyUsage, verification.Criticality.AGNOSTIC, _issuer_key_usage)
)


@dataclass(frozen=True)
class CertificatePolicy:
    """Which CAs the venue trusts for bidder certificates, and how strictly.

    ``clock_skew`` tolerates a certificate issued minutes "in the future" of the
    desk clock (the CA's clock ran ahead); expiry is exact.
    """

    trust_roots: Sequence[x509.Certificate]
    intermediates: Sequence[x509.Certificate] = ()
    crls: Sequence[x509.CertificateRevocationList] = ()
    require_revocation_data: bool = False
    clock_skew: timedelta = DEFAULT_CLOCK_SKEW
    _store: verification.Store = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "trust_roots", tuple(self.trust_roots))
        object.__setattr__(self, "intermediates", tuple(self.intermediates))
        object.__setattr__(self, "crls", tuple(self.crls))
        if not self.trust_roots:
            raise ValueError("a certificate policy needs at least one trusted root")
        if self.clock_skew < timedelta(0):
            raise ValueError("clock_skew cannot be negative")
        object.__setattr__(self, "_store", verification.Store(list(self.trust_roots)))

    def verifier(self, at: datetime) -> verification.ClientVerifier:
        """``cryptography``'s verifier over the roots, checking at ``at``."""
        return (
            verification.PolicyBuilder()
            .store(self._store)
            .time(at)
            .extension_policies(
                ca_policy=_CA_POLICY, ee_policy=verification.ExtensionPolicy.permit_all()
            )
            .build_client_verifier()
        )

    @classmethod
    def from_dir(
        cls,
        path: str | os.PathLike[str],
        *,
        require_revocation_data: bool = False,
        clock_skew: timedelta = DEFAULT_CLOCK_SKEW,
    ) -> CertificatePolicy:
        """Every ``.pem/.crt/.cer/.der/.crl`` file under ``path`` (PEM bundles
        welcome): self-issued certificates are the trusted roots, other
        certificates intermediates, and CRLs revocation data."""
        root = Path(path)
        if not root.is_dir():
            raise CertificatePolicyError(path=str(root), no_root=True)
        certs: dict[bytes, x509.Certificate] = {}
        crls: list[x509.CertificateRevocationList] = []
        for file in sorted(p for p in root.rglob("*") if p.suffix.lower() in _FILE_SUFFIXES):
            if not file.is_file():
                continue
            found_certs, found_crls = _load_pki_file(file)
            for cert in found_certs:
                certs[cert.fingerprint(hashes.SHA256())] = cert
            crls.extend(found_crls)
        roots = [c for c in certs.values() if c.subject == c.issuer]
        if not roots:
            raise CertificatePolicyError(path=str(root), no_root=True)
        return cls(
            trust_roots=roots,
            intermediates=[c for c in certs.values() if c.subject != c.issuer],
            crls=crls,
            require_revocation_data=require_revocation_data,
            clock_skew=clock_skew,
        )


def _load_pki_file(
    path: Path,
) -> tuple[list[x509.Certificate], list[x509.CertificateRevocationList]]:
    try:
        data = path.read_bytes()
        certs: list[x509.Certificate] = []
        crls: list[x509.CertificateRevocationList] = []
        if b"-----BEGIN" in data:
            for block in _PEM_BLOCK.finditer(data):
                kind = block.group(1)
                if kind == b"CERTIFICATE":
                    certs.append(x509.load_pem_x509_certificate(block.group(0)))
                elif kind == b"X509 CRL":
                    crls.append(x509.load_pem_x509_crl(block.group(0)))
            return certs, crls
        try:
            return [x509.load_der_x509_certificate(data)], []
        except ValueError:
            return [], [x509.load_der_x509_crl(data)]
    except (OSError, ValueError) as exc:
        raise CertificatePolicyError(path=str(path)) from exc
