"""A software stand-in for a USB key, for demo mode where SoftHSM2 is missing: keys
in memory behind a PIN whose retry counter reports what a PKCS#11 token reports
(``CKF_USER_PIN_COUNT_LOW`` after a failure, ``FINAL_TRY``, then ``LOCKED``), on
its own owner thread, and able to be "pulled out" (:meth:`SoftToken.remove`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Callable
from concurrent.futures import Future
from typing import ParamSpec, Self, TypeVar

from cryptography.hazmat.primitives.asymmetric import ec

from drivers.common import DeviceHandler, OwnerThread
from drivers.common.owner import owned
from drivers.token.errors import (
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_LOCKED,
    PinCancelledError,
    PinIncorrectError,
    PinLockedError,
    TokenRemovedError,
)
from drivers.token.keys import (
    CKF_TOKEN_INITIALIZED,
    M_ENTER_PIN,
    M_ENTER_PIN_FINAL,
    M_ENTER_PIN_LOW,
    KeyCertificate,
    RsaPadding,
    TokenInfo,
)
from drivers.token.softkeys import SoftKeyStore

P = ParamSpec("P")
R = TypeVar("R")
CKF_LOGIN_REQUIRED = 0x04
CKF_USER_PIN_INITIALIZED = 0x08


class SoftToken:
    """Implements :class:`drivers.token.keys.KeyToken` over a :class:`SoftKeyStore`."""

    def __init__(
        self, store: SoftKeyStore, *, label: str, serial: str, pin: str, max_tries: int = 6
    ) -> None:
        self.owner = OwnerThread(f"softtoken:{label}")
        self.store = store
        self.label = label
        self.serial = serial
        self.max_tries = max_tries
        self.tries_left = max_tries
        self.inserted = True
        self._salt = os.urandom(16)
        self._pin_hash = self._hash(pin)

    @property
    def info(self) -> TokenInfo:
        flags = CKF_TOKEN_INITIALIZED | CKF_LOGIN_REQUIRED | CKF_USER_PIN_INITIALIZED
        if self.tries_left == 0:
            flags |= CKF_USER_PIN_LOCKED
        elif self.tries_left == 1:
            flags |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW
        elif self.tries_left < self.max_tries:
            flags |= CKF_USER_PIN_COUNT_LOW
        return TokenInfo(
            slot_id=0,
            slot_description="software token",
            present=self.inserted,
            label=self.label,
            serial=self.serial,
            manufacturer="venue-client simulator",
            model="SoftToken",
            flags=flags,
        )

    def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        return self.owner.call(fn, *args, **kwargs)

    def submit(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        return self.owner.submit(fn, *args, **kwargs)

    def run(self, handler: DeviceHandler, work: Callable[[SoftTokenSession], R]) -> Future[R]:
        def job() -> R:
            with self.open_session(handler) as session:
                return work(session)

        return self.owner.submit(job)

    @owned
    def open_session(self, handler: DeviceHandler) -> SoftTokenSession:
        self._check_present()
        return SoftTokenSession(self, handler)

    @owned
    def present(self) -> bool:
        return self.inserted

    def remove(self) -> None:
        """Fault injection: the token is pulled out; operations fail until inserted."""
        self.inserted = False

    def insert(self) -> None:
        self.inserted = True

    def close(self) -> None:
        self.owner.stop()

    def _check_present(self) -> None:
        if not self.inserted:
            raise TokenRemovedError()

    def _hash(self, pin: str) -> bytes:
        return hashlib.pbkdf2_hmac("sha256", pin.encode("utf-8"), self._salt, 1000)

    def _try_pin(self, pin: str) -> None:
        if self.tries_left == 0:
            raise PinLockedError()
        if hmac.compare_digest(self._hash(pin), self._pin_hash):
            self.tries_left = self.max_tries
            return
        self.tries_left -= 1
        if self.tries_left == 0:
            raise PinLockedError()
        raise PinIncorrectError(flags=self.info.flags, attempts_left=self.tries_left)


class SoftTokenSession:
    """A :class:`KeySession` on a :class:`SoftToken`: certificates freely, private
    keys after the PIN (asked through the handler)."""

    def __init__(self, token: SoftToken, handler: DeviceHandler) -> None:
        self.owner = token.owner
        self._token = token
        self._handler = handler
        self._logged_in = False

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @owned
    def certificates(self) -> list[KeyCertificate]:
        self._token._check_present()
        return self._token.store.certificates()

    @owned
    def login(self) -> None:
        self._token._check_present()
        if self._logged_in:
            return
        info = self._token.info
        if info.pin_locked:
            raise PinLockedError()
        prompt = M_ENTER_PIN
        if info.pin_final_try:
            prompt = M_ENTER_PIN_FINAL
        elif info.pin_count_low:
            prompt = M_ENTER_PIN_LOW
        pin = self._handler.prompt_secret(prompt, token=info.label)
        if pin is None:
            raise PinCancelledError()
        try:
            self._token._try_pin(pin)
        finally:
            pin = None
        self._logged_in = True

    @owned
    def decrypt(self, key: KeyCertificate, ciphertext: bytes, padding: RsaPadding) -> bytes:
        self.login()
        return self._token.store.decrypt(key, ciphertext, padding)

    @owned
    def supports(self, key: KeyCertificate, padding: RsaPadding) -> bool:
        return self._token.store.supports(key, padding)

    @owned
    def derive_ecdh(
        self, key: KeyCertificate, peer_public: bytes | ec.EllipticCurvePublicKey
    ) -> bytes:
        self.login()
        return self._token.store.derive_ecdh(key, peer_public)

    @owned
    def sign(self, key: KeyCertificate, data: bytes) -> bytes:
        self.login()
        return self._token.store.sign(key, data)

    @owned
    def close(self) -> None:
        self._logged_in = False
