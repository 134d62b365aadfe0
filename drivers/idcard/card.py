"""The card's content: the 256-byte text block, the read reply, and ``IdCard``.

Text block (UCS-2 little-endian, space padded), byte offsets: name 0..30, sex
30..32 (``1`` male, ``2`` female), nation 32..36, birth 36..52 (YYYYMMDD),
address 52..122, ID number 122..158, issuer 158..188, valid from 188..204,
valid to 204..220 (YYYYMMDD or ``长期``).

Read reply data: text length (2 bytes, big-endian) + photo length (2 bytes)
[+ fingerprint length (2 bytes), for ``30 10`` only] + text + WLT photo
[+ fingerprint].
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Literal

from drivers.idcard.errors import CardDataError
from drivers.idcard.nations import nation_name

Sex = Literal["M", "F"]

TEXT_LENGTH = 256
PHOTO_LENGTH = 1024
FINGERPRINT_LENGTH = 1024
LONG_TERM = "长期"

# (field, start, end) byte offsets in the text block
TEXT_FIELDS: tuple[tuple[str, int, int], ...] = (
    ("name", 0, 30),
    ("sex", 30, 32),
    ("nation", 32, 36),
    ("birth", 36, 52),
    ("address", 52, 122),
    ("id_number", 122, 158),
    ("issuer", 158, 188),
    ("valid_from", 188, 204),
    ("valid_to", 204, 220),
)
_TEXT_END = TEXT_FIELDS[-1][2]
_SEX_CODES: dict[str, Sex] = {"1": "M", "2": "F"}


@dataclass(frozen=True, repr=False)
class IdCard:
    """What a second-generation ID card holds. ``repr`` masks the personal data."""

    name: str
    sex: Sex
    nation_code: str  # GB 3304 two-digit code, e.g. "01"
    birth: date
    address: str
    id_number: str
    issuer: str
    valid_from: date
    valid_to: date | None  # None: 长期 (no expiry)
    photo_wlt: bytes = field(default=b"")
    photo: bytes | None = None  # the decoded photo (a BMP) when a WLT decoder is configured
    fingerprint: bytes | None = None  # only from a 30 10 read

    @property
    def nation(self) -> str:
        """The nation as printed on the card (``汉``); the code when it is not in GB 3304."""
        return nation_name(self.nation_code) or self.nation_code

    @property
    def photo_available(self) -> bool:
        return self.photo is not None

    @property
    def masked_id_number(self) -> str:
        number = self.id_number
        return "*" * len(number) if len(number) <= 10 else number[:6] + "*" * 8 + number[-4:]

    def is_expired(self, today: date) -> bool:
        return self.valid_to is not None and self.valid_to < today

    def with_photo(self, photo: bytes | None) -> IdCard:
        return replace(self, photo=photo)

    def to_json(self) -> dict[str, Any]:
        """The card as JSON-ready values (dates ISO, ``valid_to`` null for 长期)."""
        return {
            "name": self.name,
            "sex": self.sex,
            "nation": self.nation,
            "birth": self.birth.isoformat(),
            "address": self.address,
            "id_number": self.id_number,
            "issuer": self.issuer,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "photo": self.photo_available,
        }

    def __repr__(self) -> str:
        name = self.name[:1] + "*" * (len(self.name) - 1)
        return (
            f"IdCard(name={name!r}, id_number={self.masked_id_number!r}, "
            f"valid_to={self.valid_to}, photo_available={self.photo_available})"
        )


# --- text block ---------------------------------------------------------------------


def decode_text(block: bytes) -> IdCard:
    """Decode a text block (at least 220 bytes); raise ``CardDataError`` if malformed."""
    if len(block) < _TEXT_END:
        raise CardDataError(detail=f"text block of {len(block)} bytes")
    values: dict[str, str] = {}
    for name, start, end in TEXT_FIELDS:
        try:
            values[name] = block[start:end].decode("utf-16-le").rstrip(" \x00")
        except UnicodeDecodeError:
            raise CardDataError(detail=name) from None
    sex = _SEX_CODES.get(values["sex"])
    if sex is None:
        raise CardDataError(detail="sex")
    if len(values["nation"]) != 2 or not _digits(values["nation"]):
        raise CardDataError(detail="nation")
    return IdCard(
        name=values["name"],
        sex=sex,
        nation_code=values["nation"],
        birth=_date(values["birth"], "birth"),
        address=values["address"],
        id_number=values["id_number"],
        issuer=values["issuer"],
        valid_from=_date(values["valid_from"], "valid_from"),
        valid_to=None if values["valid_to"] == LONG_TERM else _date(values["valid_to"], "valid_to"),
    )


def encode_text(card: IdCard) -> bytes:
    """The 256-byte text block of ``card`` (the simulator's side)."""
    values = {
        "name": card.name,
        "sex": "1" if card.sex == "M" else "2",
        "nation": card.nation_code,
        "birth": f"{card.birth:%Y%m%d}",
        "address": card.address,
        "id_number": card.id_number,
        "issuer": card.issuer,
        "valid_from": f"{card.valid_from:%Y%m%d}",
        "valid_to": LONG_TERM if card.valid_to is None else f"{card.valid_to:%Y%m%d}",
    }
    block = bytearray()
    for name, start, end in TEXT_FIELDS:
        width = (end - start) // 2
        text = values[name]
        if len(text) > width:
            raise ValueError(f"{name} longer than {width} characters")
        block += text.ljust(width).encode("utf-16-le")
    block += " ".encode("utf-16-le") * ((TEXT_LENGTH - len(block)) // 2)
    return bytes(block)


def _date(text: str, name: str) -> date:
    if len(text) != 8 or not _digits(text):
        raise CardDataError(detail=name)
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        raise CardDataError(detail=name) from None


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


# --- read reply ---------------------------------------------------------------------


def decode_read_reply(data: bytes, *, fingerprint: bool = False) -> IdCard:
    """Decode the data of a ``30 01`` (or, with ``fingerprint``, ``30 10``) reply."""
    count = 3 if fingerprint else 2
    head = 2 * count
    if len(data) < head:
        raise CardDataError(detail="lengths")
    lengths = [int.from_bytes(data[i : i + 2], "big") for i in range(0, head, 2)]
    if head + sum(lengths) != len(data):
        raise CardDataError(detail="lengths")
    text_end = head + lengths[0]
    photo_end = text_end + lengths[1]
    card = decode_text(data[head:text_end])
    fp = data[photo_end:] if fingerprint and lengths[2] else None
    return replace(card, photo_wlt=bytes(data[text_end:photo_end]), fingerprint=fp)


def encode_read_reply(card: IdCard, *, fingerprint: bool = False) -> bytes:
    """The data of a read reply for ``card`` (the simulator's side)."""
    text = encode_text(card)
    photo = card.photo_wlt
    parts = [len(text).to_bytes(2, "big"), len(photo).to_bytes(2, "big")]
    fp = (card.fingerprint or b"") if fingerprint else b""
    if fingerprint:
        parts.append(len(fp).to_bytes(2, "big"))
    return b"".join([*parts, text, photo, fp])
