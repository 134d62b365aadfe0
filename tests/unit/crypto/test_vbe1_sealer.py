"""The streaming sealer (size not known in advance) makes exactly the envelope
``seal`` makes from a seekable source with the same randomness, whatever the sizes
and however the plaintext arrives; unfinished it opens for nobody."""

from __future__ import annotations

import io
import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.crypto.vbe1_support import LOCAL, data, opened
from venue_client.crypto.envelope_errors import NotAnEnvelopeError
from venue_client.crypto.vbe1 import Recipient, decrypt, seal
from venue_client.crypto.vbe1.sealer import StreamSealer

CS = 4096


def _rng(seed: int) -> Callable[[int], bytes]:
    return random.Random(seed).randbytes


def _streamed(plain: bytes, pieces: list[int], **kw: object) -> bytes:
    out = io.BytesIO()
    out.write(b"prefix")  # the envelope need not start at offset 0
    sealer = StreamSealer(out, [Recipient(LOCAL)], rng=_rng(7), **kw)  # type: ignore[arg-type]
    pos = 0
    for n in pieces:
        assert sealer.write(memoryview(plain)[pos : pos + n]) == len(plain[pos : pos + n])
        pos += n
    sealer.write(plain[pos:])
    assert sealer.finish() == len(plain)
    value = out.getvalue()
    assert value.startswith(b"prefix")
    return value[len(b"prefix") :]


def _reference(plain: bytes, **kw: object) -> bytes:
    out = io.BytesIO()
    seal(io.BytesIO(plain), out, [Recipient(LOCAL)], rng=_rng(7), **kw)  # type: ignore[arg-type]
    return out.getvalue()


@pytest.mark.parametrize(
    "size", [0, 1, CS - 1, CS, CS + 1, 3 * CS, 3 * CS + 17, 1024 * CS, 1024 * CS + 1, 2100 * CS]
)
@pytest.mark.parametrize("suite", ["AES-256-GCM", "SM4-GCM"])
def test_same_bytes_as_seal(size: int, suite: str) -> None:
    plain = data(size)
    env = _streamed(plain, [], chunk_size=CS, suite=suite)
    assert env == _reference(plain, chunk_size=CS, suite=suite)
    assert opened(env, LOCAL) == plain


@settings(max_examples=60, deadline=None)
@given(
    size=st.integers(0, 40 * CS),
    pieces=st.lists(st.integers(0, 9 * CS), max_size=12),
)
def test_any_write_pattern(size: int, pieces: list[int]) -> None:
    plain = data(size)
    assert _streamed(plain, pieces, chunk_size=CS) == _reference(plain, chunk_size=CS)


def test_default_chunk_size_large_writes() -> None:
    plain = data(9 << 20)  # more than two 4 MiB batches, 2 MiB writes like the decrypter's
    pieces = [2 << 20] * 4
    env = _streamed(plain, pieces)
    assert env == _reference(plain)


def test_unfinished_envelope_opens_for_nobody() -> None:
    out = io.BytesIO()
    sealer = StreamSealer(out, [Recipient(LOCAL)])
    sealer.write(data(3 * CS))
    with pytest.raises(NotAnEnvelopeError):
        decrypt(io.BytesIO(out.getvalue()), io.BytesIO(), LOCAL)


def test_finish_once_and_no_write_after() -> None:
    sealer = StreamSealer(io.BytesIO(), [Recipient(LOCAL)])
    sealer.finish()
    with pytest.raises(ValueError):
        sealer.write(b"x")
    with pytest.raises(ValueError):
        sealer.finish()
