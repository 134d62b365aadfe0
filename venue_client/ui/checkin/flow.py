"""``CheckInFlow``: the desk's presenter between the widgets and ``CheckInService``.

One check-in = one worker job: compare the face, assess, and record at once when
the outcome allows it (通过 and 不通过 are recorded immediately; 需人工复核 waits
for a supervisor's credentials, then ``approve`` records it; 已签到 shows the
existing record and never writes a second one)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from venue_client.crypto.qrpass import verifiers_from
from venue_client.domain.checkin import FaceResult, Method, Outcome, Proof, Verdict
from venue_client.domain.errors import Message, UserFacingError
from venue_client.services.certsignin import SignedChallenge, certificate_policy
from venue_client.services.checkin import CheckInService, Recorded
from venue_client.services.checkin_roster import Roster
from venue_client.services.users import UserInfo
from venue_client.store.log_models import Role
from venue_client.ui.checkin.face import FaceCheck, compare_face, snapshot_jpeg
from venue_client.ui.checkin.keys import (
    certificate_facts,
    demo_pass_keys,
    token_device,
    venue_identity,
)
from venue_client.ui.checkin.texts import N_MANUAL
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import error_message

# Who may open a room's sealed expert list at check-in.
ROOM_STAFF = frozenset({Role.ROOM_STEWARD, Role.MANAGER, Role.DESK_STAFF, Role.SUPERVISOR})


@dataclass(frozen=True)
class Attempt:
    """One person at the desk: the proof, the face comparison, the verdict and, once
    written, the record (or the existing record's time for 已签到)."""

    ref: str
    proof: Proof
    face: FaceCheck
    verdict: Verdict
    card_name: str = ""  # the name read from the card (strangers are not on the roster)
    snapshot: bytes | None = None
    evidence: dict[str, object] | None = None  # the certificate check or the QR pass
    recorded: Recorded | None = None
    checked_in_at: datetime | None = None
    approver: UserInfo | None = None

    @property
    def outcome(self) -> Outcome:
        return self.verdict.outcome

    @property
    def name(self) -> str:
        person = self.verdict.person
        return person.name if person is not None else self.card_name or self.proof.name


class CheckInFlow(QObject):
    """Runs check-ins in the background; ``done(Attempt)`` or ``failed(str)`` follow."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.busy = False
        self._jobs = 0
        self._service: CheckInService | None = None
        self._lock = threading.Lock()
        self._unsealed: set[str] = set()

    @property
    def desk(self) -> str:
        settings = self.env.ctx.settings.workstation
        return settings.desk or self.env.ctx.workstation_id

    def service(self) -> CheckInService:
        """Built on first use, on a worker thread (opening the vault reads a key file)."""
        with self._lock:
            if self._service is None:
                self._service = CheckInService(self.env.ctx)
            return self._service

    # -- reading (worker thread) ---------------------------------------------------

    def roster(self, ref: str) -> Roster:
        if ref[:1].upper() == "E" and ref not in self._unsealed:
            self._unseal_experts(ref)
        return self.service().roster(ref)

    def _unseal_experts(self, ref: str) -> None:
        """The drawn experts' list stays encrypted until the room's staff open its
        check-in (central-api.md §2); opening it here is audited."""
        from venue_client.sync.experts import unseal

        user = self.env.user
        if user is None or user.role not in ROOM_STAFF:
            return
        unseal(self.env.ctx, int(ref[1:]), f"user:{user.username}")
        self._unsealed.add(ref)

    def authenticate(self, username: str, password: str) -> UserInfo:
        """A supervisor's credentials on the spot (worker thread)."""
        operator = self.env.user
        if operator is None:
            raise RuntimeError("no operator signed in")
        return self.service().approver(username, password, operator=operator)

    # -- check-ins -------------------------------------------------------------------

    def check(
        self,
        ref: str,
        proof: Proof,
        *,
        card_name: str = "",
        verifier: Any = None,
        photo: bytes | None = None,
        frames: Sequence[Any] = (),
    ) -> None:
        operator = self.env.user
        if operator is None:
            return
        frames = list(frames)

        def job() -> Attempt:
            if proof.method is Method.CARD:
                face = compare_face(verifier, photo, frames)
            else:
                face = FaceCheck(FaceResult.UNAVAILABLE, note=Message(N_MANUAL))
            snapshot = snapshot_jpeg(frames[-1]) if frames else None
            service = self.service()
            verdict = service.assess(ref, proof, face=face.result, face_score=face.score)
            attempt = Attempt(ref, proof, face, verdict, card_name, snapshot)
            return self._settle(attempt, operator)

        self._run(job)

    def check_certificate(self, ref: str, signed: SignedChallenge, id_number: str) -> None:
        """A company certificate presented on a USB key, its challenge signed."""
        operator = self.env.user
        if operator is None:
            return
        settings = self.env.ctx.settings

        def job() -> Attempt:
            device = token_device(self.env)
            roots = device.trusted_roots() if device is not None else []
            service = self.service()
            proof, verdict, check = service.assess_certificate(
                ref,
                signed.certificate,
                signed.challenge,
                signed.signature,
                policy=certificate_policy(settings, roots),
                venue=venue_identity(self.env),
                id_number=id_number,
            )
            evidence = check.to_record() if check is not None else certificate_facts(signed)
            face = FaceCheck(FaceResult.NOT_REQUIRED)
            attempt = Attempt(ref, proof, face, verdict, evidence=dict(evidence))
            return self._settle(attempt, operator)

        self._run(job)

    def check_pass(self, ref: str, scanned: str, frames: Sequence[Any] = ()) -> None:
        """A check-in pass read from its QR code (a scanner types it in)."""
        operator = self.env.user
        if operator is None:
            return
        frames = list(frames)
        keys_text = self.env.ctx.settings.checkin.qr_keys

        def job() -> Attempt:
            keys = verifiers_from(keys_text) + demo_pass_keys(self.env)
            proof, verdict, found = self.service().assess_pass(ref, scanned, verifiers=keys)
            snapshot = snapshot_jpeg(frames[-1]) if frames else None
            evidence = dict(found.evidence()) if found is not None else None
            face = FaceCheck(FaceResult.NOT_REQUIRED)
            attempt = Attempt(ref, proof, face, verdict, snapshot=snapshot, evidence=evidence)
            return self._settle(attempt, operator)

        self._run(job)

    def _settle(self, attempt: Attempt, operator: UserInfo) -> Attempt:
        """Record at once what needs no supervisor; add the record's time."""
        if attempt.outcome in (Outcome.PASSED, Outcome.REFUSED):
            attempt = self._record(attempt, operator, None)
        return self._with_existing(attempt)

    def approve(self, attempt: Attempt, approver: UserInfo) -> None:
        """Record a check-in a supervisor has just approved."""
        operator = self.env.user
        if operator is None:
            return
        self._run(lambda: self._with_existing(self._record(attempt, operator, approver)))

    def _record(self, attempt: Attempt, operator: UserInfo, approver: UserInfo | None) -> Attempt:
        recorded = self.service().record(
            attempt.ref,
            attempt.proof,
            attempt.verdict,
            operator=operator,
            desk=self.desk,
            face=attempt.face.result,
            face_score=attempt.face.score,
            face_backend=attempt.face.backend,
            snapshot=attempt.snapshot,
            approver=approver,
            evidence=attempt.evidence,
        )
        # Another desk may have been quicker: the service then answers 已签到.
        return replace(attempt, verdict=recorded.verdict, recorded=recorded, approver=approver)

    def _with_existing(self, attempt: Attempt) -> Attempt:
        """The record's time: the existing one for 已签到, the new one otherwise."""
        if attempt.verdict.person is None or attempt.outcome is Outcome.REFUSED:
            return attempt
        if attempt.outcome is Outcome.ALREADY or attempt.recorded is not None:
            row = self.service().existing(attempt.ref, attempt.verdict.id_number)
            if row is not None:
                return replace(attempt, checked_in_at=row.checked_in_at)
        return attempt

    def _run(self, job: Callable[[], Attempt]) -> None:
        self.busy = True
        self._jobs += 1
        number = self._jobs

        def settle() -> None:
            if number == self._jobs:  # a job started by a handler stays busy
                self.busy = False

        def done(attempt: Attempt) -> None:
            settle()
            self.done.emit(attempt)

        def failed(err: UserFacingError) -> None:
            settle()
            self.failed.emit(error_message(err))

        self.env.tasks.run(job, on_done=done, on_error=failed, on_finished=settle, owner=self)
