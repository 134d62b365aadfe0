"""Deterministic VBE1 test vectors (``docs/vbe1.md`` "Test vectors").

    python tests/vectors/vbe1/make_vectors.py            # rewrite the vectors
    python tests/vectors/vbe1/make_vectors.py --new-keys # new TEST KEYS first

The keys under ``keys/`` are TEST KEYS, published on purpose: never use them for
anything else. Randomness comes from a SHA-256 counter stream seeded with the
vector's name (the ``rng`` seam of ``seal``), so the same keys give the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYS = HERE / "keys"
LOCAL_TEST_KEY = bytes.fromhex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
SUMMARY = {
    "price": "1234567.89",
    "duration": "180日历天",
    "quality": "合格",
    "other": {"bond": "yes"},
}


def test_rng(seed: str) -> Callable[[int], bytes]:
    """SHA-256(seed ‖ counter32) blocks, concatenated: NOT random, vectors only."""
    state = {"counter": 0, "pool": b""}

    def rng(n: int) -> bytes:
        while len(state["pool"]) < n:  # type: ignore[arg-type]
            block = hashlib.sha256(seed.encode() + state["counter"].to_bytes(4, "big")).digest()  # type: ignore[attr-defined]
            state["counter"] += 1  # type: ignore[operator]
            state["pool"] += block  # type: ignore[operator]
        out, state["pool"] = state["pool"][:n], state["pool"][n:]  # type: ignore[index]
        return out  # type: ignore[return-value]

    return rng


def plaintext(size: int) -> bytes:
    """Byte i is i mod 251."""
    return bytes(i % 251 for i in range(size))


def new_keys() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    from tests.support.softhsm import self_signed

    KEYS.mkdir(exist_ok=True)
    for name, key in (("rsa", rsa.generate_private_key(public_exponent=65537, key_size=2048)),
                      ("ec", ec.generate_private_key(ec.SECP256R1()))):  # fmt: skip
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())  # fmt: skip
        (KEYS / f"{name}-TEST-KEY.pem").write_bytes(pem)
        cert = self_signed(key, f"VBE1 TEST KEY {name}", days=36500)
        (KEYS / f"{name}-TEST-CERT.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    from venue_client.crypto.sm2 import Sm2PrivateKey

    sm2 = Sm2PrivateKey.generate()
    (KEYS / "sm2-TEST-KEY.hex").write_text(f"{sm2.d:064x}\n", encoding="ascii")


def vector_specs() -> list[dict[str, object]]:
    s = [
        {"name": "local-empty", "recipients": [["local", False]], "size": 0},
        {"name": "local-3-chunks-summary", "recipients": [["local", False]], "size": 10000,
         "summary": SUMMARY},
        {"name": "local-boundary-sm4", "recipients": [["local", False]], "size": 8192,
         "suite": "SM4-GCM"},
        {"name": "rsa-oaep-sha256", "recipients": [["rsa-oaep-sha256", False]], "size": 5000},
        {"name": "rsa-oaep-sha1", "recipients": [["rsa-oaep-sha1", False]], "size": 5000},
        {"name": "rsa-pkcs1v15", "recipients": [["rsa-pkcs1v15", False]], "size": 5000},
        {"name": "ecdh-p256", "recipients": [["ecdh-p256", False]], "size": 4097},
        {"name": "sm2-sm4", "recipients": [["sm2", False]], "size": 4097, "suite": "SM4-GCM",
         "summary": SUMMARY},
        {"name": "multi-backup", "recipients": [["rsa-oaep-sha1", False], ["sm2", True],
                                                 ["local", False]], "size": 12288, "summary": SUMMARY},
    ]  # fmt: skip
    return s


def _recipient(kind: str, backup: bool) -> object:
    from cryptography import x509

    from drivers.token import RsaPadding
    from venue_client.crypto.sm2 import Sm2PrivateKey
    from venue_client.crypto.vbe1 import Recipient

    if kind == "local":
        return Recipient(LOCAL_TEST_KEY, backup=backup)
    if kind == "sm2":
        d = int((KEYS / "sm2-TEST-KEY.hex").read_text(encoding="ascii"), 16)
        return Recipient(Sm2PrivateKey(d).public_key, backup=backup)
    name = "ec" if kind == "ecdh-p256" else "rsa"
    cert = x509.load_pem_x509_certificate((KEYS / f"{name}-TEST-CERT.pem").read_bytes())
    padding = {"rsa-oaep-sha256": RsaPadding.OAEP_SHA256, "rsa-oaep-sha1": RsaPadding.OAEP_SHA1,
               "rsa-pkcs1v15": RsaPadding.PKCS1_V15}.get(kind, RsaPadding.OAEP_SHA256)  # fmt: skip
    return Recipient(cert, backup=backup, padding=padding)


def generate(out: Path) -> None:
    """Write every vector and ``vectors.json`` into ``out``."""
    from venue_client.crypto.vbe1 import seal

    out.mkdir(parents=True, exist_ok=True)
    index = []
    for spec in vector_specs():
        recipients = [_recipient(k, b) for k, b in spec["recipients"]]  # type: ignore[attr-defined]
        plain = plaintext(int(spec["size"]))  # type: ignore[call-overload]
        sink = io.BytesIO()
        info = seal(io.BytesIO(plain), sink, recipients, summary=spec.get("summary"),  # type: ignore[arg-type]
                    suite=str(spec.get("suite", "AES-256-GCM")), chunk_size=4096,
                    rng=test_rng(f"VBE1 test vector {spec['name']}"))  # fmt: skip
        (out / f"{spec['name']}.vbe1").write_bytes(sink.getvalue())
        index.append({**spec, "file": f"{spec['name']}.vbe1", "chunk_size": 4096,
                      "plaintext_sha256": hashlib.sha256(plain).hexdigest(),
                      "envelope_sha256": info.receipt})  # fmt: skip
    doc = {"comment": "VBE1 test vectors; keys/ holds TEST KEYS (public, never for real use). "
                      "Plaintext byte i = i mod 251; local key = 00..1f.",
           "local_key": LOCAL_TEST_KEY.hex(), "vectors": index}  # fmt: skip
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    (out / "vectors.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[2]))
    if "--new-keys" in sys.argv:
        new_keys()
    generate(HERE)
