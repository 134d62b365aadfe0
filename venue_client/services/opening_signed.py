"""签名确认 with the representative's USB key. The key signs a challenge naming this
venue, the session and the SHA-256 of the opening record as it stands (its content
without the confirmations, which change as people confirm); the certificate must
be trusted, valid and the bidder's own (its USCC), and the signature must verify.
The statement, signature and certificate are kept with the confirmation."""

from __future__ import annotations

import dataclasses

from venue_client.crypto.certcheck import verify_company_certificate
from venue_client.crypto.certpolicy import CertificatePolicy
from venue_client.crypto.certproof import Challenge, verify_possession
from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import OpeningError
from venue_client.reports.opening import record_sha256
from venue_client.services.certsignin import SignedChallenge
from venue_client.services.opening_common import ref_of, session_id
from venue_client.services.opening_hearing import HearingMixin, SignedProof
from venue_client.services.opening_record import OpeningRecordData, read_record
from venue_client.services.users import UserInfo

E_RECORD_CHANGED = QT_TRANSLATE_NOOP("opening", "签名后开标记录有变动，请重新签名确认")
DIGEST_FIELD = ":record-sha256="


def record_digest(record: OpeningRecordData) -> str:
    """What a confirmation vouches for: the record's content, confirmations left out."""
    return record_sha256(dataclasses.replace(record, confirmations=[]))


class SignedConfirmMixin(HearingMixin):
    def confirmation_subject(self, ref: int | str) -> str:
        """The ``session`` of the challenge a representative's key signs to confirm the
        record as it stands now: ``O12:record-sha256=<hex>``."""
        sid = session_id(ref)
        with self.ctx.reading() as s:
            return f"{ref_of(sid)}{DIGEST_FIELD}{record_digest(read_record(s, sid))}"

    def confirm_signed(
        self,
        ref: int | str,
        checkin_id: int,
        signed: SignedChallenge,
        *,
        policy: CertificatePolicy,
        venue: str,
        operator: UserInfo,
    ) -> int:
        """A present representative confirms the record with their company's USB key
        (a challenge for :meth:`confirmation_subject`, signed); returns the row id."""
        now = self.ctx.clock.now()
        with self._changing(ref, operator) as (tx, locked):
            s, sid = tx.session, locked.opening.id
            person, bidder = self._confirming(s, locked, checkin_id)
            digest = record_digest(read_record(s, sid))
            subject = f"{ref_of(sid)}{DIGEST_FIELD}{digest}"
            signed_for = Challenge.from_bytes(signed.challenge).session
            if signed_for != subject and signed_for.startswith(f"{ref_of(sid)}{DIGEST_FIELD}"):
                raise OpeningError(E_RECORD_CHANGED)
            verify_company_certificate(
                signed.certificate, expected_uscc=bidder.org_code, policy=policy, now=now
            )
            verify_possession(
                signed.certificate,
                signed.challenge,
                signed.signature,
                venue=venue,
                session=subject,
                now=now,
            )
            proof = SignedProof(signed.challenge, signed.signature, signed.certificate, digest)
            return self._add_confirmation(tx, locked, person, bidder, operator, proof)
