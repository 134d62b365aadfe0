"""Every damaged VBE1 envelope is refused with its own error class, and
``decrypt_file`` then leaves neither the output nor a ``.part`` file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.unit.crypto.vbe1_support import LOCAL, data, opened, sealed
from venue_client.crypto.envelope_errors import (
    EnvelopeError,
    KeyUnwrapError,
    MalformedEnvelopeError,
    NotAnEnvelopeError,
    ReceiptMismatchError,
    TamperedError,
    TrailingDataError,
    TruncatedError,
    UnsupportedAlgorithmError,
    WrongKeyError,
)
from venue_client.crypto.vbe1 import Recipient, decrypt_file, inspect

CS = 4096
HEADER_ERRORS = (
    NotAnEnvelopeError,
    UnsupportedAlgorithmError,
    MalformedEnvelopeError,
    TamperedError,
    TruncatedError,
    WrongKeyError,
    KeyUnwrapError,
)


@pytest.fixture(scope="module")
def small():
    plain = data(2 * CS + 100)
    envelope, _info = sealed(plain, [Recipient(LOCAL)], summary={"price": "1.00"}, chunk_size=CS)
    return plain, envelope, inspect(io.BytesIO(envelope))


def _error(envelope: bytes) -> EnvelopeError:
    with pytest.raises(EnvelopeError) as caught:
        opened(envelope, LOCAL)
    return caught.value


def _chunk_of(facts, offset: int) -> int:
    return (offset - facts.header_length - facts.summary_length) // (CS + 16) + 1


@pytest.mark.parametrize("mask", [0x01, 0xFF])
def test_every_single_byte_flip_is_detected(mask):
    envelope, _ = sealed(data(CS + 60), [Recipient(LOCAL)], summary={"p": "1"}, chunk_size=CS)
    facts = inspect(io.BytesIO(envelope))
    body_start = facts.header_length - 32 - 40  # the local stanza's wrapped key
    fingerprint = range(body_start - 32, body_start)
    for offset in range(len(envelope)):
        damaged = bytearray(envelope)
        damaged[offset] ^= mask
        error = _error(bytes(damaged))
        where = f"offset {offset}: {type(error).__name__}"
        if offset < 4:
            assert isinstance(error, NotAnEnvelopeError), where
        elif offset in fingerprint:
            assert isinstance(error, WrongKeyError), where
        elif offset < facts.header_length:
            assert isinstance(error, HEADER_ERRORS), where
            if isinstance(error, TamperedError):
                assert error.chunk == 0, where
        elif offset < facts.header_length + facts.summary_length:
            assert isinstance(error, TamperedError) and error.chunk == 0, where
        else:
            assert isinstance(error, TamperedError), where
            assert error.chunk == _chunk_of(facts, offset), where


def test_header_mac_and_body_flips_have_their_classes(small):
    _plain, envelope, facts = small
    mac = facts.header_length - 1
    body = facts.header_length - 33
    for offset, cls in (
        (mac, TamperedError),
        (body, KeyUnwrapError),
        (4, UnsupportedAlgorithmError),
    ):
        damaged = bytearray(envelope)
        damaged[offset] ^= 1
        assert isinstance(_error(bytes(damaged)), cls)


def test_truncation_everywhere(small):
    _plain, envelope, facts = small
    payload = facts.header_length + facts.summary_length
    boundaries = [payload + i * (CS + 16) for i in range(facts.chunk_count)]
    cuts = [*range(0, payload + 1), *boundaries, *(b + 1 for b in boundaries),
            *(b + CS for b in boundaries[:-1]), len(envelope) - 1]  # fmt: skip
    for cut in sorted(set(cuts)):
        error = _error(envelope[:cut])
        if cut == 0:
            assert isinstance(error, NotAnEnvelopeError)
            continue
        assert isinstance(error, TruncatedError), f"cut {cut}: {error!r}"
        assert error.offset == cut


def test_chunk_swap_reorder_and_drop(small):
    _plain, envelope, facts = small
    start = facts.header_length + facts.summary_length
    step = CS + 16
    c1, c2, c3 = (envelope[start + i * step : start + (i + 1) * step] for i in range(3))
    head = envelope[:start]
    swapped = _error(head + c2 + c1 + c3)
    assert isinstance(swapped, TamperedError) and swapped.chunk == 1
    reordered = _error(head + c1 + c3 + c2)
    assert isinstance(reordered, TamperedError) and reordered.chunk == 2
    dropped = _error(head + c1 + c3)  # the header's sizes say what is missing
    assert isinstance(dropped, TruncatedError)
    duplicated = _error(head + c1 + c1 + c3)
    assert isinstance(duplicated, TamperedError) and duplicated.chunk == 2


def test_a_full_chunk_sealed_as_last_is_not_accepted_as_middle():
    # Two envelopes under the same key cannot be spliced: the key differs per file.
    plain = data(2 * CS)
    one, _ = sealed(plain, [Recipient(LOCAL)], chunk_size=CS)
    two, _ = sealed(plain, [Recipient(LOCAL)], chunk_size=CS)
    facts = inspect(io.BytesIO(one))
    spliced = one[: facts.header_length] + two[facts.header_length :]
    error = _error(spliced)
    assert isinstance(error, TamperedError) and error.chunk == 1


@pytest.mark.parametrize("extra", [b"\x00", b"trailing data" * 100])
def test_trailing_data(small, extra):
    _plain, envelope, _facts = small
    error = _error(envelope + extra)
    assert isinstance(error, TrailingDataError)
    assert error.offset == len(envelope)


def test_wrong_receipt(small):
    _plain, envelope, _facts = small
    with pytest.raises(ReceiptMismatchError):
        opened(envelope, LOCAL, receipt=bytes(32))


def test_not_an_envelope():
    for junk in (b"", b"PK\x03\x04zip", b"%PDF-1.7", b"VBE2" + bytes(40)):
        assert isinstance(_error(junk), NotAnEnvelopeError)
    assert isinstance(_error(b"VB"), TruncatedError)


@pytest.mark.parametrize(
    ("damage", "cls", "key"),
    [
        (lambda e, f: e[:-1], TruncatedError, LOCAL),
        (lambda e, f: e + b"x", TrailingDataError, LOCAL),
        (lambda e, f: e[:-1] + bytes([e[-1] ^ 1]), TamperedError, LOCAL),
        (lambda e, f: e, WrongKeyError, bytes(32)),
        (lambda e, f: e, ReceiptMismatchError, LOCAL),
    ],
)
def test_decrypt_file_leaves_nothing_behind(tmp_path: Path, small, damage, cls, key):
    _plain, envelope, facts = small
    src = tmp_path / "bid.vbe1"
    src.write_bytes(damage(envelope, facts))
    target = tmp_path / "bid.pdf"
    receipt = bytes(32) if cls is ReceiptMismatchError else None
    with pytest.raises(cls):
        decrypt_file(src, target, key, receipt=receipt)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bid.vbe1"]


def test_decrypt_file_success(tmp_path: Path, small):
    plain, envelope, _facts = small
    src = tmp_path / "bid.vbe1"
    src.write_bytes(envelope)
    import hashlib

    info = decrypt_file(src, tmp_path / "out", LOCAL, receipt=hashlib.sha256(envelope).digest())
    assert (tmp_path / "out").read_bytes() == plain
    assert info.summary == {"price": "1.00"}
    assert (tmp_path / "out").stat().st_mode & 0o777 == 0o600


def test_with_a_receipt_a_changed_file_is_reported_as_not_the_one_submitted(
    tmp_path: Path,
) -> None:
    """DOMAIN: the ciphertext must equal the receipt before anything else counts."""
    import hashlib

    from venue_client.crypto.envelope_errors import ReceiptMismatchError

    envelope, _ = sealed(data(20_000), [Recipient(LOCAL)], chunk_size=4096)
    receipt = hashlib.sha256(envelope).digest()
    for damaged in (
        envelope[:-1] + bytes([envelope[-1] ^ 1]),  # last chunk's tag
        envelope[: len(envelope) // 2],  # truncated
        envelope + b"\x00",  # trailing byte
    ):
        source = tmp_path / "bid.vbe1"
        source.write_bytes(damaged)
        with pytest.raises(ReceiptMismatchError) as err:
            decrypt_file(source, tmp_path / "out.bin", LOCAL, receipt=receipt)
        assert err.value.__cause__ is not None  # the envelope's own failure is kept
        assert not (tmp_path / "out.bin").exists()
        assert not list(tmp_path.glob("*.part"))
