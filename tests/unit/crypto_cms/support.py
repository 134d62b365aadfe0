"""Test helpers for the CMS import: run-time keys and certificates, envelopes made
by the real ``openssl cms -encrypt``, and a minimal envelope writer of our own for
what OpenSSL cannot make here (GM/T 0010 with SM2; odd BER layouts)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from drivers.token.softkeys import SoftKeyStore
from tests.support.require import unavailable

PADDINGS = {
    "v15": [],
    "oaep-sha1": ["-keyopt", "rsa_padding_mode:oaep"],
    "oaep-sha256": ["-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256"],
}
CIPHERS = {"aes128": "-aes128", "aes256": "-aes256", "gcm": "-aes-256-gcm"}
FORMS = {"DER": "DER", "PEM": "PEM", "SMIME": "SMIME"}


def openssl() -> str:
    path = shutil.which("openssl")
    if path is None:
        unavailable("openssl is not installed")
    return path


@dataclass
class Identity:
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    key_path: Path
    cert_path: Path

    def store(self) -> SoftKeyStore:
        return SoftKeyStore([(self.key, self.cert)])


def make_identity(
    root: Path, name: str, *, kind: str = "rsa", issuer: Identity | None = None
) -> Identity:
    key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    if kind == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.cert.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=2))
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    cert = builder.sign(issuer.key if issuer else key, hashes.SHA256())
    key_path = root / f"{name}.key.pem"
    cert_path = root / f"{name}.cert.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return Identity(key, cert, key_path, cert_path)


def encrypt(
    plain: Path,
    out: Path,
    recipient: Identity,
    *,
    form: str = "DER",
    stream: bool = False,
    padding: str = "v15",
    keyid: bool = False,
    cipher: str = "aes256",
) -> Path:
    """``openssl cms -encrypt`` with the given options; returns ``out``."""
    argv = [openssl(), "cms", "-encrypt", "-binary", "-in", str(plain), "-out", str(out),
            "-outform", FORMS[form], CIPHERS[cipher]]  # fmt: skip
    if stream:
        argv.append("-stream")
    if keyid:
        argv.append("-keyid")
    argv += ["-recip", str(recipient.cert_path), *PADDINGS[padding]]
    result = subprocess.run(argv, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def openssl_decrypt(envelope: Path, out: Path, recipient: Identity, form: str) -> None:
    argv = [openssl(), "cms", "-decrypt", "-binary", "-in", str(envelope), "-inform",
            FORMS[form], "-inkey", str(recipient.key_path), "-recip",
            str(recipient.cert_path), "-out", str(out)]  # fmt: skip
    result = subprocess.run(argv, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
