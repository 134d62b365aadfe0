"""Check-in passes (签到二维码) issued by the central platform: what the QR code
holds, how the desk verifies it, and (for tests, simulators and the demo) how one
is made. The format is ours, written down in ``docs/checkin-qr.md``: the platform
interface (``central-api.md``) does not define one.

A pass is a C2SP signed note (the format the audit checkpoints use), signed with
the platform's Ed25519 key, carried in the QR code as one line so keyboard-wedge
scanners (which type Enter at a newline) deliver it whole::

    VCQ1:<base64url without padding of the signed note>

The note text::

    venue check-in pass v1
    section <BID_SECTION_CODE>
    kind opening|evaluation
    person <hex SHA-256 of "<BID_SECTION_CODE>|<ID_CARD>">
    org <BIDDER_ORG_CODE, or "-" for an expert>
    valid <RFC 3339 start> <RFC 3339 end>
    pass <the platform's pass id>

The person is named by a salted hash, not the ID number: a lost phone or a photo
of the code does not disclose the number.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from venue_client.audit.note import NoteError, Signer, Verifier, open_note, sign_note
from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

PREFIX = "VCQ1:"
HEADER = "venue check-in pass v1"
MAX_TEXT = 2000  # a QR code holds ~2,900 bytes at most; passes are ~400
KINDS = ("opening", "evaluation")
_FIELDS = ("section", "kind", "person", "org", "valid", "pass")
_VALUE = re.compile(r"[0-9A-Za-z:+\-._]{1,80}")

E_NOT_PASS = QT_TRANSLATE_NOOP("qrpass", "这不是交易平台签发的签到二维码")
E_MALFORMED = QT_TRANSLATE_NOOP("qrpass", "签到二维码内容损坏：{detail}")
E_SIGNATURE = QT_TRANSLATE_NOOP("qrpass", "签到二维码的签名无效或不是受信任的平台签发")
E_NO_KEYS = QT_TRANSLATE_NOOP("qrpass", "本机未配置签到二维码的平台公钥（[checkin] qr_keys）")
E_OTHER_SECTION = QT_TRANSLATE_NOOP("qrpass", "此二维码属于标段 {section}，不是本场次")
E_NOT_YET = QT_TRANSLATE_NOOP("qrpass", "此二维码自 {start} 起有效")
E_EXPIRED = QT_TRANSLATE_NOOP("qrpass", "此二维码已于 {end} 失效")


class PassError(UserFacingError):
    """A scanned code is not a valid check-in pass for this session."""


@dataclass(frozen=True)
class CheckInPass:
    section: str
    kind: str
    person: str  # hex SHA-256 of "<section>|<ID number>"
    org: str  # "" for an expert
    valid_from: datetime
    valid_until: datetime
    pass_id: str
    signed_by: str  # the key name that signed it

    def evidence(self) -> dict[str, object]:
        """What the check-in record keeps about the pass."""
        return {
            "proof": "qr",
            "pass": self.pass_id,
            "signed_by": self.signed_by,
            "valid_until": self.valid_until.isoformat(),
        }


def person_hash(section: str, id_number: str) -> str:
    return hashlib.sha256(f"{section}|{id_number}".encode()).hexdigest()


def verifiers_from(text: str) -> list[Verifier]:
    """The platform keys from ``[checkin] qr_keys`` (vkeys separated by blanks)."""
    try:
        return [Verifier.from_vkey(v) for v in text.split()]
    except NoteError as exc:
        raise PassError(E_MALFORMED, detail=f"qr_keys: {exc}") from exc


def _fields(text: str) -> dict[str, str]:
    lines = text.rstrip("\n").split("\n")
    if not lines or lines[0] != HEADER:
        raise PassError(E_NOT_PASS)
    values: dict[str, str] = {}
    for line in lines[1:]:
        key, _, value = line.partition(" ")
        if key not in _FIELDS or key in values:
            raise PassError(E_MALFORMED, detail=key[:20] or "-")
        values[key] = value
    missing = [k for k in _FIELDS if k not in values]
    if missing:
        raise PassError(E_MALFORMED, detail=",".join(missing))
    return values


def _time(value: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise PassError(E_MALFORMED, detail="valid") from None
    if moment.tzinfo is None:
        raise PassError(E_MALFORMED, detail="valid")
    return moment


def parse_pass(scanned: str, verifiers: Iterable[Verifier]) -> CheckInPass:
    """Decode and verify a scanned code (signature first, then the fields)."""
    keys = list(verifiers)
    code = scanned.strip()
    if not code.startswith(PREFIX):
        raise PassError(E_NOT_PASS)
    if not keys:
        raise PassError(E_NO_KEYS)
    body = code[len(PREFIX) :]
    if len(body) > MAX_TEXT * 2 or not re.fullmatch(r"[A-Za-z0-9_-]*", body):
        raise PassError(E_MALFORMED, detail="base64")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError:
        raise PassError(E_MALFORMED, detail="base64") from None
    try:
        note = open_note(raw, keys)
    except NoteError:
        raise PassError(E_SIGNATURE) from None
    values = _fields(note.text)
    if values["kind"] not in KINDS or not re.fullmatch(r"[0-9a-f]{64}", values["person"]):
        raise PassError(E_MALFORMED, detail="kind/person")
    for key in ("section", "org", "pass"):
        if not _VALUE.fullmatch(values[key]):
            raise PassError(E_MALFORMED, detail=key)
    start, _, end = values["valid"].partition(" ")
    return CheckInPass(
        section=values["section"],
        kind=values["kind"],
        person=values["person"],
        org="" if values["org"] == "-" else values["org"],
        valid_from=_time(start),
        valid_until=_time(end),
        pass_id=values["pass"],
        signed_by=note.signatures[0].name,
    )


def check_pass(code: CheckInPass, *, section: str, kind: str, now: datetime) -> None:
    """Refuse a pass for another section (or session kind), or outside its window."""
    if code.section != section or code.kind != kind:
        raise PassError(E_OTHER_SECTION, section=code.section)
    if now < code.valid_from:
        raise PassError(E_NOT_YET, start=code.valid_from.isoformat(timespec="minutes"))
    if now > code.valid_until:
        raise PassError(E_EXPIRED, end=code.valid_until.isoformat(timespec="minutes"))


def issue_pass(
    signer: Signer,
    *,
    section: str,
    kind: str,
    id_number: str,
    org: str,
    valid_from: datetime,
    valid_until: datetime,
    pass_id: str | None = None,
) -> str:
    """What the platform does (tests, simulators, the demo): the QR code's text."""
    text = "\n".join(
        (
            HEADER,
            f"section {section}",
            f"kind {kind}",
            f"person {person_hash(section, id_number)}",
            f"org {org or '-'}",
            f"valid {valid_from.isoformat()} {valid_until.isoformat()}",
            f"pass {pass_id or secrets.token_hex(8)}",
        )
    )
    note = sign_note(text + "\n", signer).encode("utf-8")
    return PREFIX + base64.urlsafe_b64encode(note).decode("ascii").rstrip("=")
