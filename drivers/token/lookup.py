"""Finding the private key that goes with a certificate on a PKCS#11 token: by
``CKA_ID`` as issuing tools link them, else by public key (some tokens' IDs do not
match): the RSA modulus of the private key, or the EC point of the public-key
object filed under the private key's ID."""

from __future__ import annotations

from typing import Any

import pkcs11 as p11
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from pkcs11 import Attribute, KeyType, ObjectClass

from drivers.token.keys import KeyCertificate, peer_point

# python-pkcs11's private-key objects get their decrypt/sign/derive/unwrap mixins
# from the Cython module; its stubs do not show them.
P11PrivateKey = Any


def by_id(session: p11.Session, key_id: bytes) -> P11PrivateKey | None:
    template = {Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}
    objects = list(session.get_objects(template))
    return objects[0] if len(objects) == 1 else None


def by_public_key(session: p11.Session, key: KeyCertificate) -> P11PrivateKey | None:
    public = key.certificate.public_key()
    if isinstance(public, rsa.RSAPublicKey):
        modulus = public.public_numbers().n
        for obj in list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})):
            if obj[Attribute.KEY_TYPE] == KeyType.RSA and _int(obj[Attribute.MODULUS]) == modulus:
                return obj
        return None
    if not isinstance(public, ec.EllipticCurvePublicKey):
        return None
    point = peer_point(key, public)
    for obj in list(session.get_objects({Attribute.CLASS: ObjectClass.PUBLIC_KEY})):
        if obj[Attribute.KEY_TYPE] == KeyType.EC and point in bytes(obj[Attribute.EC_POINT]):
            return by_id(session, bytes(obj[Attribute.ID]))
    return None


def _int(value: Any) -> int:
    return (
        int.from_bytes(bytes(value), "big") if isinstance(value, bytes | bytearray) else int(value)
    )
