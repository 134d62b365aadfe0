"""VBE1 opened with a real PKCS#11 token (SoftHSM2): the private key stays on the
token; the envelope is opened through ``KeySession.decrypt`` / ``derive_ecdh``."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.common import HeadlessHandler
from drivers.token import RsaPadding
from tests.support.softhsm import PIN, LabKey, SoftHsmLab, softhsm_lab
from venue_client.crypto.envelope_errors import UnsupportedAlgorithmError, WrongKeyError
from venue_client.crypto.vbe1 import Recipient, decrypt, open_summary, seal


@pytest.fixture(scope="module")
def token_keys(tmp_path_factory) -> Iterator[tuple[SoftHsmLab, dict[str, LabKey]]]:
    with softhsm_lab(tmp_path_factory.mktemp("vbe1-hsm")) as lab:
        lab.init_token("vbe1")
        keys = {
            "rsa": lab.add_key(
                "vbe1",
                rsa.generate_private_key(public_exponent=65537, key_size=2048),
                b"\x01",
                "vbe1 rsa",
            ),
            "ec": lab.add_key("vbe1", ec.generate_private_key(ec.SECP256R1()), b"\x02", "vbe1 ec"),
        }
        yield lab, keys


def _open_with_token(lab: SoftHsmLab, envelope: bytes, *, summary: bool = False) -> object:
    module = lab.activate()
    token = module.open_token(label="vbe1")
    try:

        def work(session):
            if summary:
                return open_summary(io.BytesIO(envelope), session)
            out = io.BytesIO()
            decrypt(io.BytesIO(envelope), out, session)
            return out.getvalue()

        return token.run(HeadlessHandler([PIN]), work).result()
    finally:
        token.close()


@pytest.mark.parametrize("padding", [RsaPadding.PKCS1_V15, RsaPadding.OAEP_SHA1])
def test_rsa_token_opens(token_keys, padding):
    lab, keys = token_keys
    plain = os.urandom(70_000)
    out = io.BytesIO()
    seal(io.BytesIO(plain), out, [Recipient(keys["rsa"].certificate, padding=padding)],
         summary={"price": "1.50"})  # fmt: skip
    assert _open_with_token(lab, out.getvalue()) == plain
    assert _open_with_token(lab, out.getvalue(), summary=True) == {"price": "1.50"}


def test_ecdh_token_opens(token_keys):
    lab, keys = token_keys
    plain = os.urandom(5000)
    out = io.BytesIO()
    seal(io.BytesIO(plain), out, [Recipient(keys["ec"].certificate)], suite="SM4-GCM")
    assert _open_with_token(lab, out.getvalue()) == plain


def test_oaep_sha256_on_softhsm_is_unsupported(token_keys):
    lab, keys = token_keys
    out = io.BytesIO()
    seal(io.BytesIO(b"x"), out, [Recipient(keys["rsa"].certificate)])
    with pytest.raises(UnsupportedAlgorithmError):
        _open_with_token(lab, out.getvalue())


def test_token_without_the_recipient_key(token_keys):
    lab, _keys = token_keys
    out = io.BytesIO()
    seal(io.BytesIO(b"x"), out, [Recipient(bytes(32))])
    with pytest.raises(WrongKeyError):
        _open_with_token(lab, out.getvalue())
