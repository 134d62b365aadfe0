"""PKCS#11 key tokens (the bidder's and staff's USB CA keys) through python-pkcs11.

A :class:`Pkcs11Module` is one vendor library, opened by path; it lists slots and
tokens. :meth:`Pkcs11Module.open_token` gives a :class:`Pkcs11Token`, a device with
its own owner thread; its :class:`~drivers.token.session.TokenSession` does the
private-key work on that thread.

python-pkcs11 calls ``C_Initialize(NULL)``, which promises the library that no two
threads call it at once, so every call into one library also holds that library's
lock (several tokens of one vendor share it; one desk rarely has more than one).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from drivers.common import DeviceHandler, OwnerThread
from drivers.common.owner import owned
from drivers.token import ckr
from drivers.token.errors import NoTokenError, TokenModuleError
from drivers.token.keys import CKF_TOKEN_PRESENT, TokenInfo

try:
    import pkcs11 as p11
except ImportError:  # pragma: no cover - guarded optional dependency
    p11 = None  # type: ignore[assignment]

if TYPE_CHECKING:
    from drivers.token.session import TokenSession

P = ParamSpec("P")
R = TypeVar("R")

_LIBRARY_LOCKS: dict[str, threading.RLock] = {}
_LOCKS_GUARD = threading.Lock()


def _token_info(slot: p11.Slot) -> TokenInfo:
    present = bool(slot.flags & CKF_TOKEN_PRESENT)
    base = TokenInfo(slot.slot_id, slot.slot_description.strip(), present)
    if not present:
        return base
    token = slot.get_token()
    return TokenInfo(
        slot_id=slot.slot_id,
        slot_description=base.slot_description,
        present=True,
        label=token.label.strip(),
        serial=token.serial.decode("ascii", "replace").strip(),
        manufacturer=token.manufacturer_id.strip(),
        model=token.model.strip(),
        flags=int(token.flags),
    )


class Pkcs11Module:
    """One PKCS#11 library (``.so`` / ``.dll``), loaded once per process."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        if p11 is None:
            raise TokenModuleError(str(path), detail="python-pkcs11 is not installed")
        if not Path(path).is_file():
            raise TokenModuleError(str(path), detail="no such file")
        # One library object (and lock) per file, whichever symlink names it: a
        # second C_Initialize of the same library would fail.
        self.path = os.path.realpath(path)
        with _LOCKS_GUARD:
            self.lock = _LIBRARY_LOCKS.setdefault(self.path, threading.RLock())
        with self.lock:
            try:
                self._lib = p11.lib(self.path)
            except p11.PKCS11Error as exc:
                raise TokenModuleError(str(path), detail=str(exc)) from exc

    @property
    def description(self) -> str:
        lib = self._lib
        major, minor = lib.library_version
        return f"{lib.manufacturer_id.strip()} {lib.library_description.strip()} {major}.{minor}"

    def tokens(self, *, include_empty: bool = False) -> list[TokenInfo]:
        """Slots with their tokens; a slot whose token cannot be read (pulled out
        while listing, or a broken store) counts as empty."""
        found: list[TokenInfo] = []
        with self.lock:
            for slot in self._slots():
                try:
                    info = _token_info(slot)
                except p11.PKCS11Error:
                    info = TokenInfo(slot.slot_id, "", False)
                if include_empty or (info.present and info.initialized):
                    found.append(info)
        return found

    def open_token(self, *, label: str | None = None, serial: str | None = None) -> Pkcs11Token:
        """The first initialised token matching ``label`` / ``serial`` (any when
        neither is given); :class:`NoTokenError` when there is none."""
        with self.lock:
            for slot in self._slots():
                try:
                    info = _token_info(slot)
                except p11.PKCS11Error:
                    continue
                if not (info.present and info.initialized):
                    continue
                if label is not None and info.label != label:
                    continue
                if serial is not None and info.serial != serial:
                    continue
                return Pkcs11Token(self, slot, info)
        raise NoTokenError()

    def reload(self) -> None:
        """``C_Finalize`` + ``C_Initialize``: every open session ends. Needed to see
        tokens that another process created or deleted in SoftHSM2, which reads its
        token directory only when initialised (hardware modules track hot-plug)."""
        with self.lock:
            self._lib.reinitialize()

    def _slots(self) -> list[p11.Slot]:
        try:
            return self._lib.get_slots()
        except p11.PKCS11Error as exc:
            raise ckr.translate(exc, "list") from exc


class Pkcs11Token:
    """One token (USB key) and the thread that owns it: every PKCS#11 call for
    it runs there. Use :meth:`call` / :meth:`submit` from other threads."""

    def __init__(self, module: Pkcs11Module, slot: p11.Slot, info: TokenInfo) -> None:
        self.module = module
        self.info = info
        self.owner = OwnerThread(f"token:{info.label or info.serial or info.slot_id}")
        self._slot = slot
        self._mechanisms: frozenset[int] | None = None

    def call(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        return self.owner.call(fn, *args, **kwargs)

    def submit(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        return self.owner.submit(fn, *args, **kwargs)

    def run(self, handler: DeviceHandler, work: Callable[[TokenSession], R]) -> Future[R]:
        """Open a session on the owner thread, run ``work(session)``, close it."""

        def job() -> R:
            with self.open_session(handler) as session:
                return work(session)

        return self.owner.submit(job)

    @owned
    def open_session(self, handler: DeviceHandler) -> TokenSession:
        """A session for reading certificates; it logs in (PIN through
        ``handler``) the first time a private key is used."""
        from drivers.token.session import TokenSession

        return TokenSession(self, handler)

    @owned
    def refresh(self) -> TokenInfo:
        """Re-read the token's flags (PIN counters change them)."""
        with self.module.lock:
            try:
                self.info = _token_info(self._slot)
            except p11.PKCS11Error as exc:
                raise ckr.translate(exc, "info") from exc
        return self.info

    @owned
    def present(self) -> bool:
        return self._still_present()

    @owned
    def mechanisms(self) -> frozenset[int]:
        if self._mechanisms is None:
            with self.module.lock:
                try:
                    self._mechanisms = frozenset(int(m) for m in self._slot.get_mechanisms())
                except p11.PKCS11Error as exc:
                    raise ckr.translate(exc, "mechanisms", present=self._still_present()) from exc
        return self._mechanisms

    def close(self) -> None:
        """Stop the owner thread (close sessions first)."""
        self.owner.stop()

    def _p11_token(self) -> p11.Token:
        return self._slot.get_token()

    def _still_present(self) -> bool:
        """The same token is still in the slot and answers (caller holds no
        expectations about the lock: it is re-entrant)."""
        with self.module.lock:
            try:
                if not self._slot.flags & CKF_TOKEN_PRESENT:
                    return False
                token = self._slot.get_token()
                return token.serial.decode("ascii", "replace").strip() == self.info.serial
            except p11.PKCS11Error:
                return False
