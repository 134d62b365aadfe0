"""Key tokens for demo mode (``token = "sim://"``): one token per bidder, each with
an RSA-2048 key-transport key (``CKA_ID`` 01) and an EC P-256 key-agreement key
(``CKA_ID`` 02), with certificates from a :class:`DemoCa`.

With SoftHSM2 and python-pkcs11 installed the tokens are real SoftHSM2 tokens in a
private temporary directory, driven through the same :class:`Pkcs11Token` code as a
USB key; otherwise they are :class:`SoftToken` objects. :meth:`TokenSimulator.status`
says which. SoftHSM2 allows one configuration per process: starting the simulator
points this process's SoftHSM2 at the simulator's directory.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.common import QT_TRANSLATE_NOOP, DriverText
from drivers.token import softhsm
from drivers.token.democa import DemoCa
from drivers.token.errors import NoTokenError
from drivers.token.keys import KeyToken, TokenInfo
from drivers.token.pkcs11 import Pkcs11Module
from drivers.token.softkeys import SoftKeyStore
from drivers.token.softtoken import SoftToken

M_SOFTHSM = QT_TRANSLATE_NOOP("drivers.token", "模拟加密锁：SoftHSM2，{count} 个")
M_SOFTKEYS = QT_TRANSLATE_NOOP(
    "drivers.token", "模拟加密锁：软件密钥，{count} 个（未安装 SoftHSM2）"
)

RSA_KEY_ID = b"\x01"
EC_KEY_ID = b"\x02"


@dataclass(frozen=True)
class SimBidder:
    name: str
    uscc: str


@dataclass(frozen=True)
class SimulatedKey:
    """What demo data needs to seal bids to a simulated token, and its PIN."""

    label: str
    pin: str
    bidder: SimBidder
    rsa_certificate: x509.Certificate
    ec_certificate: x509.Certificate


class TokenSimulator:
    def __init__(
        self,
        bidders: list[SimBidder],
        *,
        pin: str = "123456",
        ca: DemoCa | None = None,
        backend: Literal["auto", "softhsm2", "softkeys"] = "auto",
        root: Path | None = None,
    ) -> None:
        self.ca = ca or DemoCa()
        self.keys: dict[str, SimulatedKey] = {}
        self._soft: dict[str, SoftToken] = {}
        self._root: Path | None = None
        self.home: softhsm.SoftHsmHome | None = None
        self.module: Pkcs11Module | None = None
        use_softhsm = backend == "softhsm2" or (backend == "auto" and softhsm.available())
        self.backend: Literal["softhsm2", "softkeys"] = "softhsm2" if use_softhsm else "softkeys"
        material = [self._make(i, bidder, pin) for i, bidder in enumerate(bidders, 1)]
        if use_softhsm:
            self._root = root or Path(tempfile.mkdtemp(prefix="venue-sim-tokens-"))
            self.home = softhsm.SoftHsmHome(self._root)
            for key, _, _ in material:
                self.home.init_token(key.label, pin=key.pin, so_pin=key.pin + "so")
            self.module = module = self.home.activate()
            for key, rsa_key, ec_key in material:
                for private, cert, key_id, name in (
                    (rsa_key, key.rsa_certificate, RSA_KEY_ID, "encryption"),
                    (ec_key, key.ec_certificate, EC_KEY_ID, "agreement"),
                ):
                    softhsm.import_key(
                        module, key.label, key.pin, private, cert, key_id=key_id, label=name
                    )
        else:
            for key, rsa_key, ec_key in material:
                store = SoftKeyStore(
                    [(rsa_key, key.rsa_certificate), (ec_key, key.ec_certificate)],
                    label=key.label,
                )
                serial = f"SIM{len(self._soft) + 1:013d}"
                self._soft[key.label] = SoftToken(store, label=key.label, serial=serial, pin=pin)

    def status(self) -> tuple[DriverText, dict[str, object]]:
        """A translatable status line for the device bar, with its arguments."""
        text = M_SOFTHSM if self.backend == "softhsm2" else M_SOFTKEYS
        return text, {"count": len(self.keys)}

    def tokens(self) -> list[TokenInfo]:
        if self.module is not None:
            return [t for t in self.module.tokens() if t.label in self.keys]
        return [token.info for token in self._soft.values()]

    def open_token(self, label: str | None = None) -> KeyToken:
        """The token of one simulated bidder (the first when ``label`` is None)."""
        if label is None:
            if not self.keys:
                raise NoTokenError()
            label = next(iter(self.keys))
        if label not in self.keys:
            raise NoTokenError()
        if self.module is not None:
            return self.module.open_token(label=label)
        return self._soft[label]

    def close(self) -> None:
        for token in self._soft.values():
            token.close()
        if self.home is not None:
            self.home.deactivate()
        if self._root is not None:
            shutil.rmtree(self._root, ignore_errors=True)
            self._root = None

    def _make(
        self, index: int, bidder: SimBidder, pin: str
    ) -> tuple[SimulatedKey, rsa.RSAPrivateKey, ec.EllipticCurvePrivateKey]:
        rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ec_key = ec.generate_private_key(ec.SECP256R1())
        key = SimulatedKey(
            label=f"BIDDER-{index:02d}",
            pin=pin,
            bidder=bidder,
            rsa_certificate=self.ca.issue(
                rsa_key.public_key(), name=bidder.name, uscc=bidder.uscc, usage="encipherment"
            ),
            ec_certificate=self.ca.issue(
                ec_key.public_key(), name=bidder.name, uscc=bidder.uscc, usage="agreement"
            ),
        )
        self.keys[key.label] = key
        return key, rsa_key, ec_key
