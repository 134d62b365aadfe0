"""Signed notes (https://c2sp.org/signed-note) and checkpoints (https://c2sp.org/tlog-checkpoint).

A checkpoint is the signed tree head of the audit log: origin, tree size and the RFC 9162 §2.1.1
root hash, signed with Ed25519 as a note. Keys and notes are byte-for-byte compatible with Go's
``golang.org/x/mod/sumdb/note``:

- signer key ``PRIVATE+KEY+<name>+<key id, 8 hex>+<base64(0x01 || 32-byte seed)>``
- verifier key ``<name>+<key id, 8 hex>+<base64(0x01 || 32-byte public key)>``
- key id ``SHA-256(name || 0x0A || 0x01 || public key)[:4]`` as a big-endian uint32
- note ``<text ending in \\n>\\n— <name> <base64(key id || signature)>\\n...``
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ALG_ED25519 = 0x01
MAX_SIGNATURES = 100  # the spec asks for at least 16; Go's reader stops at 100
_SIG_PREFIX = "\u2014 "  # EM DASH, SPACE
_HEX8 = re.compile(r"[0-9a-fA-F]{8}")
_SIZE = re.compile(r"0|[1-9][0-9]*")


class NoteError(ValueError):
    """A key, note or signature is malformed, or a note does not verify."""


class CheckpointError(NoteError):
    """A checkpoint text is malformed."""


def _valid_text(text: str) -> bool:
    """Valid UTF-8 (no lone surrogates) and no ASCII control character but newline."""
    if any(c < " " and c != "\n" for c in text):
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _valid_name(name: str) -> bool:
    """Key names are non-empty, with no Unicode space and no '+' (signed-note, Format)."""
    return (
        bool(name) and _valid_text(name) and "+" not in name and not any(c.isspace() for c in name)
    )


def _b64decode(text: str) -> bytes:
    """Strict standard base64: padded, no stray characters, canonical trailing bits."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise NoteError("invalid base64") from None
    if base64.b64encode(raw).decode("ascii") != text:
        raise NoteError("non-canonical base64")
    return raw


