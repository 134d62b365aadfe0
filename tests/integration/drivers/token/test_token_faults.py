"""Fault modes against SoftHSM2: wrong PIN (and what SoftHSM2 reports about its
counter), a token deleted mid-session (removal), calls from the wrong thread, and
two tokens used at once from their own owner threads."""

from __future__ import annotations

import os
import threading

import pytest
from cryptography.hazmat.primitives.asymmetric import ec

from drivers.common import HeadlessHandler
from drivers.common.owner import WrongThreadError
from drivers.token import (
    PinIncorrectError,
    PinLockedError,
    RsaPadding,
    SoftKeyStore,
    SoftToken,
    TokenRemovedError,
)
from drivers.token.errors import (
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_LOCKED,
    CKR_OBJECT_HANDLE_INVALID,
    CKR_PIN_INCORRECT,
)
from tests.support.softhsm import PIN, self_signed


def _wrong_login(token) -> PinIncorrectError:
    with pytest.raises(PinIncorrectError) as caught:
        token.run(HeadlessHandler(["000000"]), lambda s: s.login()).result()
    return caught.value


def test_wrong_pin_sets_count_low_and_a_good_pin_clears_it(open_token):
    token = open_token("pins")
    error = _wrong_login(token)
    assert error.code == CKR_PIN_INCORRECT
    # SoftHSM2 reports CKF_USER_PIN_COUNT_LOW after a failure, never a count.
    assert error.flags & CKF_USER_PIN_COUNT_LOW
    assert error.attempts_left is None
    assert str(error) == "PIN 错误，剩余尝试次数已不多"
    assert token.call(token.refresh).pin_count_low

    handler = HeadlessHandler([PIN])
    token.run(handler, lambda s: s.login()).result()
    assert handler.messages == ["请输入加密锁“pins”的 PIN（剩余尝试次数已不多）"]
    assert not token.call(token.refresh).pin_count_low


def test_softhsm_never_locks_the_user_pin(open_token):
    """Documented behaviour: SoftHSM2 2.6 has no retry limit. After 12 wrong PINs
    it still says only COUNT_LOW (no FINAL_TRY, no LOCKED) and the right PIN works.
    The locked path is covered with the simulator's SoftToken and unit tests."""
    token = open_token("pins")
    for _ in range(12):
        error = _wrong_login(token)
        assert not error.flags & (CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED)
    token.run(HeadlessHandler([PIN]), lambda s: s.login()).result()


def test_empty_pin_is_a_wrong_pin(open_token):
    with pytest.raises(PinIncorrectError):
        open_token("pins").run(HeadlessHandler([""]), lambda s: s.login()).result()


def test_token_removed_mid_operation(lab):
    """Removal, for real: another process deletes the token (``softhsm2-util
    --delete-token``) while this one holds a logged-in session. SoftHSM2 then
    answers CKR_OBJECT_HANDLE_INVALID for the key and CKR_GENERAL_ERROR for the
    token's info; the driver checks the slot and reports the token as removed."""
    label = f"gone-{os.getpid()}"
    lab.hsm.init_token(label)
    saved = lab.hsm.add_key(label, lab.keys["rsa"].key, b"\x01", "gone")
    module = lab.hsm.activate()
    token = module.open_token(label=label)
    wrapped = saved.certificate.public_key().encrypt(
        b"k" * 32, RsaPadding.OAEP_SHA1.for_cryptography()
    )
    try:
        session = token.call(token.open_session, HeadlessHandler([PIN]))
        (key,) = token.call(session.certificates)
        assert token.call(session.decrypt, key, wrapped, RsaPadding.OAEP_SHA1) == b"k" * 32

        lab.hsm.delete_token(label)

        with pytest.raises(TokenRemovedError) as caught:
            token.call(session.decrypt, key, wrapped, RsaPadding.OAEP_SHA1)
        assert caught.value.code == CKR_OBJECT_HANDLE_INVALID
        assert str(caught.value) == "加密锁已被拔出，请重新插入后重试"
        with pytest.raises(TokenRemovedError):
            token.call(session.sign, key, b"challenge")
        assert token.call(token.present) is False
        token.call(session.close)  # quiet, although the token is gone
        assert label not in {t.label for t in module.tokens()}
    finally:
        token.close()
        lab.hsm.activate()


def test_calls_from_another_thread_fail_loudly(open_token):
    token = open_token("bidder")
    with pytest.raises(WrongThreadError):
        token.open_session(HeadlessHandler([PIN]))
    session = token.call(token.open_session, HeadlessHandler([PIN]))
    try:
        (key, *_) = token.call(session.certificates)
        for call in (
            session.certificates,
            session.login,
            lambda: session.sign(key, b"x"),
            lambda: session.decrypt(key, b"x", RsaPadding.PKCS1_V15),
            session.close,
        ):
            with pytest.raises(WrongThreadError, match="token:bidder"):
                call()
    finally:
        token.call(session.close)


def test_two_tokens_work_at_once_on_their_own_threads(open_token, lab):
    """python-pkcs11 initialises without OS locking, so the driver serialises calls
    into one library; each token still runs on its own owner thread."""
    tokens = {"bidder": open_token("bidder"), "unwrap-only": open_token("unwrap-only")}
    public = {
        "bidder": lab.keys["rsa"].certificate.public_key(),
        "unwrap-only": lab.keys["unwrap"].certificate.public_key(),
    }
    threads_seen: dict[str, set[str]] = {label: set() for label in tokens}

    def work_for(label: str):
        keys = [os.urandom(32) for _ in range(20)]
        wrapped = [public[label].encrypt(k, RsaPadding.OAEP_SHA1.for_cryptography()) for k in keys]

        def work(session):
            key = next(k for k in session.certificates() if k.kind == "rsa")
            out = []
            for item in wrapped:
                threads_seen[label].add(threading.current_thread().name)
                out.append(session.decrypt(key, item, RsaPadding.OAEP_SHA1))
            return out

        return keys, tokens[label].run(HeadlessHandler([PIN]), work)

    jobs = {label: work_for(label) for label in tokens}
    for label, (keys, future) in jobs.items():
        assert future.result(timeout=30) == keys
        assert threads_seen[label] == {f"device:token:{label}"}


def test_locked_pin_is_refused_before_prompting():
    """SoftHSM2 cannot lock (above), so the locked path runs on the simulator's
    software token, which counts like a smart card: COUNT_LOW, FINAL_TRY, LOCKED."""
    key = ec.generate_private_key(ec.SECP256R1())
    store = SoftKeyStore([(key, self_signed(key, "soft"))])
    token = SoftToken(store, label="soft", serial="S1", pin=PIN, max_tries=3)
    try:
        first = _wrong_login(token)
        assert first.attempts_left == 2 and str(first) == "PIN 错误，还可尝试 2 次"
        second = _wrong_login(token)
        assert second.flags & CKF_USER_PIN_FINAL_TRY and second.attempts_left == 1
        with pytest.raises(PinLockedError) as caught:
            token.run(HeadlessHandler(["000000"]), lambda s: s.login()).result()
        assert str(caught.value) == "PIN 已锁定，请联系证书颁发机构解锁"
        handler = HeadlessHandler([PIN])
        with pytest.raises(PinLockedError):
            token.run(handler, lambda s: s.login()).result()
        assert handler.messages == []  # refused before asking
    finally:
        token.close()
