"""What the desk's certificate and QR check-ins need from the environment: the USB
key device, the venue's identity for challenges, the facts kept about a refused
certificate, and the demo platform's pass key (trusted in demo mode only)."""

from __future__ import annotations

import hashlib
from typing import Any

from cryptography.hazmat.primitives import serialization

from venue_client.audit.note import Verifier
from venue_client.services.certsignin import SignedChallenge
from venue_client.ui.env import UiEnv


def token_device(env: UiEnv) -> Any:
    """The registry's USB key device (``TokenDevice``), or None when not configured."""
    registry = env.devices
    return registry.devices.get("token") if registry is not None else None


def venue_identity(env: UiEnv) -> str:
    """Who issues check-in challenges: the venue code, else the workstation."""
    return env.ctx.settings.venue.code or env.ctx.workstation_id


def certificate_facts(signed: SignedChallenge) -> dict[str, object]:
    """A refused certificate as the refusal record keeps it (no verification made)."""
    cert = signed.certificate
    der = cert.public_bytes(serialization.Encoding.DER)
    return {
        "proof": "certificate",
        "subject": cert.subject.rfc4514_string(),
        "issuer": cert.issuer.rfc4514_string(),
        "fingerprint_sha256": hashlib.sha256(der).hexdigest(),
    }


def demo_pass_keys(env: UiEnv) -> list[Verifier]:
    if not env.demo:
        return []
    from venue_client.services.demo_keys import demo_pass_signer

    return [demo_pass_signer(env.ctx.settings).verifier()]
