"""SoftHSM2 as a stand-in token: a configuration and token directory of our own,
tokens made with ``softhsm2-util``, keys and certificates imported through
python-pkcs11. Used by the ``sim://`` simulator (demo mode) and by tests.

SoftHSM2 reads ``SOFTHSM2_CONF`` and scans its token directory in
``C_Initialize``: one configuration is active per process, and tokens created
after that are seen only after :meth:`Pkcs11Module.reload`. The PINs given here
appear on ``softhsm2-util``'s command line: demo and test tokens only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.token.pkcs11 import Pkcs11Module

MODULE_CANDIDATES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    "/opt/homebrew/lib/softhsm/libsofthsm2.so",
    "/usr/lib64/pkcs11/libsofthsm2.so",
)


def find_module() -> Path | None:
    """The SoftHSM2 PKCS#11 library: ``$SOFTHSM2_MODULE``, the usual places, or
    where ``dpkg`` installed it."""
    override = os.environ.get("SOFTHSM2_MODULE")
    candidates = [override] if override else []
    candidates += MODULE_CANDIDATES
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    dpkg = shutil.which("dpkg")
    if dpkg:
        for package in ("libsofthsm2", "softhsm2"):
            listed = subprocess.run(  # noqa: S603 - fixed argv, no shell
                [dpkg, "-L", package], capture_output=True, text=True, check=False
            )
            for line in listed.stdout.splitlines():
                if line.endswith("/libsofthsm2.so") and Path(line).is_file():
                    return Path(line)
    return None


def find_util() -> str | None:
    return shutil.which("softhsm2-util")


def available() -> bool:
    """SoftHSM2 and python-pkcs11 are both installed."""
    try:
        import pkcs11  # noqa: F401
    except ImportError:
        return False
    return find_module() is not None and find_util() is not None


class SoftHsmHome:
    """A private SoftHSM2 configuration and token directory under ``root``."""

    def __init__(self, root: str | os.PathLike[str], module: Path | None = None) -> None:
        found = module or find_module()
        util = find_util()
        if found is None or util is None:
            raise FileNotFoundError("SoftHSM2 is not installed (Debian package softhsm2)")
        self.module_path = found
        self._util = util
        self.root = Path(root)
        self.tokendir = self.root / "tokens"
        self.conf = self.root / "softhsm2.conf"
        self.tokendir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.conf.write_text(
            f"directories.tokendir = {self.tokendir}\n"
            "objectstore.backend = file\n"
            "log.level = ERROR\n"
            "slots.removable = true\n"
            "slots.mechanisms = ALL\n"
            "library.reset_on_fork = false\n",
            encoding="utf-8",
        )
        self.conf.chmod(0o600)
        self._previous: str | None = None

    def env(self) -> dict[str, str]:
        return {**os.environ, "SOFTHSM2_CONF": str(self.conf)}

    def init_token(self, label: str, *, pin: str, so_pin: str) -> None:
        self._util_run("--init-token", "--free", "--label", label, "--so-pin", so_pin, "--pin", pin)

    def delete_token(self, label: str) -> None:
        """Delete a token from outside, as another process would: for this
        process it is a token pulled out of its reader."""
        self._util_run("--delete-token", "--token", label)

    def activate(self) -> Pkcs11Module:
        """Point this process's SoftHSM2 at this home and (re)initialise it, so it
        sees the tokens created so far. Sessions opened before are closed."""
        if os.environ.get("SOFTHSM2_CONF") != str(self.conf):
            self._previous = os.environ.get("SOFTHSM2_CONF")
        os.environ["SOFTHSM2_CONF"] = str(self.conf)
        module = Pkcs11Module(self.module_path)
        module.reload()
        return module

    def deactivate(self) -> None:
        """Give the process's SoftHSM2 configuration back (before this home's files
        go away), if it still points here."""
        if os.environ.get("SOFTHSM2_CONF") != str(self.conf):
            return
        # Only the variable: the library keeps what it read at C_Initialize until the
        # next owner reloads it (reloading here could pull it from under a token thread).
        if self._previous is None:
            os.environ.pop("SOFTHSM2_CONF", None)
        else:
            os.environ["SOFTHSM2_CONF"] = self._previous

    def _util_run(self, *args: str) -> None:
        subprocess.run(  # noqa: S603 - fixed argv, no shell
            [self._util, *args], env=self.env(), check=True, capture_output=True
        )


def import_key(
    module: Pkcs11Module,
    token_label: str,
    pin: str,
    private_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey,
    certificate: x509.Certificate,
    *,
    key_id: bytes,
    label: str,
) -> None:
    """Store a private key, its public key and its certificate on a token, linked
    by ``CKA_ID``; the private key sensitive and not extractable, as on a USB key."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, ObjectClass
    from pkcs11.util import ec as p11ec
    from pkcs11.util import rsa as p11rsa

    common = {Attribute.TOKEN: True, Attribute.ID: key_id, Attribute.LABEL: label}
    private_attrs = {**common, Attribute.PRIVATE: True, Attribute.SENSITIVE: True}
    private_attrs[Attribute.EXTRACTABLE] = False
    public_der = private_key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    if isinstance(private_key, rsa.RSAPrivateKey):
        der = private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        private_attrs.update(p11rsa.decode_rsa_private_key(der))
        public_attrs = p11rsa.decode_rsa_public_key(
            private_key.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.PKCS1
            )
        )
    else:
        der = private_key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.TraditionalOpenSSL,
            serialization.NoEncryption(),
        )
        private_attrs.update(p11ec.decode_ec_private_key(der))
        private_attrs.update({Attribute.SIGN: True, Attribute.DERIVE: True})
        public_attrs = p11ec.decode_ec_public_key(public_der)
    cert_der = certificate.public_bytes(serialization.Encoding.DER)
    cert_attrs = {
        **common,
        Attribute.CLASS: ObjectClass.CERTIFICATE,
        Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
        Attribute.VALUE: cert_der,
        Attribute.SUBJECT: certificate.subject.public_bytes(),
        Attribute.ISSUER: certificate.issuer.public_bytes(),
    }
    with module.lock:
        token = pkcs11.lib(module.path).get_token(token_label=token_label)
        with token.open(rw=True, user_pin=pin) as session:
            session.create_object(private_attrs)
            session.create_object({**common, **public_attrs})
            session.create_object(cert_attrs)
