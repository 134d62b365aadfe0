"""CMS envelopes made by the real ``openssl cms -encrypt``, in every variant the
venue may receive, decrypted by the streaming import and byte-compared with the
original: {DER, PEM, S/MIME} x {definite, -stream} x {RSA PKCS#1 v1.5, OAEP-SHA1,
OAEP-SHA256} x {issuer+serial, -keyid} x {AES-128-CBC, AES-256-CBC, AES-256-GCM};
plus ECDH (KeyAgreeRecipientInfo), a multi-MiB streamed file, a key on a SoftHSM2
token, and bounded memory on a 64 MiB envelope."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from drivers.common import HeadlessHandler
from tests.support.softhsm import PIN, softhsm_lab
from tests.unit.crypto_cms.support import encrypt, make_identity, openssl_decrypt
from venue_client.crypto import cms


@pytest.fixture(scope="module")
def ids(tmp_path_factory):
    root = tmp_path_factory.mktemp("cms-ids")
    ca = make_identity(root, "ca")
    return {
        "root": root,
        "rsa": make_identity(root, "rsa-bidder", issuer=ca),
        "ec": make_identity(root, "ec-bidder", kind="ec", issuer=ca),
    }


@pytest.fixture(scope="module")
def plain(ids):
    path = ids["root"] / "plain.bin"
    path.write_bytes(os.urandom(20_000) + b"\x10" * 16)  # ends like a padding block
    return path


@pytest.mark.parametrize("cipher", ["aes128", "aes256", "gcm"])
@pytest.mark.parametrize("keyid", [False, True], ids=["issuer-serial", "keyid"])
@pytest.mark.parametrize("padding", ["v15", "oaep-sha1", "oaep-sha256"])
@pytest.mark.parametrize("stream", [False, True], ids=["definite", "stream"])
@pytest.mark.parametrize("form", ["DER", "PEM", "SMIME"])
def test_openssl_matrix(ids, plain, tmp_path, form, stream, padding, keyid, cipher):
    bidder = ids["rsa"]
    src = encrypt(plain, tmp_path / "env", bidder, form=form, stream=stream,
                  padding=padding, keyid=keyid, cipher=cipher)  # fmt: skip
    info = cms.inspect(src.open("rb"))
    assert info.encoding == form and info.indefinite is stream
    assert info.content_type == ("AuthEnveloped" if cipher == "gcm" else "Enveloped")
    assert info.content_cipher == {"aes128": "AES-128-CBC", "aes256": "AES-256-CBC",
                                   "gcm": "AES-256-GCM"}[cipher]  # fmt: skip
    (recipient,) = info.recipients
    assert recipient.algorithm == {"v15": "RSA-PKCS1-v1_5", "oaep-sha1": "RSA-OAEP-SHA1",
                                   "oaep-sha256": "RSA-OAEP-SHA256"}[padding]  # fmt: skip
    assert (recipient.ski is not None) is keyid
    receipt = hashlib.sha256(src.read_bytes()).digest()
    result = cms.decrypt_file(src, tmp_path / "out", bidder.store(), receipt)
    assert (tmp_path / "out").read_bytes() == plain.read_bytes()
    assert result.plaintext_size == plain.stat().st_size and result.sha256 == receipt


@pytest.mark.parametrize("cipher", ["aes128", "gcm"])
@pytest.mark.parametrize("form,stream", [("DER", False), ("PEM", True), ("SMIME", True)])
def test_ecdh_key_agreement(ids, plain, tmp_path, form, stream, cipher):
    bidder = ids["ec"]
    src = encrypt(plain, tmp_path / "env", bidder, form=form, stream=stream, cipher=cipher)
    assert cms.inspect(src.open("rb")).recipients[0].kind == "kari"
    cms.decrypt_file(src, tmp_path / "out", bidder.store())
    assert (tmp_path / "out").read_bytes() == plain.read_bytes()


def test_multi_mib_stream(ids, tmp_path):
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(6 << 20))
    for cipher in ("aes256", "gcm"):
        src = encrypt(big, tmp_path / f"big-{cipher}.pem", ids["rsa"], form="PEM",
                      stream=True, cipher=cipher, padding="oaep-sha256")  # fmt: skip
        cms.decrypt_file(src, tmp_path / f"out-{cipher}", ids["rsa"].store())
        assert (tmp_path / f"out-{cipher}").read_bytes() == big.read_bytes()
    openssl_decrypt(tmp_path / "big-gcm.pem", tmp_path / "ossl", ids["rsa"], "PEM")
    assert (tmp_path / "ossl").read_bytes() == big.read_bytes()


@pytest.mark.parametrize("padding", ["v15", "oaep-sha1"])
@pytest.mark.parametrize("keyid", [False, True])
def test_key_on_softhsm_token(ids, plain, tmp_path, padding, keyid):
    with softhsm_lab(tmp_path / "hsm") as lab:
        lab.init_token("cms")
        bidder = ids["rsa"]
        lab.import_key("cms", bidder.key, b"\x01")
        lab.import_cert("cms", bidder.cert, b"\x01")
        module = lab.activate()
        token = module.open_token(label="cms")
        src = encrypt(plain, tmp_path / "env", bidder, padding=padding, keyid=keyid, cipher="gcm",
                      stream=True)  # fmt: skip
        try:

            def work(session):
                session.login()
                return cms.decrypt_file(src, tmp_path / "out", session)

            result = token.run(HeadlessHandler([PIN]), work).result(timeout=60)
            der = bidder.cert.public_bytes(serialization.Encoding.DER)
            assert result.key_fingerprint == hashlib.sha256(der).digest()
            assert (tmp_path / "out").read_bytes() == plain.read_bytes()
        finally:
            token.close()


MEMORY_PROBE = textwrap.dedent(
    """
    import resource, sys
    from drivers.token.softkeys import SoftKeyStore
    from venue_client.crypto import cms
    store = SoftKeyStore.from_pem(sys.argv[2], sys.argv[3])
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cms.decrypt_file(sys.argv[1], sys.argv[4], store)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print((after - before) // 1024)
    """
)


def test_memory_stays_bounded(ids, tmp_path):
    big = tmp_path / "big.bin"
    with big.open("wb") as fh:
        for _ in range(64):
            fh.write(os.urandom(1 << 20))
    bidder = ids["rsa"]
    for cipher, form in (("gcm", "DER"), ("aes256", "SMIME")):
        src = encrypt(big, tmp_path / f"env-{cipher}", bidder, form=form, stream=True,
                      cipher=cipher)  # fmt: skip
        out = tmp_path / f"out-{cipher}"
        result = subprocess.run(
            [sys.executable, "-c", MEMORY_PROBE, str(src), str(bidder.key_path),
             str(bidder.cert_path), str(out)],
            capture_output=True, text=True, cwd=Path.cwd(),
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        growth_mib = int(result.stdout.strip())
        assert growth_mib < 40, f"{cipher}/{form}: maxrss grew {growth_mib} MiB"
        assert out.stat().st_size == big.stat().st_size
        with out.open("rb") as a, big.open("rb") as b:
            while chunk := a.read(1 << 20):
                assert chunk == b.read(1 << 20)
        out.unlink()
