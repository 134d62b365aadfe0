"""The checkpoint witness: ``POST /workstations/{WS_ID}/checkpoints`` (central-api.md §6).

The request's ``checkpoint`` is a C2SP signed note whose text is a tlog checkpoint. When the
workstation's note verifier key is registered (``register_key``) the signature must verify
(400 ``BAD_SIGNATURE``); without one the note is only parsed. Per workstation the witness keeps
the last checkpoint it cosigned and answers:

- same size and root as the last one: 200 with the stored cosignature (a replay is harmless);
- another origin, the same size with another root, or a smaller size: 409 ``INCONSISTENT``;
- ``from_size`` other than the last witnessed size (0 before the first): 409 ``SIZE_MISMATCH``
  with ``expected`` (the client rebuilds its proof from that size);
- a consistency proof (base64 hashes, RFC 9162 §2.1.4.2) that fails: 409 ``INCONSISTENT``;
- otherwise 200 ``{"cosignature": "— <name> <base64>\\n"}``: one note signature line in the
  C2SP tlog-cosignature v1 format (Ed25519, key id with algorithm byte 0x04, signature over
  ``cosignature/v1\\ntime <unix>\\n`` + the checkpoint text, payload key id || u64 time ||
  signature), ending in a newline so it can be appended to the note as is.
"""

from __future__ import annotations

import base64
import binascii
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tests.central.httpio import ApiError
from venue_client.audit.merkle import ProofError, verify_consistency
from venue_client.audit.note import Checkpoint, NoteError, Verifier, key_id, open_note

COSIGNATURE_ALG = 0x04
_SIG_PREFIX = "\u2014 "