def _b64encode(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def key_id(name: str, public_key: bytes, alg: int = ALG_ED25519) -> int:
    """Return the key id: the first four bytes of SHA-256(name || 0x0A || alg || public key)."""
    digest = hashlib.sha256(name.encode("utf-8") + b"\n" + bytes([alg]) + public_key).digest()
    return int.from_bytes(digest[:4], "big")


class Verifier:
    """An Ed25519 public key with its name, able to check note signatures."""

    __slots__ = ("_key", "key_id", "name", "public_key")

    def __init__(self, name: str, public_key: bytes) -> None:
        if not _valid_name(name):
            raise NoteError(f"invalid key name {name!r}")
        if len(public_key) != 32:
            raise NoteError(f"Ed25519 public key is {len(public_key)} bytes, expected 32")
        self.name = name
        self.public_key = bytes(public_key)
        self.key_id = key_id(name, self.public_key)
        try:
            self._key = Ed25519PublicKey.from_public_bytes(self.public_key)
        except ValueError:
            raise NoteError("invalid Ed25519 public key") from None

    @classmethod
    def from_vkey(cls, vkey: str) -> Verifier:
        """Parse a verifier key ``<name>+<hex key id>+<base64(0x01 || public key)>``."""
        parts = vkey.split("+", 2)
        if len(parts) != 3 or not _HEX8.fullmatch(parts[1]):
            raise NoteError("malformed verifier key")
        name, hex_id, key64 = parts
        key = _b64decode(key64)
        if len(key) != 33 or key[0] != ALG_ED25519:
            raise NoteError("verifier key is not an Ed25519 key (0x01 followed by 32 bytes)")
        verifier = cls(name, key[1:])
        if verifier.key_id != int(hex_id, 16):
            raise NoteError("verifier key id does not match its name and public key")
        return verifier

    def vkey(self) -> str:
        """Return this key as a verifier key string."""
        encoded = _b64encode(bytes([ALG_ED25519]) + self.public_key)
        return f"{self.name}+{self.key_id:08x}+{encoded}"

    def verify(self, message: bytes, signature: bytes) -> bool:
        """Return whether ``signature`` is this key's Ed25519 signature of ``message``."""
        if len(signature) != 64:
            return False
        try:
            self._key.verify(signature, message)
        except InvalidSignature:
            return False
        return True

    def __repr__(self) -> str:
        return f"Verifier({self.vkey()!r})"


class Signer:
    """An Ed25519 private key with its name. ``repr`` never shows the key."""

    __slots__ = ("_key", "key_id", "name")

    def __init__(self, name: str, seed: bytes) -> None:
        if not _valid_name(name):
            raise NoteError(f"invalid key name {name!r}")
        if len(seed) != 32:
            raise NoteError(f"Ed25519 seed is {len(seed)} bytes, expected 32")
        self.name = name
        self._key = Ed25519PrivateKey.from_private_bytes(seed)
        self.key_id = key_id(name, self._public_bytes())

    @classmethod
    def from_key(cls, skey: str) -> Signer:
        """Parse ``PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>``."""
        parts = skey.split("+", 4)
        if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"] or not _HEX8.fullmatch(parts[3]):
            raise NoteError("malformed signer key")
        key = _b64decode(parts[4])
        if len(key) != 33 or key[0] != ALG_ED25519:
            raise NoteError("signer key is not an Ed25519 key (0x01 followed by a 32-byte seed)")
        signer = cls(parts[2], key[1:])
        if signer.key_id != int(parts[3], 16):
            raise NoteError("signer key id does not match its name and public key")
        return signer

    def _public_bytes(self) -> bytes:
        return self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)

    def verifier(self) -> Verifier:
        """Return the matching verifier."""
        return Verifier(self.name, self._public_bytes())

    def verifier_key(self) -> str:
        """Return the matching verifier key string, to give to whoever checks our notes."""
        return self.verifier().vkey()

    def sign(self, message: bytes) -> bytes:
        """Return the 64-byte Ed25519 signature of ``message``."""
        return self._key.sign(message)

    def __repr__(self) -> str:
        return f"Signer(name={self.name!r}, key_id={self.key_id:08x})"


def generate_signer_key(name: str) -> str:
    """Create a new random Ed25519 signer key string for key name ``name``."""
    seed = os.urandom(32)
    signer = Signer(name, seed)
    return f"PRIVATE+KEY+{name}+{signer.key_id:08x}+{_b64encode(bytes([ALG_ED25519]) + seed)}"


@dataclass(frozen=True)
class Signature:
    """One signature line of a note: key name, key id and the raw signature bytes."""

    name: str
    key_id: int
    signature: bytes

    def line(self) -> str:
        """Return the signature line, including its trailing newline."""
        payload = _b64encode(self.key_id.to_bytes(4, "big") + self.signature)
        return f"{_SIG_PREFIX}{self.name} {payload}\n"


@dataclass(frozen=True)
class Note:
    """An opened note: its text, the signatures that verified and those from unknown keys."""

    text: str
    signatures: tuple[Signature, ...]
    unverified: tuple[Signature, ...] = ()


def sign_note(text: str, *signers: Signer) -> str:
    """Sign ``text`` (non-empty, ending in a newline) with each signer and return the note."""
    if not signers:
        raise NoteError("a note needs at least one signer")
    if not text.endswith("\n"):
        raise NoteError("note text must end with a newline")
    if not _valid_text(text):
        raise NoteError("note text must be UTF-8 without control characters other than newline")
    message = text.encode("utf-8")
    lines = [Signature(s.name, s.key_id, s.sign(message)).line() for s in signers]
    return text + "\n" + "".join(lines)


def _parse_signature(line: str, number: int) -> Signature:
    if not line.startswith(_SIG_PREFIX):
        raise NoteError(f"signature line {number} does not start with an em dash and a space")
    name, sep, payload = line[len(_SIG_PREFIX) :].partition(" ")
    if not sep or not _valid_name(name):
        raise NoteError(f"signature line {number} has no valid key name")
    try:
        raw = _b64decode(payload)
    except NoteError:
        raise NoteError(f"signature line {number} is not base64") from None
    if len(raw) < 5:
        raise NoteError(f"signature line {number} is too short")
    return Signature(name, int.from_bytes(raw[:4], "big"), raw[4:])


