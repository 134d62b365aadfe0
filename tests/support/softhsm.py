"""SoftHSM2 tokens for tests, made the way a CA's issuing station would: a private
``softhsm2.conf`` and token directory in a temp dir, ``softhsm2-util --init-token``,
and keys + certificates written with OpenSC's ``pkcs11-tool`` -- not with the
driver under test. Keys and certificates are generated at run time.

SoftHSM2 reads ``SOFTHSM2_CONF`` and scans its tokens in ``C_Initialize``;
:meth:`SoftHsmLab.activate` points this process at the lab and re-initialises the
library (through the driver's :meth:`Pkcs11Module.reload`) so new tokens show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from drivers.token.pkcs11 import Pkcs11Module
from tests.support.require import unavailable

PIN = "123456"
SO_PIN = "12345678"
MODULE_PATHS = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
)

PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def find_module() -> Path | None:
    for candidate in MODULE_PATHS:
        if Path(candidate).is_file():
            return Path(candidate)
    if shutil.which("dpkg"):
        out = subprocess.run(["dpkg", "-L", "libsofthsm2"], capture_output=True, text=True)
        for line in out.stdout.splitlines():
            if line.endswith("libsofthsm2.so") and Path(line).is_file():
                return Path(line)
    return None


def missing_reason() -> str | None:
    """Why SoftHSM2 tests cannot run here (None: they can)."""
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return "python-pkcs11 is not installed"
    if find_module() is None or not shutil.which("softhsm2-util"):
        return "SoftHSM2 is not installed (apt-get install softhsm2)"
    if not shutil.which("pkcs11-tool"):
        return "OpenSC's pkcs11-tool is not installed (apt-get install opensc)"
    return None


def self_signed(key: PrivateKey, name: str, *, days: int = 30) -> x509.Certificate:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=days))
        .sign(key, hashes.SHA256())
    )


@dataclass
class LabKey:
    key: PrivateKey
    certificate: x509.Certificate
    key_id: bytes


class SoftHsmLab:
    """A SoftHSM2 configuration of its own under ``root``."""

    def __init__(self, root: Path) -> None:
        module = find_module()
        assert module is not None, missing_reason()
        self.module_path = module
        self.root = root
        self.tokendir = root / "tokens"
        self.tokendir.mkdir(parents=True, exist_ok=True)
        self.conf = root / "softhsm2.conf"
        self.conf.write_text(
            f"directories.tokendir = {self.tokendir}\n"
            "objectstore.backend = file\nlog.level = ERROR\n"
            "slots.removable = true\nslots.mechanisms = ALL\n",
            encoding="utf-8",
        )
        self._scratch = 0

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "SOFTHSM2_CONF": str(self.conf)}

    def init_token(self, label: str, *, pin: str = PIN, so_pin: str = SO_PIN) -> None:
        self._run("softhsm2-util", "--init-token", "--free", "--label", label,
                  "--so-pin", so_pin, "--pin", pin)  # fmt: skip

    def delete_token(self, label: str) -> None:
        """Another process deletes the token: for us, it was pulled out."""
        self._run("softhsm2-util", "--delete-token", "--token", label)

    def import_key(self, label: str, key: PrivateKey, key_id: bytes, *, pin: str = PIN) -> None:
        der = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        usage = ["--usage-decrypt", "--usage-sign"]
        if isinstance(key, ec.EllipticCurvePrivateKey):
            usage = ["--usage-sign", "--usage-derive"]
        self._tool(label, pin, der, "privkey", key_id, usage)

    def import_cert(
        self, label: str, cert: x509.Certificate, key_id: bytes, *, pin: str = PIN
    ) -> None:
        der = cert.public_bytes(serialization.Encoding.DER)
        self._tool(label, pin, der, "cert", key_id, [])

    def add_key(self, label: str, key: PrivateKey, key_id: bytes, name: str) -> LabKey:
        cert = self_signed(key, name)
        self.import_key(label, key, key_id)
        self.import_cert(label, cert, key_id)
        return LabKey(key, cert, key_id)

    def activate(self) -> Pkcs11Module:
        """This process's SoftHSM2 now reads this lab (open sessions end)."""
        os.environ["SOFTHSM2_CONF"] = str(self.conf)
        module = Pkcs11Module(self.module_path)
        module.reload()
        return module

    def _tool(
        self, label: str, pin: str, der: bytes, kind: str, key_id: bytes, usage: list[str]
    ) -> None:
        self._scratch += 1
        path = self.root / f"object-{self._scratch}.der"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(der)
        try:
            self._run("pkcs11-tool", "--module", str(self.module_path), "--token-label", label,
                      "--login", "--pin", pin, "--write-object", str(path), "--type", kind,
                      "--id", key_id.hex(), "--label", f"{kind}-{key_id.hex()}",
                      *usage)  # fmt: skip
        finally:
            path.unlink()

    def _run(self, *argv: str) -> None:
        result = subprocess.run(argv, env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed: {result.stderr.strip() or result.stdout}")


@contextmanager
def softhsm_lab(root: Path) -> Iterator[SoftHsmLab]:
    """A :class:`SoftHsmLab` under ``root`` -- the test is skipped (failed in CI) where
    SoftHSM2 is missing -- and, after it, ``SOFTHSM2_CONF`` as it was before."""
    reason = missing_reason()
    if reason:
        unavailable(reason)
    previous = os.environ.get("SOFTHSM2_CONF")
    try:
        yield SoftHsmLab(root)
    finally:
        if previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = previous