def cosigned_message(text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n{text}".encode()


class Cosigner:
    """An Ed25519 tlog-cosignature/v1 key."""

    def __init__(self, name: str, seed: bytes | None = None) -> None:
        self.name = name
        self._key = Ed25519PrivateKey.from_private_bytes(seed or os.urandom(32))
        self.public_key = self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        self.key_id = key_id(name, self.public_key, COSIGNATURE_ALG)

    def vkey(self) -> str:
        raw = base64.b64encode(bytes([COSIGNATURE_ALG]) + self.public_key).decode("ascii")
        return f"{self.name}+{self.key_id:08x}+{raw}"

    def cosign(self, text: str, timestamp: int) -> str:
        signature = self._key.sign(cosigned_message(text, timestamp))
        raw = self.key_id.to_bytes(4, "big") + timestamp.to_bytes(8, "big") + signature
        return f"{_SIG_PREFIX}{self.name} {base64.b64encode(raw).decode('ascii')}\n"


def verify_cosignature(name: str, public_key: bytes, text: str, line: str) -> int:
    """Check a cosignature line over checkpoint ``text``; return its timestamp."""
    prefix = f"{_SIG_PREFIX}{name} "
    if not line.startswith(prefix) or not line.endswith("\n"):
        raise NoteError("not a signature line of this cosigner")
    raw = base64.b64decode(line[len(prefix) : -1], validate=True)
    if len(raw) != 76 or int.from_bytes(raw[:4], "big") != key_id(
        name, public_key, COSIGNATURE_ALG
    ):
        raise NoteError("wrong key id or length")
    timestamp = int.from_bytes(raw[4:12], "big")
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(
            raw[12:], cosigned_message(text, timestamp)
        )
    except InvalidSignature:
        raise NoteError("cosignature does not verify") from None
    return timestamp


@dataclass(frozen=True)
class Witnessed:
    checkpoint: Checkpoint
    note: str
    cosignature: str


def _note_text(note: str) -> str:
    """The text of a syntactically valid note (signatures not verified)."""
    split = note.rfind("\n\n")
    block = note[split + 2 :] if split >= 0 else ""
    lines = block[:-1].split("\n") if block.endswith("\n") else []
    if not lines or not all(line.startswith(_SIG_PREFIX) for line in lines):
        raise NoteError("not a signed note")
    return note[: split + 1]


def _bad(message: str) -> ApiError:
    return ApiError(400, "BAD_CHECKPOINT", message)


class Witness:
    def __init__(self, cosigner: Cosigner, clock: Callable[[], datetime]) -> None:
        self.cosigner = cosigner
        self._clock = clock
        self._lock = threading.Lock()
        self._keys: dict[str, Verifier] = {}
        self._latest: dict[str, Witnessed] = {}
        self.alarms: list[tuple[str, str]] = []  # (workstation, why) of every INCONSISTENT

    def register_key(self, ws: str, vkey: str) -> None:
        self._keys[ws] = Verifier.from_vkey(vkey)

    def latest(self, ws: str) -> Witnessed | None:
        with self._lock:
            return self._latest.get(ws)

    def _parse(self, ws: str, body: Any) -> tuple[Checkpoint, str, int, list[bytes]]:
        if not isinstance(body, dict) or not isinstance(body.get("checkpoint"), str):
            raise _bad(
                'body must be {"checkpoint": ..., "consistency_proof": [...], "from_size": n}'
            )
        note, from_size, proof64 = (
            body["checkpoint"],
            body.get("from_size"),
            body.get("consistency_proof", []),
        )
        if not isinstance(from_size, int) or isinstance(from_size, bool) or from_size < 0:
            raise _bad("from_size must be a non-negative integer")
        if not isinstance(proof64, list) or not all(isinstance(h, str) for h in proof64):
            raise _bad("consistency_proof must be a list of base64 strings")
        try:
            proof = [base64.b64decode(h, validate=True) for h in proof64]
        except (binascii.Error, ValueError):
            raise _bad("consistency_proof holds invalid base64") from None
        verifier = self._keys.get(ws)
        try:
            text = open_note(note, [verifier]).text if verifier else _note_text(note)
        except NoteError as exc:
            code = "BAD_SIGNATURE" if verifier else "BAD_CHECKPOINT"
            raise ApiError(400, code, f"checkpoint note: {exc}") from None
        try:
            return Checkpoint.parse(text), note, from_size, proof
        except NoteError as exc:
            raise _bad(f"checkpoint text: {exc}") from None

    def submit(self, ws: str, body: Any) -> dict[str, str]:
        checkpoint, note, from_size, proof = self._parse(ws, body)
        with self._lock:
            last = self._latest.get(ws)
            if last is not None:
                self._check_against(ws, last, checkpoint, from_size, proof)
                if checkpoint.size == last.checkpoint.size:
                    return {"cosignature": last.cosignature}
            elif from_size != 0:
                raise ApiError(
                    409, "SIZE_MISMATCH", "no checkpoint witnessed yet", extra={"expected": 0}
                )
            timestamp = int(self._clock().timestamp())
            cosignature = self.cosigner.cosign(checkpoint.to_text(), timestamp)
            self._latest[ws] = Witnessed(checkpoint, note, cosignature)
            return {"cosignature": cosignature}

    def _inconsistent(self, ws: str, why: str) -> ApiError:
        self.alarms.append((ws, why))
        return ApiError(409, "INCONSISTENT", why)

    def _check_against(
        self, ws: str, last: Witnessed, new: Checkpoint, from_size: int, proof: list[bytes]
    ) -> None:
        old = last.checkpoint
        if new.origin != old.origin:
            raise self._inconsistent(ws, f"origin changed from {old.origin!r} to {new.origin!r}")
        if new.size < old.size:
            raise self._inconsistent(ws, f"size {new.size} is below the witnessed {old.size}")
        if new.size == old.size:
            if new.root_hash != old.root_hash:
                raise self._inconsistent(ws, f"another root for the witnessed size {old.size}")
            return
        if from_size != old.size:
            raise ApiError(
                409,
                "SIZE_MISMATCH",
                f"last witnessed size is {old.size}, proof is from {from_size}",
                extra={"expected": old.size},
            )
        if old.size == 0:
            return  # every tree extends the empty one
        try:
            verify_consistency(old.size, new.size, old.root_hash, new.root_hash, proof)
        except ProofError as exc:
            why = f"consistency proof {old.size} -> {new.size}: {exc}"
            raise self._inconsistent(ws, why) from None
