"""``OpeningFlow``: the opening desk's presenter between the widgets and
``OpeningService``. Steps run on the database queue; decryptions on their own
queue (they take minutes and must not hold up the desk), each reporting progress
into a shared table the desk reads a few times a second."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from venue_client.domain.errors import Message, UserFacingError
from venue_client.services.bid_opener import OpenedBids, backup_key_paths, token_opener
from venue_client.services.bid_worker import KeySpec, process_opener
from venue_client.services.certsignin import OneTimePin, SignedChallenge, certificate_policy
from venue_client.services.opening import OpeningService, OpeningStatus
from venue_client.services.opening_causes import Opener
from venue_client.services.users import UserInfo
from venue_client.store.models import CheckIn
from venue_client.ui.checkin.keys import token_device, venue_identity
from venue_client.ui.env import UiEnv
from venue_client.ui.i18n import error_message, message_text
from venue_client.ui.opening.texts import T_PDF_SAVED
from venue_client.ui.worker import Tasks

DECRYPT_THREADS = 2  # more than the cores only adds contention for the GIL


@dataclass(frozen=True)
class Present:
    """A representative checked in for this opening (for confirmations, objections)."""

    checkin_id: int
    name: str
    bidder_id: int | None


class OpeningFlow(QObject):
    status = Signal(object)  # OpeningStatus
    failed = Signal(str)
    message = Signal(str)

    def __init__(self, env: UiEnv, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.decrypts = Tasks(self, max_threads=DECRYPT_THREADS)
        self._service: OpeningService | None = None
        self._store: OpenedBids | None = None
        self._lock = threading.Lock()
        self._progress: dict[int, int] = {}
        self._sealed_for: set[tuple[int, str]] = set()  # demo: (simulator, session) sealed
        self._loading: str | None = None  # the session whose status is being loaded
        self._again = False  # refresh() asked for while loading: load once more

    def service(self) -> OpeningService:
        with self._lock:
            if self._service is None:
                self._service = OpeningService(self.env.ctx, start_guard=self._clock_guard)
            return self._service

    def _clock_guard(self) -> None:
        """No opening while online with a clock off the platform's (central-api.md §1)."""
        sync = getattr(self.env, "sync", None)
        if sync is not None:
            sync.clock_status().check_may_open()

    def store(self) -> OpenedBids:
        with self._lock:
            if self._store is None:
                self._store = OpenedBids(self.env.ctx.settings)
            return self._store

    @property
    def operator(self) -> UserInfo:
        user = self.env.user
        if user is None:
            raise RuntimeError("no operator signed in")
        return user

    def progress(self) -> dict[int, int]:
        with self._lock:
            return dict(self._progress)

    # -- reading ---------------------------------------------------------------------

    def refresh(self, ref: str) -> None:
        """Load the status off the GUI thread. Asked again while a load runs (a burst
        of events while bids decrypt), it loads once more afterwards, for the latest."""
        if self._loading is not None:
            self._loading, self._again = ref, True
            return
        self._loading, self._again = ref, False

        def finished() -> None:
            latest, again = self._loading, self._again
            self._loading = None
            if again and latest is not None:
                self.refresh(latest)

        self.env.tasks.run(
            lambda: self._status(ref),
            on_done=self.status.emit,
            on_error=lambda err: self.failed.emit(error_message(err)),
            on_finished=finished,
            owner=self,
        )

    def _status(self, ref: str) -> OpeningStatus | None:
        try:
            return self.service().status(ref)
        except UserFacingError:
            return None

    def present_people(self, ref: str) -> list[Present]:
        """Worker thread: the representatives checked in for this opening."""
        sid = int(ref[1:])
        from sqlalchemy import select

        with self.env.ctx.reading() as s:
            rows = s.execute(
                select(CheckIn).where(CheckIn.session_kind == "opening", CheckIn.session_id == sid)
            ).scalars()
            return [Present(r.id, r.person_name, r.bidder_id) for r in rows]

    # -- steps -----------------------------------------------------------------------

    def run(self, ref: str, job: Callable[[OpeningService], Any], done: str = "") -> None:
        """A step on the database queue, then a fresh status."""

        def work() -> Any:
            return job(self.service())

        def ok(_: Any) -> None:
            if done:
                self.message.emit(done)
            self.refresh(ref)

        self.env.tasks.run(
            work, on_done=ok, on_error=lambda err: self.failed.emit(error_message(err)), owner=self
        )

    def confirm_signed(self, ref: str, checkin_id: int, signed: SignedChallenge) -> None:
        """A confirmation signed on the company's USB key, checked against the trusted
        CAs (and, in demo mode, the simulated keys' demo CA)."""
        env, operator = self.env, self.operator

        def job(service: OpeningService) -> int:
            device = token_device(env)
            roots = device.trusted_roots() if device is not None else []
            return service.confirm_signed(
                ref,
                checkin_id,
                signed,
                policy=certificate_policy(env.ctx.settings, roots),
                venue=venue_identity(env),
                operator=operator,
            )

        self.run(ref, job, done=self.tr("已签名确认开标记录"))

    def close_and_publish(self, ref: str) -> None:
        """结束开标会: close the session, then publish the opening record (PDF)."""
        operator = self.operator

        def job() -> str:
            from venue_client.services.opening_export import publish_opening_record

            self.service().close(ref, operator=operator)
            return str(publish_opening_record(self.env.ctx, ref, operator=operator))

        def done(path: str) -> None:
            self.message.emit(message_text(Message(T_PDF_SAVED, path=path)))
            self.refresh(ref)

        self.env.tasks.run(
            job, on_done=done, on_error=lambda err: self.failed.emit(error_message(err)), owner=self
        )

    # -- decryption ------------------------------------------------------------------

    def _report(self, bid_id: int) -> Callable[[int, int], None]:
        def report(done: int, total: int) -> None:
            with self._lock:
                self._progress[bid_id] = min(99, done * 100 // max(total, 1))

        return report

    def _decrypt(self, ref: str, bid_id: int, opener: Opener, **kw: Any) -> None:
        operator = self.operator

        def work() -> Any:
            try:
                return self.service().decrypt_bid(ref, bid_id, opener, operator=operator, **kw)
            finally:
                with self._lock:
                    self._progress.pop(bid_id, None)

        with self._lock:
            self._progress[bid_id] = 0

        def failed(err: UserFacingError) -> None:
            self.failed.emit(error_message(err))
            self.refresh(ref)

        self.decrypts.run(work, on_done=lambda _: self.refresh(ref), on_error=failed, owner=self)
        self.refresh(ref)  # shows 解密中 at once

    def decrypt_with_token(self, ref: str, bid_id: int, label: str, pin: str) -> None:
        """The bidder's USB key: in a worker process through the PKCS#11 module when
        there is one (the desk stays fluid), else on a thread (in-memory demo keys)."""
        device = token_device(self.env)
        if device is None:
            return
        source = device.module
        module = getattr(source, "module", source)  # the simulator's SoftHSM2, if any
        path = getattr(module, "path", "")
        if path:
            conf = os.environ.get("SOFTHSM2_CONF", "")
            spec = KeySpec(module=path, label=label, pin=pin, softhsm_conf=conf)
            settings = self.env.ctx.settings
            self._decrypt(ref, bid_id, process_opener(spec, settings, self._report(bid_id)))
            return

        def opener(bid: Any) -> Any:
            token = source.open_token(label=label)  # a key error is recorded as such
            try:
                run = token_opener(token, OneTimePin(pin), self.store(), self._report(bid_id))
                return run(bid)
            finally:
                token.close()

        self._decrypt(ref, bid_id, opener)

    def decrypt_with_backup(self, ref: str, bid_id: int, approver: UserInfo) -> None:
        """The platform's backup key files, in a worker process."""
        paths = backup_key_paths(self.env.ctx.settings)
        if paths is None:

            def missing(bid: Any) -> Any:
                from drivers.token.errors import NoCertificateError

                raise NoCertificateError()

            self._decrypt(ref, bid_id, missing, method="backup", approver=approver)
            return
        spec = KeySpec(key_path=str(paths[0]), cert_path=str(paths[1]))
        opener = process_opener(spec, self.env.ctx.settings, self._report(bid_id))
        self._decrypt(ref, bid_id, opener, method="backup", approver=approver)

    # -- demo --------------------------------------------------------------------------

    def bidders(self, ref: str) -> list[tuple[str, str]]:
        """Worker thread: (name, USCC) of the section's bidders, sorted."""
        from sqlalchemy import select

        from venue_client.store.models import Bidder, OpeningSession

        with self.env.ctx.reading() as s:
            opening = s.get(OpeningSession, int(ref[1:]))
            if opening is None:
                return []
            rows = s.execute(select(Bidder).where(Bidder.section_id == opening.section_id))
            return sorted({(b.name, b.org_code) for b in rows.scalars()})

    def prepare_demo(self, ref: str) -> None:
        """Demo: simulated keys for the bidders and bids sealed to them (worker)."""
        device = token_device(self.env)
        if not self.env.demo or device is None:
            return

        def work() -> None:
            from venue_client.services.demo_bids import seal_demo_bids

            simulator = device.source(self.bidders(ref))
            if (id(simulator), ref) in self._sealed_for:
                return
            keys = {k.bidder.uscc: k for k in simulator.keys.values()}
            seal_demo_bids(self.env.ctx, int(ref[1:]), keys)
            self._sealed_for.add((id(simulator), ref))

        self.env.tasks.run(work, owner=self)
