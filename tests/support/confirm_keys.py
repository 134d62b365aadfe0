"""A bidder's company key and certificate from a test CA, and a confirmation of the
opening record signed with it the way the desk's USB key does it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec

from tests.unit.crypto.pki import Ca
from venue_client.crypto.certpolicy import CertificatePolicy
from venue_client.crypto.certproof import make_challenge
from venue_client.services.certsignin import SignedChallenge

VENUE = "A3301000-TEST"


@dataclass
class CompanyKeys:
    """A test CA and, per USCC, a company signing key with its certificate."""

    ca: Ca = field(default_factory=lambda: Ca("测试数字证书认证中心"))
    keys: dict[str, tuple[ec.EllipticCurvePrivateKey, x509.Certificate]] = field(
        default_factory=dict
    )

    def policy(self) -> CertificatePolicy:
        return CertificatePolicy(trust_roots=[self.ca.certificate])

    def of(self, uscc: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        if uscc not in self.keys:
            key = ec.generate_private_key(ec.SECP256R1())
            self.keys[uscc] = (key, self.ca.issue(key.public_key(), uscc=uscc))
        return self.keys[uscc]

    def sign(
        self, service: Any, ref: str, uscc: str, *, subject: str | None = None
    ) -> SignedChallenge:
        """The challenge for the record as it stands (or ``subject``), signed by the
        key of ``uscc``."""
        key, cert = self.of(uscc)
        challenge = make_challenge(
            venue=VENUE,
            session=subject or service.confirmation_subject(ref),
            now=service.ctx.clock.now(),
        )
        return SignedChallenge(cert, challenge, key.sign(challenge, ec.ECDSA(hashes.SHA256())))

    def confirm(self, service: Any, ref: str, checkin_id: int, uscc: str, operator: Any) -> int:
        signed = self.sign(service, ref, uscc)
        return int(
            service.confirm_signed(
                ref, checkin_id, signed, policy=self.policy(), venue=VENUE, operator=operator
            )
        )
