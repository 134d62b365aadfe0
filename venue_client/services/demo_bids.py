"""Demo mode's encrypted bids: for each bidder of a demo opening, a small synthetic
bid document with its opening summary (开标一览表), sealed in VBE1 to that bidder's
simulated USB key and to the demo platform backup key, as the platform would have
received it. The bid rows get the real receipt (SHA-256), size and file.

The simulated keys are made afresh each run, so the bids are sealed again for the
keys of this run; nothing here runs outside demo mode."""

from __future__ import annotations

import hashlib
import io
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from sqlalchemy import select

from drivers.token.keys import RsaPadding
from venue_client.config import Settings
from venue_client.crypto import vbe1
from venue_client.fileutil import atomic_write_bytes
from venue_client.services.bid_opener import backup_key_paths
from venue_client.services.context import AppContext
from venue_client.store.models import Bid, Bidder, OpeningSession

DOCUMENT_BYTES = 3 * 1024 * 1024  # enough for the desk's progress bar to move


def demo_backup_key(settings: Settings) -> tuple[Path, Path]:
    """The demo platform backup key (RSA-2048, self-signed), made once."""
    existing = backup_key_paths(settings)
    if existing is not None:
        return existing
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "演示平台备用密钥")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    key_path, cert_path = settings.key_dir / "backup-key.pem", settings.key_dir / "backup-cert.pem"
    atomic_write_bytes(
        key_path,
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    atomic_write_bytes(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return key_path, cert_path


def _document(rng: random.Random, bidder: str) -> bytes:
    line = f"{bidder} 投标文件（演示，非真实数据）第 {{n}} 页\n".encode()
    out = bytearray()
    n = 0
    while len(out) < DOCUMENT_BYTES:
        n += 1
        out += line.replace(b"{n}", str(n).encode()) + rng.randbytes(1000)
    return bytes(out[:DOCUMENT_BYTES])


def _summary(rng: random.Random) -> dict[str, Any]:
    price = Decimal(rng.randrange(8_000_000_00, 12_000_000_00)) / 100
    return {
        "price": f"{price:.2f}",
        "duration": f"{rng.choice((180, 240, 300, 365))} 日历天",
        "quality": "合格",
        "project_manager": "（演示）",
    }


def seal_demo_bids(ctx: AppContext, session_id: int, keys: dict[str, Any]) -> int:
    """Seal every bid of opening ``session_id`` whose bidder has a simulated key in
    ``keys`` (USCC → ``SimulatedKey``). Returns how many were sealed."""
    settings = ctx.settings
    _, cert_path = demo_backup_key(settings)
    backup = x509.load_pem_x509_certificate(cert_path.read_bytes())
    folder = settings.data_dir / "bids"
    folder.mkdir(mode=0o700, exist_ok=True)
    sealed = 0
    with ctx.transaction("system:demo") as tx:
        opening = tx.session.get(OpeningSession, session_id)
        if opening is None:
            return 0
        rows = tx.session.execute(
            select(Bid, Bidder)
            .join(Bidder, Bid.bidder_id == Bidder.id)
            .where(Bidder.section_id == opening.section_id)
        ).all()
        for bid, bidder in rows:
            key = keys.get(bidder.org_code)
            if key is None:
                continue
            rng = random.Random(bid.platform_id)
            out = io.BytesIO()
            vbe1.seal(
                io.BytesIO(_document(rng, bidder.name)),
                out,
                [
                    vbe1.Recipient(key.rsa_certificate, padding=RsaPadding.OAEP_SHA1),
                    vbe1.Recipient(backup, backup=True),
                ],
                summary=_summary(rng),
            )
            data = out.getvalue()
            path = folder / f"{bid.platform_id}.vbe1"
            atomic_write_bytes(path, data)
            bid.size, bid.local_path, bid.format = len(data), str(path), "VBE1"
            bid.receipt_sha256 = hashlib.sha256(data).hexdigest()
            bid.recipients = [
                hashlib.sha256(
                    key.rsa_certificate.public_bytes(serialization.Encoding.DER)
                ).hexdigest(),
                hashlib.sha256(backup.public_bytes(serialization.Encoding.DER)).hexdigest(),
            ]
            bid.state = "downloaded"
            sealed += 1
        tx.record(
            "demo.bids_sealed", {"v": 1, "session": f"O{session_id}", "bids": sealed}, outbox=False
        )
    return sealed
