"""From what went wrong while opening a bid (an envelope error, a key-token error) to
the recorded failure cause (``domain.opening.Cause``), and what a decryption gives
back (``OpenedBid``). The crypto itself is injected: the service calls an ``opener``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from drivers.common.errors import DeviceError
from drivers.token.errors import (
    DecryptionFailedError,
    KeyMismatchError,
    NoCertificateError,
    NoPrivateKeyError,
    NoTokenError,
    PinCancelledError,
    PinExpiredError,
    PinIncorrectError,
    PinLockedError,
    TokenRemovedError,
)
from venue_client.crypto.envelope_errors import (
    BadReceiptError,
    KeyUnwrapError,
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    ReceiptMismatchError,
    TamperedError,
    TrailingDataError,
    TruncatedError,
    WrongKeyError,
)
from venue_client.domain.errors import UserFacingError
from venue_client.domain.opening import Cause
from venue_client.store.models import Bid


@dataclass(frozen=True)
class OpenedBid:
    """A decrypted bid: its opening summary (开标一览表, as declared in the envelope:
    ``price``, ``duration``, ``quality`` and any other items) and where its plaintext
    went (the opener keeps it encrypted at rest)."""

    summary: dict[str, Any]
    plaintext_path: str
    plaintext_size: int
    plaintext_sha256: str
    extra: dict[str, Any] = field(default_factory=dict)


# Called outside any transaction with the ``Bid`` row (detached: its columns only, e.g.
# ``local_path``, ``receipt_sha256``, ``format``, ``recipients``); may take minutes and
# raise the envelope and key-token errors mapped below.
Opener = Callable[[Bid], OpenedBid]

# Order matters only for subclasses; these are all leaves.
CAUSES: tuple[tuple[tuple[type[BaseException], ...], Cause], ...] = (
    ((WrongKeyError, KeyUnwrapError, KeyMismatchError, DecryptionFailedError), Cause.WRONG_KEY),
    (
        (
            NoTokenError,
            NoCertificateError,
            NoPrivateKeyError,
            TokenRemovedError,
            PinIncorrectError,
            PinLockedError,
            PinExpiredError,
            PinCancelledError,
        ),
        Cause.KEY_MISSING,
    ),
    (
        (
            TamperedError,
            TruncatedError,
            MalformedEnvelopeError,
            TrailingDataError,
            NotAnEnvelopeError,
        ),
        Cause.CORRUPT_CIPHERTEXT,
    ),
    ((ReceiptMismatchError, BadReceiptError), Cause.RECEIPT_MISMATCH),
)


def cause_of(exc: BaseException) -> Cause:
    """The failure cause an exception stands for.

    - wrong key: the key offered is not a recipient, or cannot unwrap the content key;
    - key missing: no token, no certificate or private key on it, the token pulled out,
      or its PIN wrong, locked, expired or not given (no usable key was presented);
    - corrupt ciphertext: tampered, truncated, malformed, trailing data, not an envelope;
    - receipt mismatch: the ciphertext's SHA-256 is not the receipted one;
    - other: anything else (unsupported algorithm, output not writable, a bug ...).
    """
    for types, cause in CAUSES:
        if isinstance(exc, types):
            return cause
    return Cause.OTHER


def is_expected(exc: BaseException) -> bool:
    """A failure a person can act on (a message to show), not a bug to report."""
    return isinstance(exc, UserFacingError | DeviceError)


def describe(exc: BaseException) -> str:
    """What the attempt history keeps: the message as shown, or only the exception's
    type for an unexpected error (its text could hold anything)."""
    return str(exc)[:300] if is_expected(exc) else type(exc).__name__