def _split_note(note: str | bytes) -> tuple[str, list[Signature]]:
    """Check the note's syntax and return its text and parsed signature lines."""
    if isinstance(note, bytes):
        try:
            note = note.decode("utf-8")
        except UnicodeDecodeError:
            raise NoteError("note is not valid UTF-8") from None
    if not _valid_text(note):
        raise NoteError("note contains control characters other than newline")
    split = note.rfind("\n\n")  # the text ends at the last blank line
    if split < 0:
        raise NoteError("note has no blank line before its signatures")
    text, block = note[: split + 1], note[split + 2 :]
    if not block.endswith("\n"):
        raise NoteError("note does not end with a signature line and a newline")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        raise NoteError(f"note has more than {MAX_SIGNATURES} signatures")
    return text, [_parse_signature(line, n) for n, line in enumerate(lines, start=1)]


def open_note(note: str | bytes, verifiers: Iterable[Verifier]) -> Note:
    """Parse ``note`` and verify it; return its text and verified signatures.

    Signatures from keys not in ``verifiers`` (name and key id) are ignored and reported in
    ``Note.unverified``. Raises ``NoteError`` if the note is malformed, if any signature by a
    known key fails, or if no known key signed it.
    """
    text, signatures = _split_note(note)
    known: dict[tuple[str, int], Verifier] = {}
    for v in verifiers:
        previous = known.setdefault((v.name, v.key_id), v)
        if previous.public_key != v.public_key:
            raise NoteError(f"ambiguous key {v.name}+{v.key_id:08x}")

    message = text.encode("utf-8")
    verified: list[Signature] = []
    unverified: list[Signature] = []
    for sig in signatures:
        verifier = known.get((sig.name, sig.key_id))
        if verifier is None:
            if sig not in unverified:
                unverified.append(sig)
        elif not verifier.verify(message, sig.signature):
            raise NoteError(f"invalid signature for key {sig.name}+{sig.key_id:08x}")
        elif sig not in verified:
            verified.append(sig)
    if not verified:
        raise NoteError("note has no signature from a known key")
    return Note(text, tuple(verified), tuple(unverified))


@dataclass(frozen=True)
class Checkpoint:
    """A tlog checkpoint body: origin, tree size, root hash and optional extension lines."""

    origin: str
    size: int
    root_hash: bytes
    extensions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for what, line in [("origin", self.origin), *(("extension", e) for e in self.extensions)]:
            if not line or "\n" in line or not _valid_text(line):
                raise CheckpointError(f"{what} line must be non-empty text without newlines")
        if not 0 <= self.size < 1 << 64:
            raise CheckpointError(f"tree size {self.size} is not a uint64")
        if len(self.root_hash) != 32:
            raise CheckpointError(f"root hash is {len(self.root_hash)} bytes, expected 32")

    def to_text(self) -> str:
        """Return the note text: origin, size, base64 root, extensions, each ending in '\\n'."""
        lines = [self.origin, str(self.size), _b64encode(self.root_hash), *self.extensions]
        return "".join(line + "\n" for line in lines)

    @classmethod
    def parse(cls, text: str) -> Checkpoint:
        """Parse a checkpoint note text strictly (usually ``open_note(...).text``)."""
        if not text.endswith("\n"):
            raise CheckpointError("checkpoint text must end with a newline")
        lines = text[:-1].split("\n")
        if len(lines) < 3:
            raise CheckpointError("checkpoint text needs origin, size and root hash lines")
        origin, size, root64, *extensions = lines
        if not _SIZE.fullmatch(size):
            raise CheckpointError(f"tree size {size!r} is not a decimal without leading zeros")
        try:
            root_hash = _b64decode(root64)
        except NoteError:
            raise CheckpointError(f"root hash {root64!r} is not valid base64") from None
        return cls(origin, int(size), root_hash, tuple(extensions))
