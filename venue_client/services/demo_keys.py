"""Demo mode's stand-in for the central platform's check-in pass key: made once in
the demo data directory, trusted by the desk only in demo mode, used by the desk's
demo button to issue passes (签到二维码) for people on the list."""

from __future__ import annotations

from datetime import datetime, timedelta

from venue_client.audit.note import Signer, generate_signer_key
from venue_client.config import Settings
from venue_client.crypto.qrpass import issue_pass
from venue_client.fileutil import atomic_write_text

DEMO_PLATFORM = "ggzy.demo.invalid"  # .invalid: never a real platform's name
KEY_FILE = "demo-qr-platform.key"


def demo_pass_signer(settings: Settings) -> Signer:
    path = settings.key_dir / KEY_FILE
    if not path.exists():
        atomic_write_text(path, generate_signer_key(DEMO_PLATFORM) + "\n")
    return Signer.from_key(path.read_text(encoding="utf-8").strip())


def demo_pass(
    settings: Settings, *, section: str, kind: str, id_number: str, org: str, now: datetime
) -> str:
    """A pass valid from an hour ago for the rest of the day, as the platform would
    issue it to a person on the list."""
    return issue_pass(
        demo_pass_signer(settings),
        section=section,
        kind=kind,
        id_number=id_number,
        org=org,
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(hours=12),
    )
