"""The desk's alternative proofs, beside the ID card: CA 证书签到 (F6) with a USB
key and 二维码签到 (F7) with a platform pass; in demo mode F10 issues a pass for
the next person on the list as the platform would and scans it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from drivers.token.keys import TokenInfo
from venue_client.domain.checkin import ExpectedPerson
from venue_client.services.certsignin import (
    NoPin,
    OneTimePin,
    PresentedKey,
    SignedChallenge,
    present_tokens,
    read_key,
    sign_challenge,
)
from venue_client.ui.checkin.certificate_dialog import CertificateDialog
from venue_client.ui.checkin.keys import token_device, venue_identity
from venue_client.ui.checkin.qr_dialog import QrPassDialog
from venue_client.ui.checkin.texts import R_CERTIFICATE_BUSY, R_NO_TOKEN_DEVICE, R_QR_BUSY
from venue_client.ui.i18n import tr_text

if TYPE_CHECKING:
    from venue_client.ui.pages.checkin import CheckInPage


class AlternativeProofs:
    """Opens the dialogs for ``page`` and hands their results to its flow."""

    def __init__(self, page: CheckInPage) -> None:
        self.page = page
        self._demo_turn = 0

    def _source(self) -> Any:
        """The USB key source (worker thread); simulated keys follow the roster."""
        device = token_device(self.page.env)
        if device is None:
            from venue_client.domain.errors import UserFacingError

            raise UserFacingError(R_NO_TOKEN_DEVICE)
        roster = self.page.roster
        bidders = sorted(
            {
                (r.person.company_name, r.person.company_code)
                for r in (roster.rows if roster else [])
                if r.person.role == "representative"
            }
        )
        return device.source(bidders)

    def certificate(self) -> None:
        page = self.page
        if page.dialog is not None or not page.picker.ref or page.roster is None:
            return
        ref = page.picker.ref
        env = page.env

        def list_tokens() -> list[TokenInfo]:
            return present_tokens(self._source())

        def read(info: TokenInfo) -> PresentedKey:
            return read_key(self._source(), info, NoPin())

        def sign(key: PresentedKey, pin: str) -> SignedChallenge:
            return sign_challenge(
                self._source(),
                key,
                OneTimePin(pin),
                venue=venue_identity(env),
                session=ref.upper(),
                now=env.ctx.clock.now(),
            )

        people = [r.person for r in page.roster.rows if r.checked_in_at is None]
        people += [r.person for r in page.roster.rows if r.checked_in_at is not None]
        dialog = CertificateDialog(
            env.tasks, list_tokens=list_tokens, read_key=read, sign=sign, people=people, parent=page
        )
        dialog.signed.connect(lambda signed, number: self._signed(ref, signed, number))
        page.open_dialog(dialog)

    def _signed(self, ref: str, signed: SignedChallenge, number: str) -> None:
        page = self.page
        if page.picker.ref != ref:
            return
        page.pending = None
        page.result.show_busy(tr_text(R_CERTIFICATE_BUSY))
        page.flow.check_certificate(ref, signed, number)

    def qr(self) -> None:
        page = self.page
        if page.dialog is not None or not page.picker.ref:
            return
        dialog = QrPassDialog(page)
        dialog.scanned.connect(self.scanned)
        page.open_dialog(dialog)

    def scanned(self, text: str) -> None:
        page = self.page
        if not page.picker.ref or page.flow.busy:
            return
        page.pending = None
        page.result.show_busy(tr_text(R_QR_BUSY))
        page.flow.check_pass(page.picker.ref, text, page.camera.frames())

    def demo_pass(self) -> None:
        """Demo: the next person not yet checked in shows a pass the (demo) platform
        issued; the desk scans it."""
        page = self.page
        roster = page.roster
        if not page.env.demo or roster is None or not roster.rows or page.flow.busy:
            return
        from venue_client.services.checkin_roster import parse_session
        from venue_client.services.demo_keys import demo_pass

        person = self._next_person()
        kind, _ = parse_session(roster.session)
        code = demo_pass(
            page.env.ctx.settings,
            section=roster.section_code,
            kind=kind,
            id_number=person.id_number,
            org=person.company_code if person.role == "representative" else "",
            now=page.env.ctx.clock.now(),
        )
        self.scanned(code)

    def demo_card(self) -> None:
        """Demo: the next person on the list who has not checked in puts their card on
        the simulated reader (the previous card is lifted first, as a person would)."""
        page = self.page
        registry = page.env.devices
        device = registry.devices.get("idcard") if registry else None
        if (
            getattr(device, "simulator", None) is None
            or page.roster is None
            or not page.roster.rows
        ):
            return
        person = self._next_person()
        device.place_demo_card(person.id_number, person.name)  # type: ignore[union-attr]

    def _next_person(self) -> ExpectedPerson:
        """Demo: the next person on the list who has not checked in (round robin)."""
        rows = self.page.roster.rows if self.page.roster else []
        waiting = [r.person for r in rows if r.checked_in_at is None]
        people = waiting or [r.person for r in rows]
        person = people[self._demo_turn % len(people)]
        self._demo_turn += 1
        return person
