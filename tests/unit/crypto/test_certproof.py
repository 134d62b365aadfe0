"""The signed challenge with software keys (``SoftKeyStore`` signs as a token does);
the same against SoftHSM2 tokens is in ``tests/integration/crypto``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.token import SoftKeyStore
from tests.unit.crypto.pki import Ca, now
from venue_client.crypto.certcheck import (
    Challenge,
    ChallengeError,
    PrivateKeyMismatchError,
    make_challenge,
    prove_with_token,
    verify_possession,
)

VENUE, SESSION = "hz-branch-3", "opening-2025-0042"


@pytest.fixture(scope="module", params=["rsa", "ec"])
def store(request) -> SoftKeyStore:
    if request.param == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    return SoftKeyStore([(key, Ca("测试CA").issue(key.public_key()))], label=request.param)


def verify(cert, challenge, signature, **kw):
    args = {"venue": VENUE, "session": SESSION, "now": now(), **kw}
    return verify_possession(cert, challenge, signature, **args)


def test_challenge_is_bound_random_and_readable():
    at = now()
    first = make_challenge(venue=VENUE, session=SESSION, now=at)
    second = make_challenge(venue=VENUE, session=SESSION, now=at)
    assert first != second
    decoded = Challenge.from_bytes(first)
    assert (decoded.venue, decoded.session, decoded.issued_at) == (VENUE, SESSION, at)
    assert len(decoded.nonce) == 32
    assert first.decode().splitlines()[0] == "venue-client check-in challenge v1"


def test_signature_from_the_key_proves_possession(store):
    cert = store.certificates()[0].certificate
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    signature = prove_with_token(store, cert, challenge)
    assert verify(cert, challenge, signature).session == SESSION


def test_tampered_challenge_or_signature_is_refused(store):
    cert = store.certificates()[0].certificate
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    signature = prove_with_token(store, cert, challenge)
    nonce_at = challenge.rindex(b"nonce=") + 6
    flipped = b"0" if challenge[nonce_at : nonce_at + 1] != b"0" else b"1"
    altered = challenge[:nonce_at] + flipped + challenge[nonce_at + 1 :]
    with pytest.raises(PrivateKeyMismatchError) as info:
        verify(cert, altered, signature)
    assert str(info.value) == "私钥与证书不匹配"
    broken = bytearray(signature)
    broken[len(broken) // 2] ^= 0x01
    with pytest.raises(PrivateKeyMismatchError):
        verify(cert, challenge, bytes(broken))
    with pytest.raises(PrivateKeyMismatchError):
        verify(cert, challenge, b"")


def test_signature_by_another_key_is_refused(store):
    cert = store.certificates()[0].certificate
    other_key = ec.generate_private_key(ec.SECP256R1())
    other = SoftKeyStore([(other_key, Ca("测试CA").issue(other_key.public_key()))])
    challenge = make_challenge(venue=VENUE, session=SESSION, now=now())
    with pytest.raises(PrivateKeyMismatchError):  # this store has no key for ``cert``
        prove_with_token(other, cert, challenge)
    signature = other.sign(other.certificates()[0], challenge)
    with pytest.raises(PrivateKeyMismatchError):
        verify(cert, challenge, signature)


def test_challenge_of_another_session_or_too_old(store):
    cert = store.certificates()[0].certificate
    issued = now()
    challenge = make_challenge(venue=VENUE, session="opening-2025-0041", now=issued)
    signature = prove_with_token(store, cert, challenge)
    with pytest.raises(ChallengeError) as info:
        verify(cert, challenge, signature)
    assert info.value.kind == ChallengeError.FOREIGN
    with pytest.raises(ChallengeError):
        verify(cert, challenge, signature, session="opening-2025-0041", venue="other-venue")
    ok = dict(session="opening-2025-0041", now=issued + timedelta(minutes=4))
    assert verify(cert, challenge, signature, **ok)
    with pytest.raises(ChallengeError) as info:
        verify(cert, challenge, signature, session="opening-2025-0041",
               now=issued + timedelta(minutes=6))  # fmt: skip
    assert info.value.kind == ChallengeError.EXPIRED
    assert str(info.value) == "签到挑战已过期，请重新签到"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe",
        b"venue-client check-in challenge v1\nvenue=a\nsession=b\n",
        b"venue-client check-in challenge v2\nvenue=a\nsession=b\nissued=2025-01-01T00:00:00Z\n"
        b"nonce=" + b"00" * 32 + b"\n",
        b"venue-client check-in challenge v1\nvenue=a\nsession=b\nissued=2025-01-01T00:00:00Z\n"
        b"nonce=" + b"AB" * 32 + b"\n",  # upper-case hex: not the canonical form
        b"venue-client check-in challenge v1\nsession=b\nvenue=a\nissued=2025-01-01T00:00:00Z\n"
        b"nonce=" + b"00" * 32 + b"\n",
    ],
)
def test_malformed_challenges(data):
    with pytest.raises(ChallengeError) as info:
        Challenge.from_bytes(data)
    assert info.value.kind == ChallengeError.MALFORMED


def test_challenge_fields_are_checked_when_made():
    with pytest.raises(ValueError):
        make_challenge(venue="a\nsession=x", session=SESSION, now=now())
    with pytest.raises(ValueError):
        make_challenge(venue=VENUE, session="", now=now())
    with pytest.raises(ValueError):
        make_challenge(venue=VENUE, session=SESSION, now=now().replace(tzinfo=None))
