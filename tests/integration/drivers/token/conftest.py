"""SoftHSM2 tokens for the token driver tests, provisioned once per run with OpenSC
(see ``tests/support/softhsm.py``). Tokens:

- ``bidder``: RSA-2048 (CKA_ID 01) and EC P-256 (CKA_ID 02), each with its certificate
- ``pins``: an RSA key, for wrong-PIN tests (its PIN flags change)
- ``loose-ids``: certificates whose CKA_ID differs from their key's (found by public key)
- ``unwrap-only``: an RSA key with CKA_DECRYPT false, CKA_UNWRAP true
- ``no-cert``: a key and no certificate
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.token import Pkcs11Module, Pkcs11Token
from tests.support.softhsm import PIN, LabKey, SoftHsmLab, self_signed, softhsm_lab


@dataclass
class Lab:
    hsm: SoftHsmLab
    keys: dict[str, LabKey]


@pytest.fixture(scope="session")
def rsa_keys() -> list[rsa.RSAPrivateKey]:
    return [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3)]


@pytest.fixture(scope="session")
def lab(
    tmp_path_factory: pytest.TempPathFactory, rsa_keys: list[rsa.RSAPrivateKey]
) -> Iterator[Lab]:
    with softhsm_lab(tmp_path_factory.mktemp("softhsm")) as hsm:
        keys: dict[str, LabKey] = {}
        for label in ("bidder", "pins", "loose-ids", "unwrap-only", "no-cert"):
            hsm.init_token(label)
        ec_key = ec.generate_private_key(ec.SECP256R1())
        keys["rsa"] = hsm.add_key("bidder", rsa_keys[0], b"\x01", "bidder rsa")
        keys["ec"] = hsm.add_key("bidder", ec_key, b"\x02", "bidder ec")
        keys["pins"] = hsm.add_key("pins", rsa_keys[1], b"\x01", "pins")
        # Certificates filed under other IDs than their keys.
        loose_ec = ec.generate_private_key(ec.SECP256R1())
        for key, key_id, cert_id in ((rsa_keys[2], b"\x01", b"\x0a"), (loose_ec, b"\x02", b"\x0b")):
            cert = self_signed(key, "loose")
            hsm.import_key("loose-ids", key, key_id)
            hsm.import_cert("loose-ids", cert, cert_id)
            keys[f"loose-{key_id.hex()}"] = LabKey(key, cert, cert_id)
        spki = loose_ec.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        hsm._tool("loose-ids", PIN, spki, "pubkey", b"\x02", [])
        keys["unwrap"] = hsm.add_key("unwrap-only", rsa_keys[1], b"\x01", "unwrap only")
        hsm.import_key("no-cert", rsa_keys[2], b"\x01")
        _forbid_decrypt(hsm)
        yield Lab(hsm, keys)


def _forbid_decrypt(hsm: SoftHsmLab) -> None:
    """pkcs11-tool leaves CKA_DECRYPT at SoftHSM's default (true): clear it."""
    from pkcs11 import Attribute, ObjectClass

    module = hsm.activate()
    with module.lock:
        import pkcs11

        token = pkcs11.lib(module.path).get_token(token_label="unwrap-only")
        with token.open(rw=True, user_pin=PIN) as session:
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, id=b"\x01")
            key[Attribute.DECRYPT] = False


@pytest.fixture
def module(lab: Lab) -> Pkcs11Module:
    """The SoftHSM2 module, pointed at the lab again for each test: a simulator test
    may have initialised the library with its own configuration since."""
    return lab.hsm.activate()


@pytest.fixture
def open_token(module: Pkcs11Module) -> Iterator[Callable[[str], Pkcs11Token]]:
    opened: list[Pkcs11Token] = []

    def open_(label: str) -> Pkcs11Token:
        token = module.open_token(label=label)
        opened.append(token)
        return token

    yield open_
    for token in opened:
        token.close()
