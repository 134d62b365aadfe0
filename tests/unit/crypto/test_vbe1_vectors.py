"""The committed VBE1 test vectors decrypt to their plaintexts, and the generator
rebuilds them bit for bit (a format change shows up here)."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from drivers.token import SoftKeyStore
from venue_client.crypto.sm2 import Sm2PrivateKey
from venue_client.crypto.vbe1 import decrypt, inspect

VECTORS = Path(__file__).resolve().parents[2] / "vectors" / "vbe1"
spec = importlib.util.spec_from_file_location("make_vbe1_vectors", VECTORS / "make_vectors.py")
assert spec is not None and spec.loader is not None
make_vectors = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_vectors)
INDEX = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))


def _store(name: str) -> SoftKeyStore:
    key = serialization.load_pem_private_key(
        (VECTORS / "keys" / f"{name}-TEST-KEY.pem").read_bytes(), None
    )
    cert = x509.load_pem_x509_certificate((VECTORS / "keys" / f"{name}-TEST-CERT.pem").read_bytes())
    return SoftKeyStore([(key, cert)])  # type: ignore[list-item]


def _keys(kind: str) -> object:
    if kind == "local":
        return bytes.fromhex(INDEX["local_key"])
    if kind == "sm2":
        return Sm2PrivateKey(int((VECTORS / "keys" / "sm2-TEST-KEY.hex").read_text(), 16))
    return _store("ec" if kind == "ecdh-p256" else "rsa")


@pytest.mark.parametrize("vector", INDEX["vectors"], ids=lambda v: v["name"])
def test_vector_decrypts(vector):
    envelope = (VECTORS / vector["file"]).read_bytes()
    assert hashlib.sha256(envelope).hexdigest() == vector["envelope_sha256"]
    facts = inspect(io.BytesIO(envelope))
    assert [r.kind for r in facts.recipients] == [k for k, _ in vector["recipients"]]
    assert [r.backup for r in facts.recipients] == [b for _, b in vector["recipients"]]
    for kind, _backup in vector["recipients"]:
        out = io.BytesIO()
        info = decrypt(
            io.BytesIO(envelope), out, _keys(kind), receipt=bytes.fromhex(vector["envelope_sha256"])
        )
        assert out.getvalue() == make_vectors.plaintext(vector["size"])
        assert hashlib.sha256(out.getvalue()).hexdigest() == vector["plaintext_sha256"]
        assert info.summary == vector.get("summary")


def test_vectors_regenerate_bit_identically(tmp_path):
    make_vectors.generate(tmp_path)
    committed = sorted(p.name for p in VECTORS.iterdir() if p.suffix in (".vbe1", ".json"))
    assert sorted(p.name for p in tmp_path.iterdir()) == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (VECTORS / name).read_bytes(), name
